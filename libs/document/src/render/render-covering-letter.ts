import type { RenderedPdf } from '@app/pdf';

import { beginCityDocument, completeCityDocument } from './city-document.js';
import { STYLES } from './city-styles.js';
import { checkDate } from './model-checks.js';
import type { CoveringLetterModel } from './models.js';
import { addSignatureBlock } from './signature-block.js';
import { addAttachments, hasText } from './statement-parts.js';

const DOCUMENT_TYPE = 'Missiv';
/** More addressees than this go in a sändlista after the letter rather than in the letterhead. */
const ADDRESSEES_IN_LETTERHEAD = 3;

/**
 * Renders a missiv, the covering letter of a remiss: `Remiss av <title>`, the letter, the
 * sections the recipients are asked to comment on, the deadline (`Svar senast`), how to answer,
 * the contact person, the remissunderlag and, for many recipients, the sändlista.
 */
export function renderCoveringLetter(model: CoveringLetterModel): RenderedPdf {
  const deadline = checkDate(model.responseDeadline, 'responseDeadline');
  const issuer = model.issuer;
  const inLetterhead = model.addressees.length <= ADDRESSEES_IN_LETTERHEAD;
  const contact = model.contact;
  const title = `Remiss av ${model.remissTitle}`;
  const document = beginCityDocument(
    {
      identity: model.pdf,
      title,
      author: model.senderOrganisation,
      subject: `${DOCUMENT_TYPE} ${model.diaryNumber}: ${title}`,
      keywords: [model.diaryNumber, DOCUMENT_TYPE, 'Remiss', model.remissTitle],
    },
    {
      municipality: issuer.municipality,
      senderLines: [issuer.administration, ...(issuer.department ? [issuer.department] : [])],
      documentType: DOCUMENT_TYPE,
      diaryNumber: model.diaryNumber,
      date: model.date,
      left: {
        label: 'Handläggare',
        lines: [contact.name, ...(contact.phone ? [`Telefon: ${contact.phone}`] : [])],
      },
      right: {
        label: 'Till',
        lines: inLetterhead ? model.addressees : ['Remissinstanserna enligt sändlista'],
      },
      issuer,
    },
  );
  const { doc, flow } = document;
  flow.heading(title, 'H1', { style: STYLES.title, spaceBefore: 0 });
  flow.richText(model.body, { spaceBefore: 10 });

  const sections = model.sections.filter((s) => s.title.trim() !== '');
  if (sections.length > 0) {
    flow.heading('Remissinstanserna ombeds särskilt yttra sig över', 'H2');
    sections.forEach((section, i) => {
      flow.heading(section.title, 'H3', { spaceBefore: i === 0 ? 4 : undefined });
      if (hasText(section.description)) {
        flow.richText(section.description);
      }
    });
  }

  flow.heading(`Svar senast ${deadline}`, 'H2');
  flow.text(
    `Remissvaren ska ha kommit in till ${model.senderOrganisation} senast ${deadline}. ` +
      `Skicka svaret med e-post till ${model.registryEmail} och ange diarienummer ${model.diaryNumber}.`,
  );

  flow.heading('Kontaktperson', 'H2');
  flow.text(
    [
      `Frågor om remissen besvaras av ${contact.name}`,
      contact.title ? `, ${contact.title}` : '',
      contact.phone ? `, telefon ${contact.phone}` : '',
      contact.email ? `, e-post ${contact.email}` : '',
      '.',
    ].join(''),
  );

  addAttachments(flow, 'Remissunderlag', model.documents);
  if (!inLetterhead) {
    flow.heading('Sändlista', 'H2');
    flow.list(model.addressees.map((a) => ({ label: '•', content: [{ kind: 'paragraph', spans: [{ text: a }] }] })));
  }
  addSignatureBlock(doc, flow, model.signatories ?? []);
  return completeCityDocument(document, { placement: null });
}
