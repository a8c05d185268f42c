import { parseMarkup } from '@app/markup';

import type { OfficialReportModel } from '../render/models.js';

const paragraph =
  'Förvaltningen har gått igenom förslaget och lämnar här sina synpunkter på de delar som berör ' +
  'nämndens verksamhet, med särskild vikt vid kunskap, välfärd och delaktighet för invånarna.';
const text = (n: number): ReturnType<typeof parseMarkup> =>
  parseMarkup(Array.from({ length: n }, () => paragraph).join('\n\n'));

/**
 * A made-up two-page tjänsteutlåtande that a render thread draws a few times when it starts:
 * it runs every layout path (headings, paragraphs, a list, decision points, signatures, the
 * panel), so that the first real documents meet compiled code rather than a cold interpreter.
 * Never stored or signed.
 */
export function warmUpReport(): OfficialReportModel {
  return {
    pdf: { documentId: 'warm-up', producedAt: '2025-01-01T00:00:00Z' },
    issuer: {
      municipality: 'Stockholms stad',
      administration: 'Uppvärmningsförvaltningen',
      department: 'Avdelningen för uppvärmning',
      streetAddress: 'Gatan 1',
      postalCode: '100 00',
      postalTown: 'Stockholm',
      email: 'uppvarmning@example.invalid',
      website: 'start.stockholm',
    },
    diaryNumber: 'UV 2025/1',
    date: '2025-01-01',
    officer: { name: 'Handläggare Exempel', phone: '08-000 000 00' },
    addressee: { board: 'Uppvärmningsnämnden', meetingDate: '2025-02-01' },
    title: 'Uppvärmning av renderaren',
    heading: 'Yttrande till kommunstyrelsen',
    parts: {
      proposedDecision: [
        parseMarkup('Nämnden godkänner förvaltningens förslag.'),
        parseMarkup('Paragrafen justeras omedelbart.'),
      ],
      summary: text(2),
      background: text(2),
      matter: parseMarkup(
        `${paragraph}\n\n- första punkten i listan\n- andra punkten i listan\n- tredje punkten i listan`,
      ),
      preparation: text(1),
      views: text(4),
    },
    signatories: [
      { name: 'Direktör Exempel', title: 'direktör', organisation: 'Uppvärmningsförvaltningen' },
      { name: 'Chef Exempel', title: 'avdelningschef', organisation: 'Uppvärmningsförvaltningen' },
    ],
    attachments: ['Bilaga 1'],
    signaturePanel: {
      organisation: 'Uppvärmningsförvaltningen',
      approvals: [
        { name: 'Chef Exempel', title: 'avdelningschef', approvedAt: '2025-01-01 10:00' },
        { name: 'Direktör Exempel', title: 'direktör', approvedAt: '2025-01-01 11:00' },
      ],
    },
  };
}
