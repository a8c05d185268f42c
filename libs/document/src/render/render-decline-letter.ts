import type { RenderedPdf } from '@app/pdf';

import { beginCityDocument, completeCityDocument } from './city-document.js';
import { STYLES } from './city-styles.js';
import { checkDate } from './model-checks.js';
import type { DeclineLetterModel } from './models.js';
import { addSignatureBlock } from './signature-block.js';
import { addSignaturePanel } from './signature-panel.js';
import { BOARD_WORDS, paragraphLabel } from './swedish.js';

const DOCUMENT_TYPE = 'Svar på remiss';

/** Who decided, in the words the letter uses. */
function decidedBy(model: DeclineLetterModel): string {
  const d = model.decision;
  const words = model.words ?? BOARD_WORDS;
  return d.by === 'board'
    ? `${model.board} beslutade vid ${words.meeting} ${checkDate(d.meetingDate, 'decision.meetingDate')}, ${paragraphLabel(d.paragraph)}, att avstå från att yttra sig.`
    : `${d.administration} beslutade ${checkDate(d.date, 'decision.date')} på ${words.bodyGenitive} vägnar att avstå från att yttra sig. ` +
        `Beslutet fattades av ${d.name}, ${d.title}.`;
}

/**
 * Renders an avstående: the board's short, signed letter that it declines to answer a remiss,
 * with the reason, both diary numbers, and who decided: the board at a meeting (its paragraph),
 * or its administration on its behalf (the person who decided).
 */
export function renderDeclineLetter(model: DeclineLetterModel): RenderedPdf {
  const decision = decidedBy(model);
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
  flow.text(`${decision} Vårt diarienummer är ${model.diaryNumber}, ert diarienummer ${model.senderDiaryNumber}.`, {
    spaceBefore: 7,
  });
  addSignatureBlock(doc, flow, model.signatories);
  const panel = addSignaturePanel(doc, flow, model.signaturePanel);
  return completeCityDocument(document, panel);
}
