import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { missingInOrder, normalise, sentences } from '../../../../libs/testing/src/pdf-inspection';
import { REFERENCE_CASE, referenceBodyParts } from '../../../../libs/testing/src/reference-case';
import { expect, test } from '../support/fixtures';
import { ALEXANDER, JENS, LEE } from '../support/people';
import { samplePdf } from '../support/sample-pdf';
import { comingMeeting, isoDay, remissAssigned } from '../support/world';

const s = REFERENCE_CASE.statement;

/**
 * Writes a text part through its editor as a person would: the old text selected and replaced,
 * paragraphs split with Enter, bullet lists started and ended with the toolbar's "Punktlista".
 * Each run of text is inserted at once (as typing would, but without a keystroke per letter).
 */
async function writeText(page: Page, label: string, markup: string): Promise<void> {
  const field = page.getByRole('textbox', { name: label, exact: true });
  const bullets = page.getByRole('toolbar', { name: `Formatering: ${label}` }).getByRole('button', {
    name: 'Punktlista',
  });
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  let first = true;
  let inList = false;
  for (const line of markup.split('\n')) {
    if (line === '') {
      continue;
    }
    const bullet = line.startsWith('• ');
    if (!first) {
      await page.keyboard.press('Enter');
    }
    if (bullet !== inList) {
      await bullets.click();
      inList = bullet;
    }
    await page.keyboard.insertText(bullet ? line.slice(2) : line);
    first = false;
  }
  await expect(field).toContainText(markup.split('\n').at(-1)!.replace(/^• /, ''));
}

/** The page furniture of the signed PDF, which interrupts sentences at the page break. */
function bodyText(pdfText: string, diaryNumber: string): string {
  const r = REFERENCE_CASE.recipient;
  const footer = `${r.administration} ${r.department} ${r.streetAddress} ${r.postalCode} ${r.postalTown} ${r.footerEmail} ${r.website}`;
  return normalise(pdfText)
    .split(footer)
    .join(' ')
    .replace(new RegExp(`${r.administration} Tjänsteutlåtande Dnr ${diaryNumber} Sida \\d+ \\(\\d+\\)`, 'g'), ' ')
    .replace(/\s+/g, ' ');
}

