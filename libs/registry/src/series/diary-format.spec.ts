import { DomainError } from '@app/platform';

import { DEFAULT_DIARY_FORMAT, DiaryFormat } from './diary-format.js';

describe('DiaryFormat', () => {
  it('writes and reads the default PREFIX YEAR/N, with the document number after a dash', () => {
    const f = DiaryFormat.of(DEFAULT_DIARY_FORMAT);
    expect(f.format({ prefix: 'HÄ', year: 2025, sequence: 578 })).toBe('HÄ 2025/578');
    expect(f.formatDocument('HÄ 2025/578', 3)).toBe('HÄ 2025/578-3');
    expect(f.parse('hä  2025/578-3', 2026)).toMatchObject({ prefix: 'HÄ', year: 2025, sequence: 578, document: 3 });
    expect(f.parse('HÄ-2025-578', 2026)).toBeUndefined();
  });

  it.each([
    ['{class}-{n}-{yyyy}', '-', { classification: '1.5.1', year: 2012, sequence: 135 }, '1.5.1-135-2012'],
    ['302-{n}-{yy}', '-', { year: 2004, sequence: 260 }, '302-260-04'],
    ['316-{n}/{yyyy}', '-', { year: 2012, sequence: 259 }, '316-259/2012'],
    ['{prefix}{yy}-{n:4}', ':', { prefix: 'KS', year: 2026, sequence: 7 }, 'KS26-0007'],
  ])('writes %s (documents after %s) and reads every number back', (template, separator, parts, written) => {
    const f = DiaryFormat.of({ template, documentSeparator: separator });
    const full = { prefix: 'HÄ', classification: null, ...parts };
    expect(f.format(full)).toBe(written);
    const document = f.formatDocument(written, 12);
    expect(f.parse(written, 2026)).toMatchObject({ year: full.year, sequence: full.sequence });
    expect(f.parse(document, 2026)).toMatchObject({ year: full.year, sequence: full.sequence, document: 12 });
    expect(f.format({ ...full, ...f.parse(document, 2026), prefix: full.prefix })).toBe(written);
  });

  it.each([
    ['{class}{n}-{yyyy}', '-', 'entydigt'],
    ['{prefix} {n}', '-', 'året'],
    ['{prefix} {yyyy}/{n}/{n}', '-', 'löpnumret'],
    ['{prefix} {yyyy}/{nr}', '-', '{nr}'],
    ['{prefix} {yyyy}/{n', '-', 'saknar sin'],
    ['{prefix} {yyyy}/{n}', 'x', 'handlingsavskiljaren'],
    ['{prefix} {yyyy}/{n}', '', 'handlingsavskiljaren'],
    ['{prefix} {yyyy}/{n}-{class}', '.', 'entydigt'],
  ])('refuses %s (separator %s)', (template, separator, reason) => {
    let error: unknown;
    try {
      DiaryFormat.of({ template, documentSeparator: separator });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('registry.diary_format_invalid');
    expect((error as DomainError).message).toContain(reason);
  });
});
