import { drawLine, type FlowBuilder, type Line, plainLines, StructNode } from '@app/pdf';

import { BODY_COLUMN, STYLES } from './city-styles.js';
import type { Signatory } from './models.js';
import { onBehalfOfLabel } from './swedish.js';

const COLUMN_GAP = 24;
const ROW_GAP = 26;
/** Room above the names for a handwritten signature, as on the printed original. */
const SPACE_FOR_SIGNATURES = 32;

/**
 * The signature block: signatories side by side, two to a row, each as name over title (over whom
 * a substitute signed for) over organisation, in the order given (the model puts the last approver first). One unbreakable
 * box, so the block is never split across pages.
 */
export function addSignatureBlock(doc: PDFKit.PDFDocument, flow: FlowBuilder, signatories: readonly Signatory[]): void {
  if (signatories.length === 0) {
    return;
  }
  const style = STYLES.body;
  const width = (BODY_COLUMN.width - COLUMN_GAP) / 2;
  const cells = signatories.map((s) =>
    [s.name, s.title, ...(s.onBehalfOf ? [onBehalfOfLabel(s.onBehalfOf)] : []), s.organisation].flatMap((text) =>
      plainLines(doc, text, style, width),
    ),
  );
  const rows: { cells: (readonly Line[])[]; height: number }[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const pair = cells.slice(i, i + 2);
    rows.push({ cells: pair, height: Math.max(...pair.map((cell) => cell.length)) * style.leading });
  }
  const height = rows.reduce((sum, row) => sum + row.height, 0) + ROW_GAP * (rows.length - 1);
  const lineCount = cells.reduce((n, c) => n + c.length, 0);

  flow.unbreakable(height, SPACE_FOR_SIGNATURES, lineCount, (at) => {
    const block = new StructNode(at.doc, 'Div', flow.root);
    let top = at.top;
    rows.forEach((row) => {
      // Row by row, left to right: the reading order of the block.
      row.cells.forEach((cell, c) => {
        const x = BODY_COLUMN.x + c * (width + COLUMN_GAP);
        const person = block.child('P');
        person.mark(() => cell.forEach((line, i) => drawLine(at.doc, line, style, x, top + i * style.leading)));
        person.end();
      });
      top += row.height + ROW_GAP;
    });
    block.end();
  });
}

/**
 * A certification such as `Rätt utdraget intygar` over room for a signature, the name and the
 * title: one unbreakable box.
 */
export function addCertification(
  doc: PDFKit.PDFDocument,
  flow: FlowBuilder,
  label: string,
  person: { readonly name: string; readonly title: string },
): void {
  const style = STYLES.body;
  const labelLines = plainLines(doc, label, style, BODY_COLUMN.width);
  const personLines = [person.name, person.title].flatMap((t) => plainLines(doc, t, style, BODY_COLUMN.width / 2));
  const height = (labelLines.length + personLines.length) * style.leading + SPACE_FOR_SIGNATURES;
  flow.unbreakable(height, 22, labelLines.length + personLines.length, (at) => {
    const block = new StructNode(at.doc, 'Div', flow.root);
    const caption = block.child('P');
    caption.mark(() =>
      labelLines.forEach((l, i) => drawLine(at.doc, l, style, BODY_COLUMN.x, at.top + i * style.leading)),
    );
    caption.end();
    const top = at.top + labelLines.length * style.leading + SPACE_FOR_SIGNATURES;
    const signer = block.child('P');
    signer.mark(() =>
      personLines.forEach((l, i) => drawLine(at.doc, l, style, BODY_COLUMN.x, top + i * style.leading)),
    );
    signer.end();
    block.end();
  });
}
