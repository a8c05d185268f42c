import { parseMarkup } from '@app/markup';
import { finishPdf } from '@app/pdf';
import { inspectPdf, missingInOrder, normalise, pageCount, type PdfInspection } from '@app/testing';

import type { CompilationModel, CompilationResponse, Issuer, SectionPosition } from './models.js';
import { renderCompilation } from './render-compilation.js';

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

const POSITIONS: readonly SectionPosition[] = ['endorse', 'endorse_in_part', 'oppose', 'no_objection'];

/**
 * 500 recipients, 3 sections: 430 answers, 40 declined, 30 not answered. Every answer takes a
 * position on the whole remiss; on each section four in five take one, the fifth leaves it out.
 */
function largeCompilation(): CompilationModel {
  const recipients = Array.from({ length: 500 }, (_, i) => `Remissinstans ${String(i + 1).padStart(3, '0')} – Älvsjö`);
  const responses: CompilationResponse[] = recipients.slice(0, 430).map((recipient, i) => ({
    recipient,
    diaryNumber: `R ${2025}/${i + 1}`,
    overall: {
      position: POSITIONS[i % POSITIONS.length]!,
      comment: i % 2 === 0 ? parseMarkup(`Helhetssyn ${i + 1}: förslaget bör genomföras stegvis.`) : null,
    },
    sections: [0, 1, 2].map((s) =>
      (i + s) % 5 === 4
        ? null
        : {
            position: POSITIONS[(i + s) % 5]!,
            comment:
              (i + s) % 3 === 0
                ? parseMarkup(
                    `Synpunkt ${i + 1}.${s + 1}: förslaget är väl avvägt men kräver uppföljning av åtgärderna i närområdet.`,
                  )
                : null,
          },
    ),
  }));
  return {
    pdf: { documentId: 'compilation-ks-2025-1234', producedAt: '2025-11-20T12:00:00+01:00' },
    issuer: CITY_OFFICE,
    remissTitle: 'Handlingsplan för romsk inkludering',
    diaryNumber: 'KS 2025/1234',
    date: '2025-11-20',
    responseDeadline: '2025-11-15',
    sections: [
      { title: 'Kunskap och information' },
      { title: 'Välfärd och service' },
      { title: 'Delaktighet och inflytande' },
    ],
    responses,
    declined: recipients.slice(430, 470).map((recipient, i) => ({
      recipient,
      reason: i % 2 === 0 ? 'Remissen berör inte vår verksamhet.' : null,
    })),
    notAnswered: recipients.slice(470),
  };
}

describe(renderCompilation.name, () => {
  const model = largeCompilation();
  let inspection: PdfInspection;
  let pages: number;
  let milliseconds: number;

  beforeAll(async () => {
    const started = performance.now();
    const pdf = await finishPdf(renderCompilation(model).doc);
    milliseconds = performance.now() - started;
    inspection = inspectPdf(pdf);
    pages = pageCount(inspection);
  });

  it('renders 500 recipients × 3 sections over many pages, in reasonable time', () => {
    expect(pages).toBeGreaterThan(40);
    expect(milliseconds).toBeLessThan(20_000);
    expect(inspection.info).toMatch(/^Tagged:\s+yes$/m);
    expect(inspection.qpdfCheck).toContain('No syntax or stream encoding errors found');
  });

  it('numbers every page Sida N (M) and repeats the short header', () => {
    expect(normalise(inspection.pages[0]!)).toContain(`Sida 1 (${pages})`);
    for (let p = 2; p <= pages; p++) {
      expect(normalise(inspection.pages[p - 1]!)).toContain(
        `Stadsledningskontoret Remissammanställning Dnr KS 2025/1234 Sida ${p} (${pages})`,
      );
    }
  });

  it('counts the positions on the whole remiss and per section', () => {
    const text = normalise(inspection.text);
    expect(text).toContain('Remissen sändes till 500 remissinstanser med svar senast 2025-11-15.');
    expect(text).toContain('430 har svarat, 40 har avstått och 30 har inte svarat.');
    // The whole remiss: 430 answers cycle through four positions. Each section: five steps, the
    // fifth leaving the section out, shifted by one per section.
    for (const row of [
      'Tillstyrker 108 86 86 86',
      'Tillstyrker delvis 108 86 86 86',
      'Avstyrker 107 86 86 86',
      'Inget att invända 107 86 86 86',
      'Kommentar utan ställningstagande 0 0 0 0',
      'Svarat, men inte om delen 0 86 86 86',
      'Avstår 40 40 40 40',
      'Ej svarat 30 30 30 30',
    ]) {
      expect(text).toContain(row);
    }
  });

  it('lists the positions on the whole remiss first, then under each section only those who took it up', () => {
    const text = normalise(inspection.text);
    const needles = [
      'Hela remissen',
      'Remissinstans 001 – Älvsjö (dnr R 2025/1) Tillstyrker. Helhetssyn 1:',
      'Remissinstans 002 – Älvsjö (dnr R 2025/2) Tillstyrker delvis.',
      'Remissinstans 430 – Älvsjö (dnr R 2025/430)',
      'Kunskap och information',
      'Remissinstans 001 – Älvsjö (dnr R 2025/1) Tillstyrker. Synpunkt 1.1:',
      'Remissinstans 429 – Älvsjö (dnr R 2025/429)',
      'Välfärd och service',
      'Remissinstans 001 – Älvsjö (dnr R 2025/1) Tillstyrker delvis.',
      'Delaktighet och inflytande',
      'Remissinstans 430 – Älvsjö (dnr R 2025/430)',
      'Remissinstanser som avstått',
      '• Remissinstans 431 – Älvsjö: Remissen berör inte vår verksamhet.',
      '• Remissinstans 432 – Älvsjö',
      'Remissinstanser som inte svarat',
      '• Remissinstans 471 – Älvsjö',
      '• Remissinstans 500 – Älvsjö',
    ];
    expect(missingInOrder(text, needles)).toEqual([]);
    for (let i = 1; i <= 430; i += 37) {
      expect(text).toContain(`Remissinstans ${String(i).padStart(3, '0')} – Älvsjö (dnr R 2025/${i})`);
    }
    // Remissinstans 005 leaves out the first section (4 + 0 ≡ 4): listed under the other two only.
    const first = text.slice(
      text.indexOf('Kunskap och information Remissinstans'),
      text.indexOf('Välfärd och service Remissinstans'),
    );
    expect(first).not.toContain('Remissinstans 005 – Älvsjö');
    expect(first).toContain('Remissinstans 006 – Älvsjö');
    expect(text).not.toContain('Inget ställningstagande.');
  });
});
