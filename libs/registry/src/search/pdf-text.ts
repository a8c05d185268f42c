import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The most text kept of one file: enough for any remiss, and within what a tsvector holds. */
export const MAX_CONTENT_CHARS = 400_000;

/**
 * The text of a PDF, page after page, in Unicode form C, for search. pdf.js reads it without
 * fonts, scripts or rendering (nothing in the file runs); a file it cannot read has no text.
 */
export async function pdfText(bytes: Buffer): Promise<string> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= pdf.numPages && length < MAX_CONTENT_CHARS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      pages.push(text);
      length += text.length;
      page.cleanup();
    }
    return searchable(pages.join('\n'));
  } finally {
    await task.destroy();
  }
}

/** Text as the search keeps it: in Unicode form C, without NUL (no text column takes it) or runs of blanks, and not too long. */
export function searchable(text: string): string {
  return text
    .normalize('NFC')
    .replaceAll('\u0000', '')
    .replace(/[ \t]+/g, ' ')
    .slice(0, MAX_CONTENT_CHARS);
}
