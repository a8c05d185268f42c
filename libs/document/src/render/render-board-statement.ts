import type { RenderedPdf } from '@app/pdf';

import { beginCityDocument, completeCityDocument } from './city-document.js';
import { STYLES } from './city-styles.js';
import { checkDate } from './model-checks.js';
import type { BoardStatementModel } from './models.js';
import { addSignatureBlock } from './signature-block.js';
import { addSignaturePanel } from './signature-panel.js';
import { addAttachments, addStatementParts } from './statement-parts.js';
import { BOARD_WORDS, capitalised, paragraphLabel, PART_HEADINGS } from './swedish.js';

const DOCUMENT_TYPE = 'Yttrande';

/**
 * Renders a yttrande, the board's statement sent to the sender of the remiss: the board's
 * decision (meeting, paragraph, decision text), then the adopted statement's parts, the
 * signature block, attachments and the signature panel.
 */
export function renderBoardStatement(model: BoardStatementModel): RenderedPdf {
  const meetingDate = checkDate(model.decision.meetingDate, 'decision.meetingDate');
  const issuer = model.issuer;
  const document = beginCityDocument(
    {
      identity: model.pdf,
      title: model.title,
      author: model.board,
      subject: `${DOCUMENT_TYPE} ${model.diaryNumber} till ${model.addressee}`,
      keywords: [model.diaryNumber, DOCUMENT_TYPE, model.board, model.addressee],
    },
    {
      municipality: issuer.municipality,
      senderLines: [model.board, issuer.administration],
      documentType: DOCUMENT_TYPE,
      diaryNumber: model.diaryNumber,
      date: model.date,
      right: {
        label: 'Till',
        lines: [
          model.addressee,
          ...(model.addresseeAddress ?? []),
          ...(model.theirReference ? [`Er referens: ${model.theirReference}`] : []),
          `Vår referens: ${model.diaryNumber}`,
        ],
      },
      issuer,
    },
  );
  const { doc, flow } = document;
  flow.heading(model.title, 'H1', { style: STYLES.title, spaceBefore: 0 });
  if (model.heading) {
    flow.text(model.heading, { style: STYLES.subtitle, spaceBefore: 6 });
  }
  const words = model.words ?? BOARD_WORDS;
  flow.heading(`${capitalised(words.bodyGenitive)} beslut`, 'H2');
  flow.paragraph([
    {
      text: `${model.board}, ${words.meeting} ${meetingDate}, ${paragraphLabel(model.decision.paragraph)}`,
      face: 'italic',
    },
  ]);
  flow.richText(model.decision.text, { spaceBefore: 4 });
  addStatementParts(flow, model.parts, words);
  addSignatureBlock(doc, flow, model.signatories);
  addAttachments(flow, PART_HEADINGS.attachments, model.attachments ?? []);
  const panel = addSignaturePanel(doc, flow, model.signaturePanel);
  return completeCityDocument(document, panel);
}
