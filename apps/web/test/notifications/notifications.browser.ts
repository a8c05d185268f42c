import { expectAccessible, expect, test } from '../support/fixtures';
import { AMIRA, HASSELBY_BOARD, JARVA_BOARD, LINA } from '../support/people';
import { remissAssigned } from '../support/world';

// These people get notifications from no other test file, so the counts are this file's own.
test.describe('Notiser', () => {
  test('arrive live over the event stream, without polling', async ({ asPerson, baseURL }) => {
    const page = await asPerson(AMIRA);
    const inboxRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/notifications') {
        inboxRequests.push(r.url());
      }
    });
    await page.goto('/notiser');
    await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
    const before = inboxRequests.length;
    const remiss = await remissAssigned(baseURL!, 'Notis via strömmen: cykelplan', {
      board: JARVA_BOARD,
      officer: AMIRA,
    });
    // The stream names what changed and the page fetches it at once; polling would take ten seconds.
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(remiss.title) })).toBeVisible({
      timeout: 5_000,
    });
    expect(inboxRequests.length).toBeGreaterThan(before);
    await expect(page.getByText('Anslutningen för direktuppdateringar bröts')).toHaveCount(0);
  });

  test('arrive by polling when the event stream is cut', async ({ asPerson, baseURL }) => {
    const page = await asPerson(LINA);
    await page.route('**/api/v1/events', (route) => route.abort());
    await page.goto('/notiser');
    await expect(
      page.getByRole('status').filter({ hasText: 'Anslutningen för direktuppdateringar bröts' }),
    ).toBeVisible();
    const remiss = await remissAssigned(baseURL!, 'Notis via polling: parkeringsplan', {
      board: HASSELBY_BOARD,
      officer: LINA,
    });
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(remiss.title) })).toBeVisible({
      timeout: 15_000,
    });
  });

  test('are marked read one by one or all at once, and the header counts the unread', async ({ asPerson, baseURL }) => {
    const page = await asPerson(AMIRA);
    await remissAssigned(baseURL!, 'Läsa notiser: belysningsplan', { board: JARVA_BOARD, officer: AMIRA });
    await remissAssigned(baseURL!, 'Läsa notiser: trädplan', { board: JARVA_BOARD, officer: AMIRA });
    await page.goto('/notiser');
    const unread = page.getByRole('listitem').filter({ hasText: 'Oläst' });
    await expect(unread.first()).toBeVisible();
    await expectAccessible(page);
    const count = await unread.count();
    const button = page.getByRole('banner').getByRole('link', { name: /^Notiser/ });
    await expect(button).toHaveAccessibleName(`Notiser ${count} ${count === 1 ? 'oläst' : 'olästa'}`);
    await unread
      .first()
      .getByRole('button', { name: /^Markera som läst/ })
      .click();
    await expect(unread).toHaveCount(count - 1);
    await expect(button).toHaveAccessibleName(
      count - 1 === 0 ? 'Notiser' : `Notiser ${count - 1} ${count - 1 === 1 ? 'oläst' : 'olästa'}`,
    );
    if (count - 1 > 0) {
      await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
    }
    await expect(unread).toHaveCount(0);
    await expect(button).toHaveAccessibleName('Notiser');
    await expect(page.getByText('0 olästa')).toBeVisible();
  });
});
