import { parseMarkup } from '@app/markup';
import { assertPrintable, finishPdf, printable, unprintableCharacters } from '@app/pdf';
import { inspectPdf, normalise, REFERENCE_ISSUER, referenceReport } from '@app/testing';

import { renderDeclineLetter } from './render-decline-letter.js';

function declineLetter(
  remissTitle: string,
  reason: string,
  documentId: string,
): ReturnType<typeof renderDeclineLetter> {
  return renderDeclineLetter({
    pdf: { documentId, producedAt: '2025-10-24T10:00:00+02:00' },
    issuer: REFERENCE_ISSUER,
    board: 'Hägersten-Älvsjö stadsdelsnämnd',
    diaryNumber: 'HÄ 2025/579',
    senderDiaryNumber: 'KS 2025/1300',
    date: '2025-10-24',
    addressee: 'Kommunstyrelsen',
    remissTitle,
    reason: parseMarkup(reason),
    decision: { by: 'board', meetingDate: '2025-10-23', paragraph: 7 },
    signatories: referenceReport().signatories,
  });
}

describe('text in the PDF', () => {
  it('is placed as text only: PDF operators, markup and XML in it stay text', async () => {
    const hostile = ') Tj ET BT /F1 99 Tf (pwned) Tj ET BT ( << /S /JavaScript /JS (app.alert(1)) >> <script>';
    const inspection = inspectPdf(
      await finishPdf(declineLetter('Kultur & fritid <2026> "utkast"', hostile, 'safety-1').doc),
    );
    expect(inspection.qpdfCheck).toContain('No syntax or stream encoding errors found');
    const text = normalise(inspection.text);
    expect(text).toContain(hostile);
    expect(text).toContain('över remissen Kultur & fritid <2026> "utkast"');
    expect(inspection.raw).not.toContain('/JavaScript');
    expect(inspection.xmp).toContain('Kultur &amp; fritid &lt;2026&gt; &quot;utkast&quot;');
    expect(inspection.info).toMatch(/^Title:\s+.*Kultur & fritid <2026> "utkast"$/m);
  });

  it('drops control characters, and refuses characters it cannot print rather than replace them', () => {
    expect(printable('a\u0000b\u0007c\td\r\ne\u00ADf\u200Bg')).toBe('abc d efg');
    expect(printable('A\u030Angström')).toBe('Ångström');
    expect(printable('10\u202F000\u00A0kr')).toBe('10\u00A0000\u00A0kr');
    expect(printable('Ωmega – Жизнь § 12 €')).toBe('Ωmega – Жизнь § 12 €');
    expect(() => printable('Glad 😀 sommar')).toThrow(/😀 \(U\+1F600\)/);
    // Hebrew has glyphs in the typeface, but every line is set left to right: refused too.
    expect(unprintableCharacters('Shalom שלום, marhaba مرحبا 😀😀')).toEqual([...'שלום', ...'مرحبا', '😀']);
    expect(() => assertPrintable({ summary: 'Bra', views: 'Glad 😀' })).toThrow(
      expect.objectContaining({
        code: 'text.unprintable',
        extensions: { fields: [{ field: 'views', characters: ['😀 (U+1F600)'] }] },
      }),
    );
  });

  it('fails a document with a text it cannot print, naming the characters, instead of printing ?', async () => {
    await expect(async () =>
      finishPdf(declineLetter('Sommar', 'Vi avstår 😀 i år.', 'safety-4').doc),
    ).rejects.toMatchObject({ code: 'text.unprintable', detail: expect.stringContaining('😀 (U+1F600)') });
  });

  it('extracts O correctly after another document printed Ö (shared font objects)', async () => {
    await finishPdf(declineLetter('Östermalm och Örby', 'Örjan Östberg, Ö.', 'safety-2').doc);
    const inspection = inspectPdf(
      await finishPdf(declineLetter('Omsorg', 'Omedelbart justerad. Ordföranden Oskar Olsson.', 'safety-3').doc),
    );
    expect(normalise(inspection.text)).toContain('Omedelbart justerad. Ordföranden Oskar Olsson.');
  });
});
