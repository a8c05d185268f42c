import type { RenderedPdf } from '@app/pdf';

import { beginCityDocument, completeCityDocument } from './city-document.js';
import { STYLES } from './city-styles.js';
import { checkDate } from './model-checks.js';
import type { OfficialReportModel } from './models.js';
import { addSignatureBlock } from './signature-block.js';
import { addSignaturePanel } from './signature-panel.js';
import { addAttachments, addStatementParts } from './statement-parts.js';
import { PART_HEADINGS } from './swedish.js';

const DOCUMENT_TYPE = 'Tjänsteutlåtande';

/**
 * Renders a tjänsteutlåtande as the city's template lays it out: letterhead with handläggare
 * and the board it goes to, the title in large type and the heading under it, the parts under
 * bold headings, the signature block, Bilagor and the visible signature panel.
 */
export function renderOfficialReport(model: OfficialReportModel): RenderedPdf {
  const meetingDate = checkDate(model.addressee.meetingDate, 'addressee.meetingDate');
  const issuer = model.issuer;
  const document = beginCityDocument(
    {
      identity: model.pdf,
      title: model.title,
      author: issuer.administration,
      subject: `${DOCUMENT_TYPE} ${model.diaryNumber}: ${model.heading}`,
      keywords: [model.diaryNumber, DOCUMENT_TYPE, model.heading, model.addressee.board],
    },
    {
      municipality: issuer.municipality,
      senderLines: [issuer.administration, ...(issuer.department ? [issuer.department] : [])],
      documentType: DOCUMENT_TYPE,
      diaryNumber: model.diaryNumber,
      date: model.date,
      left: { label: 'Handläggare', lines: [model.officer.name, `Telefon: ${model.officer.phone}`] },
      right: { label: 'Till', lines: [model.addressee.board, meetingDate] },
      issuer,
    },
  );
  const { doc, flow } = document;
  flow.heading(model.title, 'H1', { style: STYLES.title, spaceBefore: 0 });
  flow.text(model.heading, { style: STYLES.subtitle, spaceBefore: 6 });
  addStatementParts(flow, model.parts, model.words);
  addSignatureBlock(doc, flow, model.signatories);
  addAttachments(flow, PART_HEADINGS.attachments, model.attachments);
  const panel = addSignaturePanel(doc, flow, model.signaturePanel);
  return completeCityDocument(document, panel);
}
