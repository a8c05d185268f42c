/**
 * CSV that Swedish Excel opens correctly on double-click: UTF-8 with a byte-order mark (or it
 * guesses Windows-1252 and mangles å, ä, ö), semicolons (the list separator where the decimal
 * separator is a comma) and CRLF line ends.
 */
export function toExcelCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined): string => {
    const text = value === null || value === undefined ? '' : String(value);
    // A leading =, +, - or @ would be read as a formula: prefix a quote so it stays text.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
