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
