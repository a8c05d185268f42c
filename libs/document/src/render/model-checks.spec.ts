import { ErrorKind } from '@app/platform';

import { checkDate, checkDateOrTime, formatStockholmTime } from './model-checks.js';

describe(formatStockholmTime.name, () => {
  it('prints an instant as Swedish local time, summer and winter', () => {
    expect(formatStockholmTime(new Date('2025-09-25T07:14:00Z'))).toBe('2025-09-25 09:14');
    expect(formatStockholmTime(new Date('2025-12-01T23:30:00Z'))).toBe('2025-12-02 00:30');
  });
});

describe(checkDate.name, () => {
  it('accepts YYYY-MM-DD and refuses anything else', () => {
    expect(checkDate('2025-10-23', 'meetingDate')).toBe('2025-10-23');
    expect(() => checkDate('2025-13-01', 'meetingDate')).toThrow(
      expect.objectContaining({ code: 'document.model_invalid', kind: ErrorKind.Unprocessable }),
    );
    expect(() => checkDate('23 oktober 2025', 'meetingDate')).toThrow(
      'meetingDate ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men är ”23 oktober 2025”.',
    );
  });

  it('accepts approval times YYYY-MM-DD HH:MM and meeting days YYYY-MM-DD', () => {
    expect(checkDateOrTime('2025-09-25 09:14', 'approvedAt')).toBe('2025-09-25 09:14');
    expect(checkDateOrTime('2025-10-23', 'approvedAt')).toBe('2025-10-23');
    expect(() => checkDateOrTime('2025-09-25T09:14', 'approvedAt')).toThrow(
      expect.objectContaining({ code: 'document.model_invalid', extensions: { field: 'approvedAt' } }),
    );
  });
});
