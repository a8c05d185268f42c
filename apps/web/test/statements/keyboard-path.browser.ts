import type { Page } from '@playwright/test';

import { expect, test } from '../support/fixtures';
import { tabTo } from '../support/keyboard';
import { JENS, PASSWORD } from '../support/people';
import { comingMeeting, remissAssigned } from '../support/world';

/** The screen at 320 CSS pixels wide, as it is now (focus included), does not scroll sideways. */
async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const original = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.document, `${where}: document width at 320 px`).toBeLessThanOrEqual(widths.window);
  await page.setViewportSize(original);
}

test.describe('Jens’s path with the keyboard alone', () => {
  test.setTimeout(120_000);

  test('from the login page through Mitt arbete and the case to a saved statement sent for approval, with Tab, Enter, Space and arrows only', async ({
    browser,
    baseURL,
  }) => {
    await comingMeeting(baseURL!);
    const remiss = await remissAssigned(baseURL!, 'Handlingsplan för tillgängliga lekplatser');
    const context = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const page = await context.newPage();

    await page.goto('/logga-in');
    await noSidewaysScroll(page, 'Logga in');
    await tabTo(page, page.getByLabel('E-post'));
    await page.keyboard.type(JENS.email);
    await tabTo(page, page.getByLabel('Lösenord'));
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbete' })).toBeVisible();
    await noSidewaysScroll(page, 'Mitt arbete');

    // The new screen takes the focus at its heading, past the header and the navigation.
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbete' })).toBeFocused();
    await tabTo(page, page.getByRole('link', { name: `Skriv tjänsteutlåtande: ${remiss.title}` }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/arenden\//);
    await noSidewaysScroll(page, 'Ärende');
    await tabTo(page, page.getByRole('button', { name: 'Skriv tjänsteutlåtande' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Skriv tjänsteutlåtande' })).toBeVisible();
    await noSidewaysScroll(page, 'the editor');

    // Every part is reached in turn; the text parts are written, the position chosen with arrows.
    const summary = page.getByRole('textbox', { name: 'Sammanfattning', exact: true });
    await tabTo(page, summary);
    await noSidewaysScroll(page, 'the editor with the focus in a text part');
    await page.keyboard.type('Förvaltningen ser positivt på lekplatserna.');
    await page.keyboard.press('Enter');
    // The toolbar is reached backwards from the text and its button pressed with Space.
    await tabTo(
      page,
      page.getByRole('toolbar', { name: 'Formatering: Sammanfattning' }).getByRole('button', {
        name: 'Punktlista',
      }),
      { backwards: true },
    );
    await page.keyboard.press('Space');
    await expect(summary).toBeFocused();
    await page.keyboard.type('Ramper vid sandlådorna');
    await expect(summary.getByRole('listitem')).toHaveText('Ramper vid sandlådorna');
    const views = page.getByRole('textbox', { name: 'Förvaltningens synpunkter och förslag' });
    await tabTo(page, views);
    await page.keyboard.type('Förvaltningen tillstyrker förslaget.');
    const position = page.getByRole('radiogroup', { name: 'Ställningstagande till remissen i stort' });
    await tabTo(page, position.getByRole('radio', { name: 'Inte angivet' }));
    // Arrows move within the group: from "Inte angivet" (last) round to the first, "Tillstyrker".
    await page.keyboard.press('ArrowRight');
    await expect(position.getByRole('radio', { name: 'Tillstyrker', exact: true })).toBeChecked();
    const meeting = page.getByRole('radiogroup', { name: 'Nämndens sammanträde' });
    await tabTo(page, meeting.getByRole('radio', { checked: true }));
    if (await meeting.getByRole('radio', { name: 'Inget sammanträde valt' }).isChecked()) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(meeting.getByRole('radio', { name: 'Inget sammanträde valt' })).not.toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Spara' }));
    await noSidewaysScroll(page, 'the editor at its save button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Sparat som version 2.' })).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: 'Till tjänsteutlåtandet' }));
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('article').getByRole('listitem').filter({ hasText: 'Ramper vid sandlådorna' }),
    ).toBeVisible();
    await noSidewaysScroll(page, 'Tjänsteutlåtande');
    await tabTo(page, page.getByRole('link', { name: 'Skicka för godkännande' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Steg 1: avdelningschef')).toBeVisible();
    await noSidewaysScroll(page, 'Skicka för godkännande');
    await tabTo(page, page.getByRole('button', { name: 'Skicka för godkännande' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'skickat för godkännande' })).toBeVisible();
    await context.close();
  });
});
