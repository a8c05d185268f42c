import type { Issuer, OfficialReportModel } from '@app/document';
import { parseMarkup } from '@app/markup';

import { REFERENCE_CASE } from './reference-case.js';

const r = REFERENCE_CASE.recipient;

/** Hägersten-Älvsjö's letterhead and footer, as on the reference document. */
export const REFERENCE_ISSUER: Issuer = {
  municipality: 'Stockholms stad',
  administration: r.administration,
  department: r.department,
  streetAddress: r.streetAddress,
  postalCode: r.postalCode,
  postalTown: r.postalTown,
  email: r.footerEmail,
  website: r.website,
};

/** The reference tjänsteutlåtande (HÄ 2025/578) as a render model. */
export function referenceReport(): OfficialReportModel {
  const s = REFERENCE_CASE.statement;
  return {
    pdf: { documentId: 'statement-ha-2025-578-rev-3', producedAt: '2025-09-25T09:14:00+02:00' },
    issuer: REFERENCE_ISSUER,
    diaryNumber: r.diaryNumber,
    date: r.documentDate,
    officer: { name: REFERENCE_CASE.officer.name, phone: REFERENCE_CASE.officer.phone },
    addressee: { board: r.board, meetingDate: r.meetingDate },
    title: s.title,
    heading: s.heading,
    parts: {
      proposedDecision: s.proposedDecision.map((p) => parseMarkup(p)),
      summary: parseMarkup(s.summary),
      background: parseMarkup(s.background),
      matter: parseMarkup(s.matter),
      preparation: parseMarkup(s.preparation.text),
      views: parseMarkup(s.views),
    },
    signatories: REFERENCE_CASE.signatories,
    attachments: s.attachments,
    signaturePanel: {
      organisation: r.administration,
      approvals: [
        {
          name: REFERENCE_CASE.headOfDepartment.name,
          title: REFERENCE_CASE.headOfDepartment.title,
          approvedAt: '2025-09-24 15:02',
        },
        { name: REFERENCE_CASE.director.name, title: REFERENCE_CASE.director.title, approvedAt: '2025-09-25 09:14' },
      ],
    },
  };
}
