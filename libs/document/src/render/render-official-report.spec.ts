import { parseMarkup, type RichText } from '@app/markup';
import { finishPdf } from '@app/pdf';
import {
  extractPages,
  filler,
  inspectPdf,
  longReport,
  missingInOrder,
  normalise,
  pageCount,
  type PdfInspection,
  REFERENCE_CASE,
  REFERENCE_ISSUER,
  referenceBodyParts,
  referenceReport,
  sentences,
} from '@app/testing';

import type { OfficialReportModel } from './models.js';
import { renderOfficialReport } from './render-official-report.js';

const r = REFERENCE_CASE.recipient;

/** The short header of a later page, as text extraction reads it. */
function shortHeader(page: number, pages: number): string {
  return `${r.administration} Tjänsteutlåtande Dnr ${r.diaryNumber} Sida ${page} (${pages})`;
}

/** The page-1 footer, as text extraction reads it. */
const FOOTER = `${r.administration} ${r.department} ${r.streetAddress} ${r.postalCode} ${r.postalTown} ${r.footerEmail} ${r.website}`;

/** The extracted text without the page furniture, so sentences that cross a page read whole. */
function bodyText(inspection: PdfInspection, furniture: readonly string[]): string {
  let text = normalise(inspection.text);
  for (const piece of furniture) {
    expect(text).toContain(piece);
    text = text.split(piece).join(' ');
  }
  return normalise(text);
}

