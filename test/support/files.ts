import type { Response } from 'superagent';
import { addSignaturePlaceholder, signPdf, type SigningIdentity } from '@app/pdf';
import PDFDocument from 'pdfkit';

/** A small real PDF with the given lines of text (standard font; enough for a remissunderlag). */
export async function samplePdf(lines: readonly string[], signedBy?: SigningIdentity): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    info: { CreationDate: new Date('2025-01-01T00:00:00Z'), Title: lines[0] ?? '' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const line of lines) {
    doc.text(line);
  }
  if (signedBy) {
    addSignaturePlaceholder(doc, {
      signerName: signedBy.commonName ?? 'Okänd',
      reason: 'Signerad utanför systemet',
      location: 'Stockholm',
      contactInfo: '',
      signingTime: new Date('2025-01-01T00:00:00Z'),
    });
  }
  doc.end();
  return signedBy ? signPdf(await done, signedBy) : done;
}

/** The eight-byte PNG signature and a minimal header: a PNG by content, whatever its name says. */
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

/** A supertest parser that keeps the response body as bytes (use with `.buffer(true)`). */
export function asBytes(res: Response, done: (error: Error | null, body: unknown) => void): void {
  // In Node, superagent hands the parser the response stream itself.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
