import PDFDocument from 'pdfkit';

/** A small real PDF with the given lines of text: enough for a remissunderlag a board registers. */
export async function samplePdf(lines: readonly string[]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: lines[0] ?? '' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const line of lines) {
    doc.text(line);
  }
  doc.end();
  return new Uint8Array(await done);
}
