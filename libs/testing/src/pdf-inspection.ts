import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What poppler and qpdf say about a PDF, for assertions in tests. */
export interface PdfInspection {
  /** `pdftotext` of the whole document. */
  readonly text: string;
  /** `pdftotext` of each page (the tool separates pages with a form feed). */
  readonly pages: readonly string[];
  /** `pdfinfo` output. */
  readonly info: string;
  /** `pdffonts` output. */
  readonly fonts: string;
  /** `qpdf --check` output; the call throws when qpdf finds errors. */
  readonly qpdfCheck: string;
  /** The XMP metadata packet. */
  readonly xmp: string;
  /** The file read as Latin-1, for looking at uncompressed objects. */
  readonly raw: string;
}

/** Runs the command-line tools on a PDF in a temporary directory that is removed afterwards. */
export function inspectPdf(pdf: Buffer): PdfInspection {
  const dir = mkdtempSync(join(tmpdir(), 'remiss-render-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const run = (command: string, args: readonly string[]): string =>
      execFileSync(command, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const info = run('pdfinfo', [file]);
    const text = run('pdftotext', [file, '-']);
    const raw = pdf.toString('latin1');
    const xmpBytes = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(raw)?.[0] ?? '';
    return {
      text,
      pages: splitPages(text),
      info,
      fonts: run('pdffonts', [file]),
      qpdfCheck: run('qpdf', ['--check', file]),
      xmp: Buffer.from(xmpBytes, 'latin1').toString('utf8'),
      raw,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext` of each page, from one run of the tool. */
export function extractPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'remiss-render-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return splitPages(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext ends every page with a form feed. */
function splitPages(text: string): string[] {
  return text.split('\f').slice(0, -1);
}

/** Whitespace collapsed to single spaces, as text extraction breaks lines anywhere. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page count `pdfinfo` reports. */
export function pageCount(inspection: PdfInspection): number {
  return Number(/^Pages:\s+(\d+)/m.exec(inspection.info)?.[1] ?? '0');
}

/**
 * Finds each needle in the haystack in order; returns the needles that were not found after the
 * previous one (an empty list when all are there, in order).
 */
export function missingInOrder(haystack: string, needles: readonly string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) {
      missing.push(needle);
    } else {
      from = at + needle.length;
    }
  }
  return missing;
}

/** Sentences of a text: whitespace normalised, split after `. ` as the test brief says. */
export function sentences(text: string): string[] {
  return normalise(text)
    .split('. ')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
