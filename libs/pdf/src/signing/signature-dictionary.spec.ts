import { parsePdfDate } from './signature-dictionary.js';

describe(parsePdfDate.name, () => {
  it('reads UTC, offset and partial PDF dates', () => {
    expect(parsePdfDate('D:20250314092653Z')).toEqual(new Date('2025-03-14T09:26:53Z'));
    expect(parsePdfDate("D:20250314102653+01'00'")).toEqual(new Date('2025-03-14T09:26:53Z'));
    expect(parsePdfDate("D:20250314042653-05'00")).toEqual(new Date('2025-03-14T09:26:53Z'));
    expect(parsePdfDate('D:202503')).toEqual(new Date('2025-03-01T00:00:00Z'));
  });

  it('refuses what is not a PDF date', () => {
    for (const value of ['', '20250314092653Z', 'D:20250231120000Z', 'D:20251301120000Z', 'D:20250314250000Z', 'D:x']) {
      expect(parsePdfDate(value)).toBeNull();
    }
  });
});
