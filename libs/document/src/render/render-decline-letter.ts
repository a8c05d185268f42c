import type { RenderedPdf } from '@app/pdf';

import { beginCityDocument, completeCityDocument } from './city-document.js';
import { STYLES } from './city-styles.js';
import { checkDate } from './model-checks.js';
import type { DeclineLetterModel } from './models.js';
import { addSignatureBlock } from './signature-block.js';
import { addSignaturePanel } from './signature-panel.js';

const DOCUMENT_TYPE = 'Svar på remiss';

/**
 * Renders an avstående: the board's short, signed letter that it declines to answer a remiss,
 * with the reason, both diary numbers and the decision date.
 */
export function renderDeclineLetter(model: DeclineLetterModel): RenderedPdf {
  const decisionDate = checkDate(model.decisionDate, 'decisionDate');
  const issuer = model.issuer;
  const title = `${model.board} avstår från att yttra sig över remissen ${model.remissTitle}`;
  const document = beginCityDocument(
    {
      identity: model.pdf,
      title,
      author: model.board,
      subject: `${DOCUMENT_TYPE} ${model.diaryNumber}, er beteckning ${model.senderDiaryNumber}`,
      keywords: [model.diaryNumber, model.senderDiaryNumber, 'Avstår', model.remissTitle],
    },
    {
      municipality: issuer.municipality,
      senderLines: [model.board, issuer.administration],
      documentType: DOCUMENT_TYPE,
      diaryNumber: model.diaryNumber,
      date: model.date,
      left: { label: 'Er beteckning', lines: [`Dnr ${model.senderDiaryNumber}`] },
      right: { label: 'Till', lines: [model.addressee] },
      issuer,
    },
  );
  const { doc, flow } = document;
  flow.heading(title, 'H1', { style: STYLES.letterTitle, spaceBefore: 0 });
  flow.richText(model.reason, { spaceBefore: 10 });
  flow.text(
    `${model.board} beslutade ${decisionDate} att avstå från att yttra sig. ` +
      `Vårt diarienummer är ${model.diaryNumber}, ert diarienummer ${model.senderDiaryNumber}.`,
    { spaceBefore: 7 },
  );
  addSignatureBlock(doc, flow, model.signatories);
  const panel = addSignaturePanel(doc, flow, model.signaturePanel);
  return completeCityDocument(document, panel);
}