test.describe('The reference case in the browser', () => {
  test.setTimeout(300_000);

  test('Jens writes the whole tjänsteutlåtande HÄ 2025/578 in the editor; after a change asked by Alexander, Alexander and Lee approve and the signed PDF holds the original’s sentences in order', async ({
    asPerson,
    baseURL,
  }) => {
    await comingMeeting(baseURL!);
    const attachment = s.attachments[0];
    const remiss = await remissAssigned(baseURL!, s.title, {
      description:
        'Kommunstyrelsen remitterar förslaget till handlingsplan för romsk inkludering till stadsdelsnämnderna.',
      sections: REFERENCE_CASE.sender.sections.map((x) => ({ title: x.title, description: x.description })),
      documents: [
        {
          title: attachment,
          fileName: 'Handlingsplan för romsk inkludering 2030.pdf',
          pdf: await samplePdf(['Handlingsplan för romsk inkludering 2030', 'Remissversion']),
        },
      ],
    });
    const jens = await asPerson(JENS);

    await jens.goto('/');
    await jens.getByRole('link', { name: `Skriv tjänsteutlåtande: ${remiss.title}` }).click();
    await jens.getByRole('button', { name: 'Skriv tjänsteutlåtande' }).click();
    await expect(jens.getByRole('heading', { level: 1, name: 'Skriv tjänsteutlåtande' })).toBeVisible();

    // Every part, in the order of the printed document. The first draft's summary has only its
    // first paragraph: the second is what Alexander asks for.
    const [firstSummary, secondSummary] = s.summary.split('\n\n') as [string, string];
    await jens.getByLabel('Rubrik', { exact: true }).fill(s.title);
    await jens.getByLabel('Underrubrik', { exact: true }).fill(s.heading);
    await jens.getByRole('textbox', { name: 'Beslutspunkt 1' }).fill(s.proposedDecision[0]);
    await writeText(jens, 'Sammanfattning', firstSummary);
    await writeText(jens, 'Bakgrund', s.background);
    await writeText(jens, 'Ärendet', s.matter);
    await writeText(jens, 'Hur ärendet har beretts', s.preparation.text);
    const consulted = jens.getByRole('group', { name: 'Avdelningar som har hörts' });
    for (const department of s.preparation.consultedDepartments) {
      await consulted.getByText(department, { exact: true }).click();
    }
    await jens.getByLabel('Dag då de fackliga organisationerna informerades').fill(s.preparation.unionsInformedOn);
    await jens.getByRole('textbox', { name: 'Forum där de informerades' }).fill(s.preparation.unionForum);
    await writeText(jens, 'Förvaltningens synpunkter och förslag', s.views);
    await jens
      .getByRole('radiogroup', { name: 'Ställningstagande till remissen i stort' })
      .getByText('Tillstyrker', { exact: true })
      .click();
    // The original takes no position on the three focus areas one by one.
    for (const section of REFERENCE_CASE.sender.sections) {
      await expect(
        jens.getByRole('radiogroup', { name: `Ställningstagande: ${section.title}` }).getByRole('radio', {
          name: 'Inte angivet',
        }),
      ).toBeChecked();
    }
    // The remissunderlag is chosen already: the statement starts from the remiss.
    const attachments = jens.getByRole('group', { name: 'Bilagor' });
    await expect(attachments.getByRole('checkbox', { name: new RegExp(attachment) })).toBeChecked();
    const meetings = jens.getByRole('radiogroup', { name: 'Nämndens sammanträde' });
    await meetings.locator('label.radio').first().click();
    await expect(meetings.getByRole('radio').first()).toBeChecked();
    // The original's date is before this case was registered: the rule is told at the field.
    const documentDate = jens.getByLabel('Datum för tjänsteutlåtandet');
    await documentDate.fill(REFERENCE_CASE.recipient.documentDate);
    await jens.getByRole('button', { name: 'Spara' }).click();
    await expect(jens.getByRole('alert')).toBeFocused();
    await expect(documentDate).toHaveAccessibleDescription(/Datumet 2025-09-25 ligger utanför det tillåtna/);
    await documentDate.fill(isoDay(0));
    await jens.getByRole('button', { name: 'Spara' }).click();
    await expect(jens.getByRole('status').filter({ hasText: 'Sparat som version 2.' })).toBeVisible();

    // What was saved reads as written: the list of focus areas is a list.
    await jens.getByRole('link', { name: 'Till tjänsteutlåtandet' }).click();
    const text = jens.getByRole('article');
    await expect(text.getByRole('listitem').filter({ hasText: 'Delaktighet och inflytande' })).toBeVisible();
    await expect(text).toContainText('Avdelningen för individ- och familjeomsorg');
    await expect(text).toContainText('förvaltningsgruppen');
    await expect(text.getByRole('listitem').filter({ hasText: attachment })).toBeVisible();
    await jens.getByRole('link', { name: 'Skicka för godkännande' }).click();
    await jens.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await expect(jens.getByRole('status').filter({ hasText: 'skickat för godkännande' })).toBeVisible();

    const alexander = await asPerson(ALEXANDER);
    await alexander.goto('/');
    const toApprove = alexander.getByRole('region', { name: /^Att godkänna/ });
    await toApprove.getByRole('link', { name: new RegExp(remiss.title) }).click();
    await alexander.getByLabel('Kommentar').fill('Sammanfattningen bör också säga vad förvaltningen tycker.');
    await alexander.getByRole('button', { name: 'Begär ändringar' }).click();
    await expect(alexander.getByRole('status').filter({ hasText: 'begärt ändringar' })).toBeVisible();

    // Jens adds the administration's view to the summary as its second paragraph.
    await jens.goto('/notiser');
    await jens
      .getByRole('link', { name: `Ändringar begärs: ${remiss.title}` })
      .first()
      .click();
    await jens.getByRole('link', { name: 'Redigera tjänsteutlåtandet' }).click();
    const summary = jens.getByRole('textbox', { name: 'Sammanfattning', exact: true });
    await summary.getByText(firstSummary.slice(0, 30)).click();
    await jens.keyboard.press('ControlOrMeta+End');
    await jens.keyboard.press('Enter');
    await jens.keyboard.insertText(secondSummary);
    await jens.keyboard.press('Control+s');
    await expect(jens.getByRole('status').filter({ hasText: 'Sparat som version 3.' })).toBeVisible();
    await jens.getByRole('link', { name: 'Till tjänsteutlåtandet' }).click();
    await jens.getByRole('link', { name: 'Skicka för godkännande' }).click();
    await jens.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await expect(jens.getByRole('status').filter({ hasText: 'skickat för godkännande' })).toBeVisible();

    await alexander.goto('/');
    await toApprove.getByRole('link', { name: new RegExp(remiss.title) }).click();
    await expect(alexander.locator('ins', { hasText: 'Förvaltningen välkomnar att staden stärker' })).toBeVisible();
    await alexander.getByRole('button', { name: 'Godkänn' }).click();
    await expect(alexander.getByRole('status').filter({ hasText: 'Du har godkänt' })).toBeVisible();
    const lee = await asPerson(LEE);
    await lee.goto('/');
    await lee
      .getByRole('region', { name: /^Att godkänna/ })
      .getByRole('link', { name: new RegExp(remiss.title) })
      .click();
    await lee.getByRole('button', { name: 'Godkänn' }).click();
    await expect(lee.getByRole('status').filter({ hasText: 'Du har godkänt' })).toBeVisible();

    const issued = jens.getByRole('region', { name: 'Utfärdade dokument' });
    await expect(issued.getByText('Signerad', { exact: true })).toBeVisible({ timeout: 60_000 });
    const [download] = await Promise.all([
      jens.waitForEvent('download'),
      issued.getByRole('link', { name: /^Ladda ned/ }).click(),
    ]);
    const pdfText = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' });
    const body = bodyText(pdfText, remiss.diaryNumber);
    expect(missingInOrder(body, referenceBodyParts().flatMap(sentences))).toEqual([]);
    expect(body).toContain(`Handläggare ${REFERENCE_CASE.officer.name} Telefon: ${REFERENCE_CASE.officer.phone}`);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