describe(renderOfficialReport.name, () => {
  describe('the reference tjänsteutlåtande HÄ 2025/578', () => {
    let pdf: Buffer;
    let inspection: PdfInspection;
    let panel: ReturnType<typeof renderOfficialReport>['signaturePanel'];

    beforeAll(async () => {
      const sut = renderOfficialReport(referenceReport());
      panel = sut.signaturePanel;
      pdf = await finishPdf(sut.doc);
      inspection = inspectPdf(pdf);
    });

    it('has two pages like the original', () => {
      expect(pageCount(inspection)).toBe(2);
    });

    it('prints every sentence of every body part in the original order, å, ä and ö intact', () => {
      const text = bodyText(inspection, [FOOTER, shortHeader(2, 2)]);
      const expected = referenceBodyParts().flatMap(sentences);
      expect(expected.length).toBeGreaterThan(30);
      expect(missingInOrder(text, expected)).toEqual([]);
      expect(text).toContain('Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande');
      expect(text).toContain('• Kunskap och information • Välfärd och service • Delaktighet och inflytande');
    });

    it('prints the part headings in the city order', () => {
      expect(
        missingInOrder(normalise(inspection.text), [
          'Förvaltningens förslag till beslut',
          'Sammanfattning',
          'Bakgrund',
          'Ärendet',
          'Ärendets beredning',
          'Förvaltningens synpunkter och förslag',
          'Lee Orberson',
          'Alexander Baena',
          'Bilagor',
          'Elektroniskt signerad av Hägersten-Älvsjö stadsdelsförvaltning',
        ]),
      ).toEqual([]);
    });

    it('has the letterhead, the footer and the page numbers', () => {
      const first = normalise(inspection.pages[0]!);
      for (const text of [
        'Stockholms stad',
        r.administration,
        r.department,
        'Tjänsteutlåtande',
        `Dnr ${r.diaryNumber}`,
        r.documentDate,
        'Handläggare Jens Westlund Telefon: 08-50821150',
        `Till ${r.board} ${r.meetingDate}`,
        'Sida 1 (2)',
        FOOTER,
      ]) {
        expect(first).toContain(text);
      }
      const second = normalise(inspection.pages[1]!);
      expect(second).toContain(shortHeader(2, 2));
      expect(second).not.toContain(r.footerEmail);
    });

    it('is tagged, titled, in Swedish, with every font embedded', () => {
      expect(inspection.info).toMatch(/^Tagged:\s+yes$/m);
      expect(inspection.info).toMatch(/^Title:\s+Handlingsplan för romsk inkludering$/m);
      expect(inspection.info).toMatch(/^Author:\s+Hägersten-Älvsjö stadsdelsförvaltning$/m);
      expect(inspection.info).toMatch(/^Keywords:\s+.*HÄ 2025\/578/m);
      expect(inspection.info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
      expect(inspection.raw).toContain('/Lang (sv-SE)');
      expect(inspection.raw).toContain('/DisplayDocTitle true');
      const fonts = inspection.fonts
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      expect(fonts.length).toBeGreaterThanOrEqual(2);
      for (const font of fonts) {
        expect(font).toMatch(/^[A-Z]{6}\+Arimo-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      }
    });

    it('tags headings, paragraphs and the list, and marks the furniture as artifacts', () => {
      for (const tag of ['/Document', '/H1', '/H2', '/P', '/L', '/LI', '/Lbl', '/LBody']) {
        expect(inspection.raw).toContain(`/S ${tag}\n`);
      }
    });

    it('declares PDF/A-2b: XMP identification, document information and an sRGB output intent', () => {
      expect(inspection.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(inspection.xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(inspection.xmp).toContain('<rdf:li xml:lang="x-default">Handlingsplan för romsk inkludering</rdf:li>');
      expect(inspection.xmp).toContain('<rdf:li>Hägersten-Älvsjö stadsdelsförvaltning</rdf:li>');
      expect(inspection.xmp).toContain('<xmp:CreateDate>2025-09-25T07:14:00Z</xmp:CreateDate>');
      expect(inspection.xmp).toContain('<xmp:ModifyDate>2025-09-25T07:14:00Z</xmp:ModifyDate>');
      expect(inspection.xmp).toContain('HÄ 2025/578');
      expect(inspection.raw).toMatch(/^%PDF-1\.7/);
      expect(inspection.raw).toContain('/S /GTS_PDFA1');
      expect(inspection.raw).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)');
    });

    it('passes qpdf --check', () => {
      expect(inspection.qpdfCheck).toContain('No syntax or stream encoding errors found');
    });

    it('returns the signature panel on the last page, inside the text column', () => {
      expect(panel).not.toBeNull();
      expect(panel!.page).toBe(1);
      const [x1, y1, x2, y2] = panel!.rect;
      expect(x1).toBeCloseTo(79.37, 1);
      expect(x2 - x1).toBeCloseTo(410, 1);
      expect(y1).toBeGreaterThan(30);
      expect(y2).toBeGreaterThan(y1);
      expect(y2).toBeLessThan(841.89 - 100);
      expect(normalise(inspection.pages[1]!)).toContain(
        'Elektroniskt signerad av Hägersten-Älvsjö stadsdelsförvaltning Alexander Baena, avdelningschef Lee Orberson, stadsdelsdirektör 2025-09-24 15:02 2025-09-25 09:14',
      );
    });

    it('renders byte-identical output for the same model', async () => {
      const again = await finishPdf(renderOfficialReport(referenceReport()).doc);
      expect(again.equals(pdf)).toBe(true);
    });

    it('takes the file identifier from the document id', async () => {
      const other = await finishPdf(
        renderOfficialReport({ ...referenceReport(), pdf: { ...referenceReport().pdf, documentId: 'rev-4' } }).doc,
      );
      const id = (buffer: Buffer): string => /\/ID \[<([0-9a-f]+)>/.exec(buffer.toString('latin1'))?.[1] ?? '';
      expect(id(other)).toMatch(/^[0-9a-f]{32}$/);
      expect(id(other)).not.toBe(id(pdf));
      expect(other.length).toBe(pdf.length);
    });
  });

  it('prints a draft with UTKAST on every page, without a meeting and with no signature panel', async () => {
    const base = referenceReport();
    const sut = renderOfficialReport({
      ...base,
      draft: true,
      addressee: { ...base.addressee, meetingDate: null },
    });
    expect(sut.signaturePanel).toBeNull();
    const pages = extractPages(await finishPdf(sut.doc));
    expect(pages.length).toBe(2);
    for (const page of pages) {
      expect(normalise(page)).toContain('Tjänsteutlåtande – UTKAST');
    }
    expect(normalise(pages[0]!)).toContain('Sammanträde inte valt');
  });

  it('refuses an approved report without its meeting', () => {
    const base = referenceReport();
    expect(() => renderOfficialReport({ ...base, addressee: { ...base.addressee, meetingDate: null } })).toThrow(
      /addressee\.meetingDate/,
    );
  });

  it('keeps a long registry e-mail address whole in the footer', async () => {
    const email = 'registrator.stadsledningskontoret@stockholm.se';
    const model = referenceReport();
    const pdf = await finishPdf(renderOfficialReport({ ...model, issuer: { ...model.issuer, email } }).doc);
    const footerLines = extractPages(pdf)[0]!.split('\n');
    expect(footerLines.some((line) => line.includes(email))).toBe(true);
  });

  it('prints the views on the remiss sections that have a position or a comment, and no panel without one', async () => {
    const base = referenceReport();
    const sut = renderOfficialReport({
      ...base,
      parts: {
        ...base.parts,
        sectionViews: [
          { title: 'Kunskap och information', position: 'endorse', comment: null },
          { title: 'Välfärd och service', position: null, comment: null },
          {
            title: 'Delaktighet och inflytande',
            position: 'endorse_in_part',
            comment: [
              {
                kind: 'paragraph',
                spans: [{ text: 'Romska föreningar bör ' }, { text: 'alltid', emphasis: true }, { text: ' höras.' }],
              },
            ],
          },
          { title: 'Uppföljning', position: 'no_objection', comment: null },
          { title: 'Styrning', position: 'oppose', comment: null },
        ],
      },
      signaturePanel: null,
    });
    expect(sut.signaturePanel).toBeNull();
    const inspection = inspectPdf(await finishPdf(sut.doc));
    const text = normalise(inspection.text);
    expect(
      missingInOrder(text, [
        'Förvaltningens synpunkter och förslag',
        'Synpunkter på remissens delar',
        'Kunskap och information Ställningstagande: tillstyrker',
        'Delaktighet och inflytande Ställningstagande: tillstyrker delvis Romska föreningar bör alltid höras.',
        'Uppföljning Ställningstagande: inget att invända',
        'Styrning Ställningstagande: avstyrker',
        'Lee Orberson',
      ]),
    ).toEqual([]);
    expect(text).not.toContain('Välfärd och service Ställningstagande');
    expect(text).not.toContain('Elektroniskt signerad');
    expect(inspection.fonts).toContain('Arimo-Italic');
  });

  describe('a long tjänsteutlåtande', () => {
    const model = longReport();
    let inspection: PdfInspection;
    let pages: number;

    beforeAll(async () => {
      inspection = inspectPdf(await finishPdf(renderOfficialReport(model).doc));
      pages = pageCount(inspection);
    });

    it('runs to eight pages', () => {
      expect(pages).toBe(8);
    });

    it('has the short header and Sida N (M) on every page', () => {
      expect(normalise(inspection.pages[0]!)).toContain(`Sida 1 (${pages})`);
      for (let p = 2; p <= pages; p++) {
        expect(normalise(inspection.pages[p - 1]!)).toContain(
          `${REFERENCE_ISSUER.administration} Tjänsteutlåtande Dnr HÄ 2025/901 Sida ${p} (${pages})`,
        );
      }
    });

    it('loses nothing of the text', () => {
      const furniture = [
        FOOTER,
        ...Array.from(
          { length: pages - 1 },
          (_, i) => `${REFERENCE_ISSUER.administration} Tjänsteutlåtande Dnr HÄ 2025/901 Sida ${i + 2} (${pages})`,
        ),
      ];
      const text = bodyText(inspection, furniture);
      const parts = model.parts;
      const expected = [
        model.title,
        model.heading,
        ...parts.proposedDecision.flatMap((p, i) => [`${i + 1}.`, ...sentences(plain(p))]),
        ...[parts.summary, parts.background, parts.matter, parts.preparation, parts.views].flatMap((p) =>
          sentences(plain(p)),
        ),
        ...model.attachments,
      ];
      expect(missingInOrder(text, expected)).toEqual([]);
    });

    it('never splits a bullet item across pages', () => {
      const items = [model.parts.matter, model.parts.views, model.parts.background].flatMap((p) =>
        p.flatMap((b) => (b.kind === 'bullets' ? b.items.map((i) => normalise(i.map((s) => s.text).join(''))) : [])),
      );
      expect(items.length).toBeGreaterThanOrEqual(12);
      const pageTexts = inspection.pages.map(normalise);
      for (const item of items) {
        expect({ item, whole: pageTexts.some((p) => p.includes(`• ${item}`)) }).toEqual({ item, whole: true });
      }
    });

    it('keeps the signature block on one page', () => {
      const page = inspection.pages.map(normalise).find((p) => p.includes('Signe Ekdahl'));
      expect(page).toBeDefined();
      for (const s of model.signatories) {
        expect(page).toContain(s.name);
        expect(page).toContain(s.title);
      }
    });

    it('numbers the decision points', () => {
      expect(normalise(inspection.text)).toMatch(/1\. Hägersten-Älvsjö stadsdelsnämnd godkänner .* 2\. .* 3\. /);
    });

    it('keeps every heading with at least two lines of its text on its page', () => {
      expect(headingsWithoutText(inspection.pages, model)).toEqual([]);
    });

    it('keeps the headings with their text wherever the page breaks fall', async () => {
      // Growing the summary sentence by sentence walks every later heading past a page end.
      for (let sentences = 1; sentences <= 14; sentences++) {
        const variant = { ...model, parts: { ...model.parts, summary: parseMarkup(filler(99, sentences)) } };
        const pages = extractPages(await finishPdf(renderOfficialReport(variant).doc));
        expect({ sentences, problems: headingsWithoutText(pages, variant) }).toEqual({
          sentences,
          problems: [],
        });
      }
    });
  });
});

function plain(text: RichText): string {
  return text
    .map((b) =>
      b.kind === 'paragraph'
        ? b.spans.map((s) => s.text).join('')
        : b.items.map((i) => `• ${i.map((s) => s.text).join('')}`).join(' '),
    )
    .join(' ');
}

/** Headings that do not have two lines of text after them on their page ("heading (lines)"). */
function headingsWithoutText(pages: readonly string[], model: OfficialReportModel): string[] {
  const i = model.issuer;
  const furniture = new Set([
    'Stockholms stad',
    i.administration,
    i.department ?? '',
    'Tjänsteutlåtande',
    `Dnr ${model.diaryNumber}`,
    model.date,
    'Handläggare',
    model.officer.name,
    `Telefon: ${model.officer.phone}`,
    'Till',
    model.addressee.board,
    model.addressee.meetingDate,
    i.streetAddress,
    `${i.postalCode} ${i.postalTown}`,
    i.email,
    i.website,
  ]);
  const headings = new Set([
    'Förvaltningens förslag till beslut',
    'Sammanfattning',
    'Bakgrund',
    'Ärendet',
    'Ärendets beredning',
    'Förvaltningens synpunkter och förslag',
    'Bilagor',
  ]);
  const problems: string[] = [];
  let seen = 0;
  for (const page of pages) {
    const lines = page
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !furniture.has(l) && !/^Sida \d+ \(\d+\)$/.test(l));
    lines.forEach((line, n) => {
      if (headings.has(line)) {
        seen++;
        if (lines.length - n - 1 < 2) {
          problems.push(`${line} (${lines.length - n - 1})`);
        }
      }
    });
  }
  if (seen !== headings.size) {
    problems.push(`found ${seen} of ${headings.size} headings`);
  }
  return problems;
}
