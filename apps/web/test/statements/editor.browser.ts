import { ok } from '../support/api';
import { expect, test } from '../support/fixtures';
import { JENS } from '../support/people';
import { as, comingMeeting, remissAssigned } from '../support/world';

/** A remiss assigned to Jens with its statement started, and the editor open on it. */
async function editorOn(baseUrl: string, title: string) {
  await comingMeeting(baseUrl);
  const remiss = await remissAssigned(baseUrl, title);
  const api = await as(baseUrl, JENS);
  const statement = await ok(api.POST('/api/v1/statements', { body: { caseId: remiss.caseId } }));
  return { api, statement };
}

test.describe('Tjänsteutlåtande editor', () => {
  test('keeps unsaved text through a reload and offers it back', async ({ asPerson, baseURL }) => {
    const { statement } = await editorOn(baseURL!, 'Osparad text: plan för lekplatser');
    const page = await asPerson(JENS);
    await page.goto(`/tjansteutlatanden/${statement.id}/redigera`);
    await page.getByRole('textbox', { name: 'Bakgrund' }).click();
    await page.keyboard.type('Lekplatserna i Årstadal behöver rustas.');
    await page.reload();
    const offer = page.getByRole('region', { name: 'Ändringar som inte är sparade' });
    await expect(offer).toContainText('Det finns osparad text');
    await offer.getByRole('button', { name: 'Ta tillbaka den osparade texten' }).click();
    await expect(page.getByRole('textbox', { name: 'Bakgrund' })).toContainText(
      'Lekplatserna i Årstadal behöver rustas.',
    );
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sparat som version 2.' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Bakgrund' })).toContainText(
      'Lekplatserna i Årstadal behöver rustas.',
    );
    await expect(page.getByRole('region', { name: 'Ändringar som inte är sparade' })).toHaveCount(0);
  });

  test('shows a stale save part by part against the newer version and saves the chosen text on it', async ({
    asPerson,
    baseURL,
  }) => {
    const { api, statement } = await editorOn(baseURL!, 'Konflikt: plan för badplatser');
    const page = await asPerson(JENS);
    await page.goto(`/tjansteutlatanden/${statement.id}/redigera`);
    await expect(page.getByRole('textbox', { name: 'Sammanfattning' })).toBeVisible();
    // Meanwhile the statement is saved elsewhere (another window), with another summary.
    await ok(
      api.PUT('/api/v1/statements/{id}', {
        params: { path: { id: statement.id } },
        body: {
          baseRevision: statement.currentRevision,
          parts: { ...statement.revision.parts, summary: 'Badplatserna ska vara öppna hela sommaren.' },
        },
      }),
    );
    await page.getByRole('textbox', { name: 'Sammanfattning' }).click();
    await page.keyboard.type('Badplatserna behöver fler livräddare.');
    await page.getByRole('textbox', { name: 'Förvaltningens synpunkter och förslag' }).click();
    await page.keyboard.type('Förvaltningen tillstyrker.');
    await page.keyboard.press('Control+s');

    const conflict = page.getByRole('region', { name: 'Någon annan har sparat under tiden' });
    await expect(conflict).toContainText('Version 2 sparades av Jens Westlund');
    await expect(conflict).toContainText('Badplatserna behöver fler livräddare.');
    await expect(conflict).toContainText('Badplatserna ska vara öppna hela sommaren.');
    // Only the summary differs from what was saved: the views are this person's alone.
    await expect(conflict.getByRole('heading', { level: 3 })).toHaveText(['Sammanfattning']);
    await conflict.getByText('Ta version 2: Sammanfattning').click();
    await conflict.getByRole('button', { name: 'Spara på version 2' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sparat som version 3.' })).toBeVisible();

    const saved = await ok(api.GET('/api/v1/statements/{id}', { params: { path: { id: statement.id } } }));
    expect(saved.revision.parts.summary).toBe('Badplatserna ska vara öppna hela sommaren.');
    expect(saved.revision.parts.views).toBe('Förvaltningen tillstyrker.');
  });

  test('renders typed markup and script as text, in the editor and on the statement', async ({ asPerson, baseURL }) => {
    const { statement } = await editorOn(baseURL!, 'Inert text: plan för bibliotek');
    const page = await asPerson(JENS);
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/tjansteutlatanden/${statement.id}/redigera`);
    const typed = '<script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">länk</a>';
    await page.getByRole('textbox', { name: 'Bakgrund' }).click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Control+s');
    await expect(page.getByRole('status').filter({ hasText: 'Sparat som version 2.' })).toBeVisible();
    await page.goto(`/tjansteutlatanden/${statement.id}`);
    const text = page.getByRole('article');
    await expect(text).toContainText(typed);
    await expect(text.locator('script, img, a')).toHaveCount(0);
    expect(alerts).toEqual([]);
  });
});
