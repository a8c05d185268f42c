import type { OfficialReportModel } from '@app/document';
import { parseMarkup } from '@app/markup';

import { REFERENCE_ISSUER, referenceReport } from './reference-report.js';

/** Deterministic filler sentences in Swedish, with å, ä and ö. */
export function filler(seed: number, count: number): string {
  const words = [
    'förvaltningen',
    'nämnden',
    'stadsdelen',
    'verksamheterna',
    'målen',
    'åtgärderna',
    'invånarna',
    'samverkan',
    'uppföljningen',
    'äldreomsorgen',
    'förskolan',
    'tillgängligheten',
    'bedömer',
    'föreslår',
    'utvecklar',
    'säkerställer',
    'långsiktigt',
    'gemensamt',
    'tydligt',
    'översiktligt',
  ];
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 8 + ((next() >>> 8) % 10);
    const sentence = Array.from({ length }, () => words[(next() >>> 8) % words.length] ?? '').join(' ');
    out.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} (${seed}-${i}).`);
  }
  return out.join(' ');
}

function bullets(seed: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `• Punkt ${seed}-${i}: ${filler(seed * 10 + i, 1 + (i % 3))}`).join(
    '\n',
  );
}

/** A generated eight-page tjänsteutlåtande: long parts, bullet lists, three decision points, four signatories. */
export function longReport(): OfficialReportModel {
  const base = referenceReport();
  return {
    ...base,
    pdf: { documentId: 'statement-ha-2025-901-rev-1', producedAt: '2025-11-03T10:00:00+01:00' },
    diaryNumber: 'HÄ 2025/901',
    title: 'Översyn av stadens arbete med äldreomsorg och förskola',
    heading: 'Yttrande till kommunstyrelsen',
    parts: {
      proposedDecision: [
        parseMarkup('Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande.'),
        parseMarkup('Nämnden överlämnar tjänsteutlåtandet till kommunstyrelsen som svar på remissen.'),
        parseMarkup('Paragrafen justeras omedelbart.'),
      ],
      summary: parseMarkup(`${filler(1, 12)}\n\n${filler(2, 8)}`),
      background: parseMarkup(`${filler(3, 10)}\n\n${bullets(30, 4)}\n\n${filler(4, 12)}`),
      matter: parseMarkup(
        `${filler(5, 14)}\n\n${filler(6, 8)} Följande gäller:\n${bullets(60, 5)}\n\n${filler(7, 16)}\n\n${filler(8, 14)}\n\n${bullets(80, 4)}\n\n${filler(9, 12)}`,
      ),
      preparation: parseMarkup(filler(10, 6)),
      views: parseMarkup(`${filler(11, 16)}\n\n${bullets(110, 4)}\n\n${filler(12, 6)}`),
    },
    signatories: [
      { name: 'Lee Orberson', title: 'stadsdelsdirektör', organisation: REFERENCE_ISSUER.administration },
      { name: 'Alexander Baena', title: 'avdelningschef', organisation: REFERENCE_ISSUER.administration },
      { name: 'Signe Ekdahl', title: 'biträdande avdelningschef', organisation: REFERENCE_ISSUER.administration },
      { name: 'Örjan Åkesson', title: 'enhetschef', organisation: REFERENCE_ISSUER.administration },
    ],
    attachments: [
      'Remissunderlag Översyn av stadens arbete med äldreomsorg och förskola',
      'Bilaga 2. Statistik för stadsdelsområdet',
      'Bilaga 3. Synpunkter från pensionärsrådet',
    ],
  };
}
