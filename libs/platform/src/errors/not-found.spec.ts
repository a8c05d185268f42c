import { DomainError, ErrorKind, isLastingFailure, PermanentJobFailure } from './domain-error.js';
import { mustExist, mustFind, NotFoundError, notFoundAs } from './not-found.js';

const gone = (): NotFoundError => new NotFoundError('thing.not_found', 'Saken finns inte.');

describe(mustExist.name, () => {
  it('passes a row through and raises the named not-found error for a missing one', async () => {
    const row = { id: 'r-1' };
    expect(mustExist(row, gone)).toBe(row);
    expect(mustExist(0, gone)).toBe(0);
    for (const missing of [null, undefined]) {
      expect(() => mustExist(missing, gone)).toThrow(
        expect.objectContaining({ code: 'thing.not_found', kind: ErrorKind.NotFound, detail: 'Saken finns inte.' }),
      );
    }
    await expect(mustFind(Promise.resolve(row), gone)).resolves.toBe(row);
    await expect(mustFind(Promise.resolve(null), gone)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe(notFoundAs.name, () => {
  const asked = (): NotFoundError => new NotFoundError('request.not_found', 'Begäran finns inte.');

  it('turns a not-found into the caller’s own and lets every other failure through', async () => {
    await expect(Promise.reject(gone()).catch(notFoundAs(asked))).rejects.toMatchObject({ code: 'request.not_found' });
    const lost = new Error('Connection terminated unexpectedly');
    await expect(Promise.reject(lost).catch(notFoundAs(asked))).rejects.toBe(lost);
    const refused = new DomainError('access.role_required', ErrorKind.Forbidden, 'Du behöver en roll.');
    await expect(Promise.reject(refused).catch(notFoundAs(asked))).rejects.toBe(refused);
  });
});

describe(isLastingFailure.name, () => {
  it('holds a domain error lasting unless it says a dependency is away, and anything else passing', () => {
    expect(isLastingFailure(gone())).toBe(true);
    expect(isLastingFailure(new DomainError('x.closed', ErrorKind.Conflict, 'Stängt.'))).toBe(true);
    expect(isLastingFailure(new PermanentJobFailure('bad model'))).toBe(true);
    expect(isLastingFailure(new DomainError('x.away', ErrorKind.Unavailable, 'Borta.'))).toBe(false);
    expect(isLastingFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isLastingFailure(new Error('ECONNRESET'))).toBe(false);
  });
});
