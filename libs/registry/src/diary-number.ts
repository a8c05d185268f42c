import { DomainError, ErrorKind } from '@app/platform';

/** A diary number `PREFIX YEAR/N`, e.g. `HÄ 2025/578`, and a document number `HÄ 2025/578-3`. */
export interface DiaryNumber {
  readonly prefix: string;
  readonly year: number;
  readonly sequence: number;
}

const PATTERN = /^([A-ZÅÄÖ]{1,6}) (\d{4})\/(\d{1,7})(?:-(\d{1,5}))?$/;

export function formatDiaryNumber(n: DiaryNumber): string {
  return `${n.prefix} ${n.year}/${n.sequence}`;
}

export function formatDocumentNumber(diaryNumber: string, documentNumber: number): string {
  return `${diaryNumber}-${documentNumber}`;
}

/** Parses `HÄ 2025/578` (or `HÄ 2025/578-3`, whose document number is returned too). */
export function parseDiaryNumber(text: string): DiaryNumber & { readonly document?: number } {
  const match = PATTERN.exec(text.trim().replace(/\s+/g, ' ').toUpperCase());
  if (!match || Number(match[3]) < 1) {
    throw new DomainError(
      'registry.diary_number_invalid',
      ErrorKind.Invalid,
      `”${text}” är inte ett diarienummer. Skriv det som PREFIX ÅR/NUMMER, till exempel HÄ 2025/578.`,
    );
  }
  return {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- PATTERN's first group takes part in every match
    prefix: match[1]!,
    year: Number(match[2]),
    sequence: Number(match[3]),
    ...(match[4] ? { document: Number(match[4]) } : {}),
  };
}
