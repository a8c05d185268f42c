import { inspectPdfSignature } from '@app/pdf';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the command-line tools say about a signed PDF: poppler's pdfsig and openssl on its CMS. */
export interface SignatureReport {
  readonly pdfsig: string;
  readonly cms: string;
}

/** The tool's stdout and stderr together (tools differ in which they write to). */
function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw result.error;
  }
  return `${result.stdout}${result.stderr}`;
}

/** The signature's CMS, cut out of the PDF by its byte range. */
export function signatureCms(pdf: Buffer): Buffer {
  const inspection = inspectPdfSignature(pdf);
  if (inspection.status !== 'signed') {
    throw new Error(`the PDF is not signed (${inspection.status})`);
  }
  const [, length1, start2] = inspection.byteRange;
  return Buffer.from(pdf.subarray(length1 + 1, start2 - 1).toString('latin1'), 'hex');
}

export function reportSignature(pdf: Buffer): SignatureReport {
  const dir = mkdtempSync(join(tmpdir(), 'remiss-pdfsig-'));
  try {
    const file = join(dir, 'document.pdf');
    const cms = join(dir, 'signature.der');
    writeFileSync(file, pdf);
    writeFileSync(cms, signatureCms(pdf));
    return {
      pdfsig: run('pdfsig', [file]),
      cms: run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cms]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext reads it, with lines joined (a title broken over two lines reads whole). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'remiss-pdftext-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return run('pdftotext', [file, '-'])
      .replace(/-\n(?=\p{Ll})/gu, '')
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The signer's name in the signature dictionary (`/Name`), as a PDF reader shows it: the literal
 * string unescaped, and decoded from UTF-16BE when it starts with the byte order mark.
 */
export function signatureName(pdf: Buffer): string | undefined {
  const raw = pdf.toString('latin1');
  const at = raw.lastIndexOf('/Type /Sig');
  const start = raw.indexOf('/Name (', Math.max(0, at));
  if (start < 0) {
    return undefined;
  }
  let bytes = '';
  for (let i = start + '/Name ('.length; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === ')') {
      break;
    }
    if (c === '\\') {
      const next = raw[++i]!;
      const escaped: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      bytes += escaped[next] ?? next;
      continue;
    }
    bytes += c;
  }
  const buffer = Buffer.from(bytes, 'latin1');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes;
}
