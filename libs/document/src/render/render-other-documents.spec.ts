import { parseMarkup } from '@app/markup';
import { finishPdf, type RenderedPdf } from '@app/pdf';
import {
  inspectPdf,
  missingInOrder,
  normalise,
  pageCount,
  type PdfInspection,
  REFERENCE_CASE,
  REFERENCE_ISSUER,
  referenceReport,
} from '@app/testing';

import type { DeclineLetterModel, Issuer } from './index.js';
import { renderBoardStatement } from './render-board-statement.js';
import { renderCoveringLetter } from './render-covering-letter.js';
import { renderDeclineLetter } from './render-decline-letter.js';
import { renderMinutesExtract } from './render-minutes-extract.js';

const CITY_OFFICE: Issuer = {
  municipality: 'Stockholms stad',
  administration: 'Stadsledningskontoret',
  department: 'Avdelningen för social hållbarhet',
  streetAddress: 'Ragnar Östbergs plan 1',
  postalCode: '105 35',
  postalTown: 'Stockholm',
  email: 'registrator.slk@stockholm.se',
  website: 'start.stockholm',
};

const DISTRICT_BOARDS = [
  'Järva stadsdelsnämnd',
  'Hässelby-Vällingby stadsdelsnämnd',
  'Bromma stadsdelsnämnd',
  'Kungsholmens stadsdelsnämnd',
  'Norra innerstadens stadsdelsnämnd',
  'Södermalms stadsdelsnämnd',
  'Enskede-Årsta-Vantörs stadsdelsnämnd',
  'Skarpnäcks stadsdelsnämnd',
  'Farsta stadsdelsnämnd',
  'Hägersten-Älvsjö stadsdelsnämnd',
  'Skärholmens stadsdelsnämnd',
];

const r = REFERENCE_CASE.recipient;

