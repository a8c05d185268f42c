import { REFERENCE_CASE } from '../../../../libs/testing/src/reference-case';
import { ok } from '../support/api';
import { expect, test } from '../support/fixtures';
import { ALEXANDER, HA_BOARD, HAGERSTEN_ALVSJO, JENS, LEE, MAJA, SARA } from '../support/people';
import { samplePdf } from '../support/sample-pdf';
import { as, comingMeeting, isoDay, meetingToday } from '../support/world';

const s = REFERENCE_CASE.statement;

/** The long date of running text, as the screens write it ("3 december 2026"). */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}
const SECTIONS = REFERENCE_CASE.sender.sections;

/** Hägersten-Älvsjö's series carried over from the older diarium: it goes on at 578 (never back). */
async function seriesContinuedAt578(baseUrl: string): Promise<void> {
  const maja = await as(baseUrl, MAJA);
  const year = Number(isoDay(0).slice(0, 4));
  const current = await ok(maja.GET('/api/v1/registry/series'));
  if (current.year !== year || current.nextNumber < 578) {
    await ok(maja.PUT('/api/v1/registry/series/{year}', { params: { path: { year } }, body: { nextNumber: 578 } }));
  }
}

test.describe('The reference case through every desk', () => {
  test.setTimeout(480_000);

  test('Sara sends the remiss to the eleven stadsdelsnämnder, Maja assigns it to Jens, Jens writes, Alexander and Lee approve, Maja records the decision, and Sara sees the answer live and in the compilation', async ({
    asPerson,
    baseURL,
  }) => {
    // The seed: the board meets today (a decision is recorded at a meeting that has been held),
    // and Hägersten-Älvsjö's series goes on from the older system. No API call after this.
    const coming = await comingMeeting(baseURL!, HA_BOARD);
    const meetings = await ok(
      (await as(baseURL!, MAJA)).GET('/api/v1/meetings', { params: { query: { from: isoDay(0) } } }),
    );
    const comingDate = meetings.find((m) => m.id === coming)!.meetingDate;
    await meetingToday(baseURL!, HA_BOARD);
    await seriesContinuedAt578(baseURL!);
    const title = `${s.title} – remissversion ${Date.now()}`;
    const deadline = isoDay(40);

    // Sara Ekström writes the remiss in steps and sends it to every stadsdelsnämnd.
    const sara = await asPerson(SARA);
    await sara.goto('/');
    await sara.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Remisser' }).click();
    await sara.getByRole('link', { name: 'Ny remiss' }).click();
    await sara.getByLabel('Titel').fill(title);
    await sara
      .getByLabel('Beskrivning')
      .fill('Kommunstyrelsen remitterar förslaget till handlingsplan för romsk inkludering till stadsdelsnämnderna.');
    await sara.getByRole('button', { name: 'Fortsätt' }).click();
    for (const [i, section] of SECTIONS.entries()) {
      await sara.getByRole('button', { name: 'Lägg till en del' }).click();
      await sara.getByLabel('Rubrik').nth(i).fill(section.title);
    }
    await sara.getByRole('button', { name: 'Fortsätt' }).click();
    await sara.getByLabel('Svarsdatum').fill(deadline);
    await sara.getByRole('button', { name: 'Fortsätt' }).click();
    await sara.getByText('Alla stadsdelsnämnder', { exact: true }).click();
    await expect(sara.getByRole('checkbox', { name: 'Alla stadsdelsnämnder' })).toBeChecked();
    await sara.getByRole('button', { name: 'Fortsätt' }).click();
    await sara.getByLabel('Välj filer').setInputFiles({
      name: 'Handlingsplan för romsk inkludering 2030.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await samplePdf(['Handlingsplan för romsk inkludering 2030', 'Remissversion'])),
    });
    await sara.getByRole('button', { name: 'Fortsätt' }).click();
    const review = sara.locator('dl');
    await expect(review).toContainText(title);
    await expect(review).toContainText('Alla stadsdelsnämnder');
    await sara.getByRole('button', { name: 'Skicka remissen' }).click();
    await expect(sara.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const haRow = sara.getByRole('row').filter({ hasText: HAGERSTEN_ALVSJO });
    await expect(haRow).toContainText('Registrerad', { timeout: 60_000 });
    await expect(haRow).toContainText(/HÄ \d{4}\/(57[89]|5[89]\d|[6-9]\d\d|\d{4,})/);

    // Maja Lindqvist finds it under Inkomna remisser and assigns it to Jens Westlund.
    const maja = await asPerson(MAJA);
    await maja.goto('/');
    await maja.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkomna remisser' }).click();
    const item = maja
      .getByRole('region', { name: 'Att tilldela' })
      .getByRole('listitem')
      .filter({ has: maja.getByRole('heading', { name: title }) });
    await expect(item).toContainText('Kommunstyrelsen');
    await item.getByRole('button', { name: /Handläggare$/ }).click();
    await maja.getByRole('option', { name: /^Jens Westlund/ }).click();
    await item.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await expect(maja.getByRole('status').filter({ hasText: `${title} är tilldelad Jens Westlund.` })).toBeVisible();
    await expect(haRow).toContainText('Tilldelad');

    // Jens writes the tjänsteutlåtande for today's meeting and sends it for approval.
    const jens = await asPerson(JENS);
    await jens.goto('/');
    await jens.getByRole('link', { name: `Skriv tjänsteutlåtande: ${title}` }).click();
    await jens.getByRole('button', { name: 'Skriv tjänsteutlåtande' }).click();
    await jens.getByRole('textbox', { name: 'Beslutspunkt 1' }).fill(s.proposedDecision[0]);
    await jens.getByRole('textbox', { name: 'Sammanfattning', exact: true }).fill(s.summary.split('\n\n')[0]!);
    await jens
      .getByRole('textbox', { name: 'Förvaltningens synpunkter och förslag', exact: true })
      .fill('Förvaltningen tillstyrker förslaget till handlingsplan.');
    await jens
      .getByRole('radiogroup', { name: 'Ställningstagande till remissen i stort' })
      .getByText('Tillstyrker', { exact: true })
      .click();
    await jens
      .getByRole('radiogroup', { name: `Ställningstagande: ${SECTIONS[0].title}` })
      .getByText('Tillstyrker', { exact: true })
      .click();
    // The statement goes to the board's next meeting whose agenda is still open.
    await jens
      .getByRole('radiogroup', { name: 'Nämndens sammanträde' })
      .locator('label.radio')
      .filter({ hasText: longDate(comingDate) })
      .first()
      .click();
    await jens.getByRole('button', { name: 'Spara' }).click();
    await expect(jens.getByRole('status').filter({ hasText: /Sparat som version \d+\./ })).toBeVisible();
    await jens.getByRole('link', { name: 'Till tjänsteutlåtandet' }).click();
    await jens.getByRole('link', { name: 'Skicka för godkännande' }).click();
    await jens.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await expect(jens.getByRole('status').filter({ hasText: 'skickat för godkännande' })).toBeVisible();

    for (const approver of [ALEXANDER, LEE]) {
      const page = await asPerson(approver);
      await page.goto('/');
      await page
        .getByRole('region', { name: /^Att godkänna/ })
        .getByRole('link', { name: new RegExp(title) })
        .click();
      await page.getByRole('button', { name: 'Godkänn' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Du har godkänt' })).toBeVisible();
    }

    // The board took the matter up at today's meeting: Maja moves the approved statement there
    // from the meeting it was written for, then records the decision, justerat at once.
    await maja.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sammanträden' }).click();
    await maja.goto(`/sammantraden/${coming}`);
    const move = maja.getByRole('region', { name: `Flytta ${title} till ett annat sammanträde` });
    await move.getByRole('button', { name: /Nytt sammanträde/ }).click();
    await maja.getByRole('option', { name: `Sammanträdet ${longDate(isoDay(0))}` }).click();
    await move.getByRole('button', { name: 'Flytta', exact: true }).click();
    await expect(maja.getByRole('status').filter({ hasText: `${title} tas upp på sammanträdet` })).toBeVisible();
    await maja.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sammanträden' }).click();
    await maja.getByRole('link', { name: `Sammanträdet ${longDate(isoDay(0))}` }).click();
    const agendaItem = maja.getByRole('article', { name: title });
    await expect(agendaItem).toContainText('godkänt och låst');
    await agendaItem.getByLabel('Paragraf').fill(String(100 + (Date.now() % 800)));
    await agendaItem.getByRole('button', { name: 'Registrera beslut' }).click();
    await expect(
      maja.getByRole('status').filter({ hasText: `Nämndens beslut om ${title} är registrerat.` }),
    ).toBeVisible();
    await expect(agendaItem.getByRole('region', { name: `Nämndens beslut: ${title}` })).toContainText(
      `Omedelbart justerat ${isoDay(0)}`,
    );

    // Sara has kept the status board open all along: Hägersten-Älvsjö's answer arrives without a reload.
    await expect(haRow).toContainText('Besvarad', { timeout: 60_000 });
    await sara.getByRole('link', { name: 'Sammanställning av svaren' }).click();
    await expect(sara.getByRole('heading', { level: 1, name: /Sammanställning/ })).toBeVisible();
    const section = sara.getByRole('region', { name: `Del 1: ${SECTIONS[0].title}` });
    await expect(section.getByRole('img', { name: `Ställningstaganden, Del 1: ${SECTIONS[0].title}` })).toBeVisible();
    await expect(section.getByRole('row').filter({ hasText: HAGERSTEN_ALVSJO })).toContainText('Tillstyrker');
    await expect(
      section.getByRole('table', { name: `Antal per ställningstagande, Del 1: ${SECTIONS[0].title}` }),
    ).toContainText('1');
  });
});
