import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REFERENCE_CASE, referenceBodyParts } from './reference-case.js';

/** The fixture's words, with the extraction's line-break hyphens joined and bullets dropped. */
function words(text: string): string[] {
  return text
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/•/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

describe('the reference case', () => {
  const fixture = readFileSync(join(process.cwd(), 'test/fixtures/tjansteutlatande-HA-2025-578.txt'), 'utf8');
  const fixtureText = words(fixture).join(' ');

  it('holds every body part word for word as the fixture has it', () => {
    for (const part of referenceBodyParts()) {
      expect(fixtureText).toContain(words(part).join(' '));
    }
  });

  it('leaves no word of the fixture body out', () => {
    const held = new Set(referenceBodyParts().flatMap(words));
    const header = new Set(
      words(
        'Handläggare Jens Westlund Telefon: 08-50821150 Till Hägersten-Älvsjö stadsdelsnämnd 2025-10-23 Hägersten-Älvsjö stadsdelsförvaltning ' +
          'Avdelningen för ekonomi och upphandling Tjänsteutlåtande Dnr HÄ 2025/578 2025-09-25 Kungsklippan 6 112 25 Stockholm ' +
          'daniel.lauridsen@stockholm.se start.stockholm Sammanfattning Bakgrund Ärendet Ärendets beredning Förvaltningens synpunkter och förslag ' +
          'Förvaltningens förslag till beslut Bilagor',
      ),
    );
    const missing = words(fixture).filter((w) => !held.has(w) && !header.has(w));
    expect(missing).toEqual([]);
  });

  it('keeps the original typos', () => {
    expect(REFERENCE_CASE.statement.attachments[0]).toContain('romska inkludering');
    expect(REFERENCE_CASE.statement.views).toContain('ska arbete för att informera');
  });
});
