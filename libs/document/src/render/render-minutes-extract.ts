import type { RenderedPdf } from '@app/pdf';

import { beginCityDocument, completeCityDocument } from './city-document.js';
import { STYLES } from './city-styles.js';
import { checkDate } from './model-checks.js';
import type { MinutesExtractModel } from './models.js';
import { addCertification } from './signature-block.js';
import { addSignaturePanel } from './signature-panel.js';
import { addPart } from './statement-parts.js';
import { BOARD_WORDS, paragraphLabel } from './swedish.js';

const DOCUMENT_TYPE = 'Protokollsutdrag';

/**
 * Renders a protokollsutdrag: the board, `Protokoll från sammanträde <date>` (a company's board:
 * `styrelsemöte`), `§ <n>`, the
 * matter's title and diary number, the decision, reservations and special statements when there
 * are any, how the minutes were confirmed, and `Rätt utdraget intygar` with the registrar.
 */
export function renderMinutesExtract(model: MinutesExtractModel): RenderedPdf {
  const meetingDate = checkDate(model.meetingDate, 'meetingDate');
  const issuer = model.issuer;
  const paragraph = paragraphLabel(model.paragraph);
  const document = beginCityDocument(
    {
      identity: model.pdf,
      title: `${paragraph} ${model.title}`,
      author: model.board,
      subject: `${DOCUMENT_TYPE} ${model.board} ${meetingDate} ${paragraph}`,
      keywords: [model.diaryNumber, DOCUMENT_TYPE, model.board, meetingDate],
    },
    {
      municipality: issuer.municipality,
      senderLines: [model.board, issuer.administration],
      documentType: DOCUMENT_TYPE,
      diaryNumber: model.diaryNumber,
      date: meetingDate,
      issuer,
    },
  );
  const { doc, flow } = document;
  flow.text(model.board, { style: STYLES.letterTitle });
  flow.text(`Protokoll från ${(model.words ?? BOARD_WORDS).meeting} ${meetingDate}`, { style: STYLES.subtitle });
  flow.heading(paragraph, 'H1', { style: STYLES.title, spaceBefore: 18 });
  flow.text(model.title, { style: STYLES.letterTitle, spaceBefore: 2 });
  flow.text(`Dnr ${model.diaryNumber}`, { spaceBefore: 2 });
  addPart(flow, 'Beslut', model.decision);
  addPart(flow, 'Reservationer', model.reservations);
  addPart(flow, 'Särskilda uttalanden', model.specialStatements);
  flow.heading('Justering', 'H2');
  const adjustment = model.adjustment;
  flow.text(
    adjustment.kind === 'adjusted'
      ? `Justerat ${checkDate(adjustment.date, 'adjustment.date')}`
      : 'Omedelbart justerad',
  );
  addCertification(doc, flow, 'Rätt utdraget intygar', model.certifiedBy);
  const panel = addSignaturePanel(doc, flow, model.signaturePanel);
  return completeCityDocument(document, panel);
}
