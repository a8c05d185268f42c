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
const DRAFT_MARK = 'UTKAST';

/** The meeting under `Till`: a draft not yet addressed to one says so; an approved report has one. */
function meetingLine(meetingDate: string | null, draft: boolean): string {
  if (meetingDate === null && draft) {
    return 'Sammanträde inte valt';
  }
  return checkDate(meetingDate ?? '', 'addressee.meetingDate');
}

/**
 * Renders a tjänsteutlåtande as the city's template lays it out: letterhead with handläggare
 * and the board it goes to, the title in large type and the heading under it, the parts under
 * bold headings, the signature block, Bilagor and the visible signature panel.
 */
export function renderOfficialReport(model: OfficialReportModel): RenderedPdf {
  const draft = model.draft === true;
  const meetingDate = meetingLine(model.addressee.meetingDate, draft);
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
      // Said in the header of every page as well, for a reader that does not see the diagonal mark.
      documentType: draft ? `${DOCUMENT_TYPE} – ${DRAFT_MARK}` : DOCUMENT_TYPE,
      diaryNumber: model.diaryNumber,
      date: model.date,
      left: { label: 'Handläggare', lines: [model.officer.name, `Telefon: ${model.officer.phone}`] },
      right: { label: 'Till', lines: [model.addressee.board, meetingDate] },
      issuer,
      draftMark: draft ? DRAFT_MARK : null,
    },
  );
  const { doc, flow } = document;
  flow.heading(model.title, 'H1', { style: STYLES.title, spaceBefore: 0 });
  flow.text(model.heading, { style: STYLES.subtitle, spaceBefore: 6 });
  addStatementParts(flow, model.parts, model.words);
  addSignatureBlock(doc, flow, model.signatories);
  addAttachments(flow, PART_HEADINGS.attachments, model.attachments);
  const panel = addSignaturePanel(doc, flow, draft ? null : model.signaturePanel);
  return completeCityDocument(document, panel);
}
