import { expectAccessible, expect, test } from '../support/fixtures';
import { HAGERSTEN_ALVSJO, JENS, PASSWORD } from '../support/people';

test.describe('App shell', () => {
  test('shows the organisation and the person, the navigation by role, the notifications and the page title', async ({
    asPerson,
  }) => {
    const page = await asPerson(JENS);
    await page.goto('/');
    const banner = page.getByRole('banner');
    await expect(banner).toContainText(HAGERSTEN_ALVSJO);
    await expect(banner).toContainText(JENS.name);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(nav.getByRole('link', { name: 'Mitt arbete' })).toHaveAttribute('aria-current', 'page');
    // A case officer approves nothing, so names no substitute.
    await expect(nav.getByRole('link', { name: 'Ersättare' })).toHaveCount(0);
    await expect(banner.getByRole('link', { name: /^Notiser/ })).toBeVisible();
    await expect(page).toHaveTitle('Mitt arbete – Remiss');
    await expectAccessible(page);
  });

  test('has a skip link first in the tab order that moves to the content', async ({ asPerson }) => {
    const page = await asPerson(JENS);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbete' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('moves focus to the new page’s heading and names it in the title when navigating', async ({ asPerson }) => {
    const page = await asPerson(JENS);
    await page.goto('/');
    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Notiser/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeFocused();
    await expect(page).toHaveTitle('Notiser – Remiss');
    await expectAccessible(page);
  });

  test('logging out ends the session and returns to the login page', async ({ page }) => {
    await page.goto('/logga-in');
    await page.getByLabel('E-post').fill(JENS.email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbete' })).toBeVisible();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/logga-in\?utloggad=1$/);
    await expect(page.getByRole('status')).toHaveText('Du är utloggad.');
    await page.goto('/notiser');
    await expect(page).toHaveURL(/\/logga-in\?tillbaka=%2Fnotiser$/);
  });

  test('an expired session returns the person to the login page, and back to the same page afterwards', async ({
    page,
    context,
  }) => {
    // Without the event stream the page asks the API again every ten seconds: the first answer
    // after the session has ended is a 401.
    await page.route('**/api/v1/events', (route) => route.abort());
    await page.goto('/logga-in');
    await page.getByLabel('E-post').fill(JENS.email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Notiser/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
    // The session ends on the server while the page is open, as when it expires.
    const ended = await page.evaluate(async () => {
      const csrf = document.cookie.match(/remiss_csrf=([^;]+)/)?.[1] ?? '';
      return (await fetch('/api/v1/auth/session', { method: 'DELETE', headers: { 'x-csrf-token': csrf } })).status;
    });
    expect(ended).toBe(204);
    await context.clearCookies();
    await expect(page).toHaveURL(/\/logga-in\?tillbaka=%2Fnotiser$/, { timeout: 20_000 });
    await expect(page.getByRole('status')).toContainText('Logga in igen för att fortsätta där du var.');
    await page.getByLabel('E-post').fill(JENS.email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL(/\/notiser$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
  });
});
