import { DomainError, ErrorKind } from '../errors/domain-error.js';
import { personActor, requirePerson, systemActor } from './actor.js';
import { Role } from './role.js';

describe(requirePerson.name, () => {
  it('lets a person act and refuses the system with a 403 domain error', () => {
    expect(() => requirePerson(personActor('p-1', 'o-1', [Role.Director]))).not.toThrow();
    const refused = (() => {
      try {
        requirePerson(systemActor('worker:documents'));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'access.person_required', kind: ErrorKind.Forbidden });
  });
});
