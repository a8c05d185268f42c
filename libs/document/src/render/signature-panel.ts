import {
  asArtifact,
  drawLine,
  type FlowBuilder,
  type Line,
  plainLines,
  type SignaturePanelPlacement,
  StructNode,
} from '@app/pdf';

import { BODY_COLUMN, STYLES } from './city-styles.js';
import { checkDateOrTime } from './model-checks.js';
import type { SignaturePanelModel } from './models.js';
import { PAGE } from './page-geometry.js';

const PADDING = 7;
const SPACE_BEFORE = 14;
const TIME_WIDTH = 90;

/** Where the panel ended up; filled in when it is drawn. */
export interface PanelHolder {
  placement: SignaturePanelPlacement | null;
}

/**
 * The visible signature panel: a framed box, `Elektroniskt signerad av <organisation>`, then
 * each approver (or deciding board), after the caption, with name, title (or paragraph) and time. It is the last box of a document, so it
 * stands on the last page; the holder receives its page and rectangle for the signing step.
 */
export function addSignaturePanel(
  doc: PDFKit.PDFDocument,
  flow: FlowBuilder,
  panel: SignaturePanelModel | null | undefined,
): PanelHolder {
  const holder: PanelHolder = { placement: null };
  if (!panel) {
    return holder;
  }
  const inner = BODY_COLUMN.width - 2 * PADDING;
  const heading = plainLines(doc, `Elektroniskt signerad av ${panel.organisation}`, STYLES.panelTitle, inner);
  // The caption leads each entry, so that the panel takes no more lines than the entries do.
  const caption = panel.caption ? `${panel.caption} ` : '';
  const approvals = panel.approvals.map((a, i) => ({
    who: plainLines(doc, `${caption}${a.name}, ${a.title}`, STYLES.panel, inner - TIME_WIDTH),
    when: plainLines(
      doc,
      checkDateOrTime(a.approvedAt, `signaturePanel.approvals[${i}].approvedAt`),
      STYLES.panel,
      TIME_WIDTH,
    ),
  }));
  const approvalLines = approvals.reduce((n, a) => n + Math.max(a.who.length, a.when.length), 0);
  const height = 2 * PADDING + heading.length * STYLES.panelTitle.leading + 3 + approvalLines * STYLES.panel.leading;

  // The panel does not stand alone on a last page: it keeps with what precedes it (Bilagor or
  // the signature block).
  flow.glueLast();
  flow.unbreakable(height, SPACE_BEFORE, heading.length + approvalLines, (at) => {
    const { x, width } = BODY_COLUMN;
    asArtifact(at.doc, 'Layout', () => {
      at.doc.rect(x, at.top, width, height).lineWidth(0.75).stroke();
    });
    const section = new StructNode(at.doc, 'Div', flow.root);
    const left = x + PADDING;
    let top = at.top + PADDING;
    const title = section.child('P');
    title.mark(() => {
      heading.forEach((line, i) =>
        drawLine(at.doc, line, STYLES.panelTitle, left, top + i * STYLES.panelTitle.leading),
      );
    });
    title.end();
    top += heading.length * STYLES.panelTitle.leading + 3;
    for (const a of approvals) {
      const p = section.child('P');
      p.mark(() => {
        a.who.forEach((line, i) => drawLine(at.doc, line, STYLES.panel, left, top + i * STYLES.panel.leading));
        a.when.forEach((line: Line, i) =>
          drawLine(at.doc, line, STYLES.panel, x + width - PADDING - line.width, top + i * STYLES.panel.leading),
        );
      });
      p.end();
      top += Math.max(a.who.length, a.when.length) * STYLES.panel.leading;
    }
    section.end();
    holder.placement = {
      page: at.page,
      rect: [x, PAGE.height - (at.top + height), x + width, PAGE.height - at.top].map(round2) as [
        number,
        number,
        number,
        number,
      ],
    };
  });
  return holder;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
