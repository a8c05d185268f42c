import { expectAccessible, expect, test } from '../support/fixtures';
import { ALEXANDER } from '../support/people';
import { isoDay } from '../support/world';

test.describe('Ersättare', () => {
  test('a head of department names a substitute for a period and revokes it', async ({ asPerson }) => {
    const page = await asPerson(ALEXANDER);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ersättare' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ersättare' })).toBeVisible();
    await expectAccessible(page);
    // A period that has not begun: the approvals other tests make today are not affected.
    await page.getByRole('button', { name: /Person/ }).click();
    await page.getByRole('option', { name: /^Maja Lindqvist/ }).click();
    await page.getByLabel('Från och med').fill(isoDay(60));
    await page.getByLabel('Till och med').fill(isoDay(70));
    await page.getByRole('button', { name: 'Utse ersättare' }).click();
    await expect(page.getByRole('status')).toContainText(
      `Maja Lindqvist är din ersättare ${isoDay(60)} – ${isoDay(70)}.`,
    );
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Maja Lindqvist' })
      .filter({ hasText: isoDay(60) });
    await expect(row).toContainText('Kommande');
    await row.getByRole('button', { name: 'Återkalla Maja Lindqvist som ersättare' }).click();
    await expect(row).toContainText('Återkallad');
    await expectAccessible(page);
  });

  test('refuses a period that ends before it begins, with the API’s words beside the form', async ({ asPerson }) => {
    const page = await asPerson(ALEXANDER);
    await page.goto('/ersattare');
    await page.getByRole('button', { name: /Person/ }).click();
    await page.getByRole('option', { name: /^Maja Lindqvist/ }).click();
    await page.getByLabel('Från och med').fill(isoDay(40));
    await page.getByLabel('Till och med').fill(isoDay(30));
    await page.getByRole('button', { name: 'Utse ersättare' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Perioden måste ha ett giltigt från- och tilldatum, i den ordningen.');
  });
});
