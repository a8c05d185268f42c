import { expectAccessible, expect, test } from '../support/fixtures';
import { IDA, JENS, PASSWORD } from '../support/people';

const WRONG = 'Fel e-postadress eller lösenord.';

test.describe('Inloggning', () => {
  test('has labelled fields and a button, is accessible, and leads to Mitt arbete', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page).toHaveTitle('Logga in – Remiss');
    await expectAccessible(page);
    await page.getByLabel('E-post').fill(JENS.email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbete' })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test('answers a wrong password and an unknown e-mail with the same message, in a summary that takes focus', async ({
    page,
  }) => {
    await page.goto('/logga-in');
    for (const email of [JENS.email, 'ingen.alls@stockholm.se']) {
      await page.getByLabel('E-post').fill(email);
      await page.getByLabel('Lösenord').fill('fel-lösenord');
      await page.getByRole('button', { name: 'Logga in' }).click();
      const summary = page.getByRole('alert');
      await expect(summary).toContainText(WRONG);
      await expect(summary).toBeFocused();
      await expect(page.getByLabel('E-post')).toHaveValue(email);
    }
    await expectAccessible(page);
  });

  test('tells plainly when too many attempts have been made', async ({ page }) => {
    // LOGIN_MAX_ATTEMPTS is 3 in the test system; this address is used by no other test.
    const email = IDA.email;
    await page.goto('/logga-in');
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    for (let attempt = 1; attempt <= 3; attempt++) {
      const answered = page.waitForResponse('**/api/v1/auth/session');
      await page.getByRole('button', { name: 'Logga in' }).click();
      expect((await answered).status()).toBe(401);
      await expect(page.getByRole('alert')).toContainText(WRONG);
    }
    await page.getByRole('button', { name: 'Logga in' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('För många inloggningsförsök.');
    await expect(summary).toContainText(/Vänta \d+ minuter och försök igen\./);
    // The API's Retry-After, read as the time of day when the next attempt may succeed.
    await expect(summary).toContainText(/Du kan försöka igen kl\. \d{2}[.:]\d{2}\./);
    await expect(summary).toBeFocused();
  });

  test('shows the API’s problem next to the field it concerns, linked from the summary', async ({ page }) => {
    await page.goto('/logga-in');
    await page.getByLabel('E-post').fill('inte-en-adress');
    await page.getByLabel('Lösenord').fill('något');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const email = page.getByLabel('E-post');
    const message = 'E-post måste vara en e-postadress';
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(message);
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: message }).click();
    await expect(email).toBeFocused();
    await expectAccessible(page);
  });
});