/** Renders, ends and inspects a document, checking what every document must be. */
async function renderAndInspect(rendered: RenderedPdf): Promise<PdfInspection> {
  const inspection = inspectPdf(await finishPdf(rendered.doc));
  expect(inspection.info).toMatch(/^Tagged:\s+yes$/m);
  expect(inspection.info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  expect(inspection.qpdfCheck).toContain('No syntax or stream encoding errors found');
  expect(inspection.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
  for (const font of inspection.fonts
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')) {
    expect(font).toMatch(/\+Arimo-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  }
  const pages = pageCount(inspection);
  inspection.pages.forEach((page, i) => expect(normalise(page)).toContain(`Sida ${i + 1} (${pages})`));
  return inspection;
}

describe('the other document kinds', () => {
  it('renders a missiv with the sections, the deadline, how to answer and a sändlista', async () => {
    const sut = renderCoveringLetter({
      pdf: { documentId: 'missiv-ks-2025-1234', producedAt: '2025-08-20T08:00:00Z' },
      issuer: CITY_OFFICE,
      senderOrganisation: 'Kommunstyrelsen',
      diaryNumber: 'KS 2025/1234',
      date: '2025-08-20',
      addressees: [...DISTRICT_BOARDS, 'Socialnämnden', 'Utbildningsnämnden'],
      remissTitle: REFERENCE_CASE.sender.remissTitle,
      body: parseMarkup(
        'Kommunstyrelsen har tagit fram ett förslag till handlingsplan för romsk inkludering.\n\nRemissinstanserna ombeds yttra sig över förslaget, *särskilt* över de tre fokusområdena.',
      ),
      sections: REFERENCE_CASE.sender.sections.map((s) => ({
        title: s.title,
        description: parseMarkup(s.description),
      })),
      responseDeadline: '2025-11-15',
      registryEmail: 'registrator.slk@stockholm.se',
      contact: {
        name: 'Åsa Lindqvist',
        title: 'utredare',
        phone: '08-508 29 000',
        email: 'asa.lindqvist@stockholm.se',
      },
      documents: ['Förslag till handlingsplan för romsk inkludering 2030', 'Underlagsrapport'],
    });
    expect(sut.signaturePanel).toBeNull();
    const inspection = await renderAndInspect(sut);
    expect(inspection.fonts).toContain('Arimo-Italic');
    const text = normalise(inspection.text);
    expect(
      missingInOrder(text, [
        'Missiv',
        'Dnr KS 2025/1234',
        'Remissinstanserna enligt sändlista',
        'Remiss av Handlingsplan för romsk inkludering',
        'Remissinstanserna ombeds yttra sig över förslaget, särskilt över de tre fokusområdena.',
        'Remissinstanserna ombeds särskilt yttra sig över',
        'Kunskap och information',
        'Välfärd och service',
        'Delaktighet och inflytande',
        'Svar senast 2025-11-15',
        'registrator.slk@stockholm.se och ange diarienummer KS 2025/1234',
        'Åsa Lindqvist, utredare, telefon 08-508 29 000',
        'Remissunderlag',
        '1. Förslag till handlingsplan för romsk inkludering 2030',
        'Sändlista',
        '• Järva stadsdelsnämnd',
        '• Skärholmens stadsdelsnämnd',
      ]),
    ).toEqual([]);
  });

  it('renders a missiv to a single addressee in the letterhead', async () => {
    const inspection = await renderAndInspect(
      renderCoveringLetter({
        pdf: { documentId: 'missiv-ks-2025-1235', producedAt: '2025-08-20T08:00:00Z' },
        issuer: CITY_OFFICE,
        senderOrganisation: 'Kommunstyrelsen',
        diaryNumber: 'KS 2025/1235',
        date: '2025-08-20',
        addressees: ['Hägersten-Älvsjö stadsdelsnämnd'],
        remissTitle: 'Riktlinjer för öppna data',
        body: parseMarkup('Kommunstyrelsen remitterar riktlinjerna.'),
        sections: [],
        responseDeadline: '2025-10-01',
        registryEmail: 'registrator.slk@stockholm.se',
        contact: { name: 'Per Öberg' },
        documents: ['Riktlinjer för öppna data'],
      }),
    );
    const text = normalise(inspection.text);
    expect(text).toContain('Till Hägersten-Älvsjö stadsdelsnämnd');
    expect(text).not.toContain('Sändlista');
    expect(text).toContain('Frågor om remissen besvaras av Per Öberg.');
  });

  it('renders a yttrande with the board decision and the statement parts', async () => {
    const report = referenceReport();
    const sut = renderBoardStatement({
      pdf: { documentId: 'yttrande-ha-2025-578', producedAt: '2025-10-24T10:00:00+02:00' },
      issuer: REFERENCE_ISSUER,
      board: r.board,
      diaryNumber: r.diaryNumber,
      date: '2025-10-24',
      addressee: 'Kommunstyrelsen',
      title: report.title,
      heading: 'Svar på remiss från kommunstyrelsen (dnr KS 2025/1234)',
      decision: { meetingDate: r.meetingDate, paragraph: 12, text: parseMarkup(REFERENCE_CASE.decision.text) },
      parts: {
        ...report.parts,
        proposedDecision: [],
        sectionViews: [
          { title: 'Kunskap och information', position: 'endorse', comment: parseMarkup('Målen är *tydliga*.') },
          { title: 'Välfärd och service', position: 'endorse_in_part', comment: null },
          { title: 'Delaktighet och inflytande', position: null, comment: null },
        ],
      },
      signatories: report.signatories,
      signaturePanel: report.signaturePanel,
    });
    expect(sut.signaturePanel).not.toBeNull();
    const inspection = await renderAndInspect(sut);
    expect(inspection.info).toMatch(/^Author:\s+Hägersten-Älvsjö stadsdelsnämnd$/m);
    const text = normalise(inspection.text);
    expect(
      missingInOrder(text, [
        'Yttrande',
        'Till Kommunstyrelsen',
        'Handlingsplan för romsk inkludering',
        'Nämndens beslut',
        'Hägersten-Älvsjö stadsdelsnämnd, sammanträde 2025-10-23, § 12',
        REFERENCE_CASE.decision.text,
        'Sammanfattning',
        'Förvaltningens synpunkter och förslag',
        'Synpunkter på remissens delar',
        'Kunskap och information Ställningstagande: tillstyrker Målen är tydliga.',
        'Välfärd och service Ställningstagande: tillstyrker delvis',
        'Lee Orberson',
        'Elektroniskt signerad av',
      ]),
    ).toEqual([]);
    expect(text).not.toContain('Förvaltningens förslag till beslut');
    expect(text).not.toContain('Delaktighet och inflytande Ställningstagande');
    expect(text).not.toContain('§ §'); // the sign once, before the number
  });

  it('says in the panel what it records: who decided, or who certified the extract', async () => {
    const decided = normalise(
      (
        await renderAndInspect(
          renderDeclineLetter({
            ...declineLetterModel(),
            decision: { by: 'board', meetingDate: '2025-10-23', paragraph: 14 },
            signatories: [],
            signaturePanel: {
              organisation: r.administration,
              caption: 'Beslutat av',
              approvals: [{ name: r.board, title: '§ 14', approvedAt: '2025-10-23' }],
            },
          }),
        )
      ).text,
    );
    expect(
      missingInOrder(decided, [
        `${r.board} beslutade vid sammanträde 2025-10-23, § 14, att avstå från att yttra sig.`,
        `Elektroniskt signerad av ${r.administration} Beslutat av`,
        `${r.board}, § 14`,
        '2025-10-23',
      ]),
    ).toEqual([]);
    expect(decided).not.toContain('på nämndens vägnar');
  });

  it('renders a protokollsutdrag with decision, reservation, justering and the certification', async () => {
    const inspection = await renderAndInspect(
      renderMinutesExtract({
        pdf: { documentId: 'protokoll-ha-2025-10-23-12', producedAt: '2025-10-27T09:00:00+01:00' },
        issuer: REFERENCE_ISSUER,
        board: r.board,
        meetingDate: r.meetingDate,
        paragraph: 12,
        title: REFERENCE_CASE.statement.title,
        diaryNumber: r.diaryNumber,
        decision: parseMarkup(REFERENCE_CASE.decision.text),
        reservations: parseMarkup('Ledamoten Kim Åberg (X) reserverar sig mot beslutet.'),
        specialStatements: null,
        adjustment: { kind: 'adjusted', date: '2025-10-27' },
        certifiedBy: { name: 'Maja Sjöström', title: 'nämndsekreterare' },
      }),
    );
    const text = normalise(inspection.text);
    expect(
      missingInOrder(text, [
        'Protokollsutdrag',
        'Hägersten-Älvsjö stadsdelsnämnd',
        'Protokoll från sammanträde 2025-10-23',
        '§ 12',
        'Handlingsplan för romsk inkludering',
        'Dnr HÄ 2025/578',
        'Beslut',
        REFERENCE_CASE.decision.text,
        'Reservationer',
        'Ledamoten Kim Åberg (X) reserverar sig mot beslutet.',
        'Justering',
        'Justerat 2025-10-27',
        'Rätt utdraget intygar',
        'Maja Sjöström nämndsekreterare',
      ]),
    ).toEqual([]);
    expect(text).not.toContain('Särskilda uttalanden');
  });

  it('prints "Omedelbart justerad" for minutes confirmed at the meeting', async () => {
    const inspection = await renderAndInspect(
      renderMinutesExtract({
        pdf: { documentId: 'protokoll-ha-2025-10-23-13', producedAt: '2025-10-23T20:00:00+02:00' },
        issuer: REFERENCE_ISSUER,
        board: r.board,
        meetingDate: r.meetingDate,
        paragraph: 13,
        title: 'Ekonomisk uppföljning',
        diaryNumber: 'HÄ 2025/600',
        decision: parseMarkup('Nämnden godkänner uppföljningen.'),
        specialStatements: parseMarkup('Vice ordföranden lämnar ett särskilt uttalande.'),
        adjustment: { kind: 'immediate' },
        certifiedBy: { name: 'Maja Sjöström', title: 'nämndsekreterare' },
      }),
    );
    const text = normalise(inspection.text);
    expect(text).toContain('Särskilda uttalanden Vice ordföranden lämnar ett särskilt uttalande.');
    expect(text).toContain('Justering Omedelbart justerad');
  });

  it('renders an avstående with the reason, both diary numbers and who decided on the board’s behalf', async () => {
    const sut = renderDeclineLetter(declineLetterModel());
    expect(sut.signaturePanel?.page).toBe(0);
    const inspection = await renderAndInspect(sut);
    expect(pageCount(inspection)).toBe(1);
    const text = normalise(inspection.text);
    expect(
      missingInOrder(text, [
        'Dnr HÄ 2025/579',
        'Er beteckning Dnr KS 2025/1300',
        'Till Kommunstyrelsen',
        'Hägersten-Älvsjö stadsdelsnämnd avstår från att yttra sig över remissen Riktlinjer för öppna data',
        'Remissen berör inte nämndens verksamhet i någon större utsträckning.',
        `${r.administration} beslutade 2025-10-23 på nämndens vägnar att avstå från att yttra sig.`,
        'Beslutet fattades av Lee Orberson, stadsdelsdirektör.',
        'Vårt diarienummer är HÄ 2025/579, ert diarienummer KS 2025/1300.',
        'Lee Orberson',
        `Elektroniskt signerad av ${r.administration} Beslutat av`,
        'Lee Orberson, stadsdelsdirektör',
        '2025-10-23 16:40',
      ]),
    ).toEqual([]);
    expect(text).not.toMatch(/stadsdelsnämnd beslutade/);
  });

  it('refuses a malformed date rather than printing it on a public record', () => {
    expect(() => declineLetterWith({ date: '25/9 2025' })).toThrow(
      expect.objectContaining({
        code: 'document.model_invalid',
        detail: 'date ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men är ”25/9 2025”.',
      }),
    );
    expect(() => declineLetterWith({ producedAt: '2025-09-25' })).toThrow(/producedAt must be ISO 8601/);
  });
});

function declineLetterModel(): DeclineLetterModel {
  const director = REFERENCE_CASE.signatories[0];
  return {
    pdf: { documentId: 'avstar-ha-2025-579', producedAt: '2025-10-24T10:00:00+02:00' },
    issuer: REFERENCE_ISSUER,
    board: r.board,
    diaryNumber: 'HÄ 2025/579',
    senderDiaryNumber: 'KS 2025/1300',
    date: '2025-10-24',
    addressee: 'Kommunstyrelsen',
    remissTitle: 'Riktlinjer för öppna data',
    reason: parseMarkup('Remissen berör inte nämndens verksamhet i någon större utsträckning.'),
    decision: {
      by: 'administration',
      administration: r.administration,
      name: director.name,
      title: director.title,
      date: '2025-10-23',
    },
    signatories: [director],
    signaturePanel: {
      organisation: r.administration,
      caption: 'Beslutat av',
      approvals: [{ name: director.name, title: director.title, approvedAt: '2025-10-23 16:40' }],
    },
  };
}

function declineLetterWith(change: { date?: string; producedAt?: string }): RenderedPdf {
  const report = referenceReport();
  return renderDeclineLetter({
    pdf: { ...report.pdf, producedAt: change.producedAt ?? report.pdf.producedAt },
    issuer: REFERENCE_ISSUER,
    board: r.board,
    diaryNumber: 'HÄ 2025/579',
    senderDiaryNumber: 'KS 2025/1300',
    date: change.date ?? '2025-10-24',
    addressee: 'Kommunstyrelsen',
    remissTitle: 'Riktlinjer',
    reason: [],
    decision: { by: 'board', meetingDate: '2025-10-23', paragraph: 3 },
    signatories: [],
  });
}
