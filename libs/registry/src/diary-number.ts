import { DomainError, ErrorKind } from '@app/platform';

import { DEFAULT_DIARY_FORMAT, DiaryFormat } from './series/diary-format.js';

/** A document's number: the case's number, the format's document separator, the running number (`HÄ 2025/578-3`). */
export function formatDocumentNumber(diaryNumber: string, documentNumber: number, separator = '-'): string {
  return `${diaryNumber}${separator}${documentNumber}`;
}

/**
 * A diary number as typed (`hä  2025/578`, `1.5.1-135-2012`), written as the registry stores it:
 * read in the series' format, or in `PREFIX YEAR/N` (numbers from before a format was set).
 * A document's number reads as its case's.
 */
export function normaliseDiaryNumber(text: string, format: DiaryFormat, currentYear: number): string {
  for (const candidate of [format, DiaryFormat.of(DEFAULT_DIARY_FORMAT)]) {
    const parsed = candidate.parse(text, currentYear);
    if (parsed) {
      return candidate.format(parsed);
    }
  }
  throw new DomainError(
    'registry.diary_number_invalid',
    ErrorKind.Invalid,
    `”${text}” är inte ett diarienummer. Skriv det som serien skriver dem (${format.template.replace(/[{}]/g, '')}), till exempel ${format.format({ prefix: 'HÄ', year: 2025, sequence: 578, classification: '1.5.1' })}.`,
  );
}
