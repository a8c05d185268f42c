import { expectAccessible, expect, test } from '../support/fixtures';
import { ok } from '../support/api';
import { MAJA } from '../support/people';
import { as } from '../support/world';

/**
 * Diariet: 55 cases under a classification of their own (the other tests' cases stay out of the
 * filter), so that the list runs to two pages of 50.
 */
test.describe('Diariet', () => {
  // Registering the 55 cases through the API takes a while on a busy machine.
  test.setTimeout(120_000);

  test('sorts by its column headings, filters and pages on', async ({ asPerson, baseURL }) => {
    const api = await as(baseURL!, MAJA);
    const code = `9.${Date.now() % 100_000}`;
    await ok(api.POST('/api/v1/registry/records-plan', { body: { code, title: `Diarietest ${code}` } }));
    const titles = Array.from({ length: 55 }, (_, i) => `Diarietest ${String(i + 1).padStart(2, '0')}`);
    // Registered ten at a time: the series hands out the numbers one after another all the same.
    const created = [];
    for (let i = 0; i < titles.length; i += 10) {
      created.push(
        ...(await Promise.all(
          titles.slice(i, i + 10).map((title) =>
            ok(
              api.POST('/api/v1/cases', {
                body: { title, classificationCode: code, counterpart: 'Kommunstyrelsen' },
              }),
            ),
          ),
        )),
      );
    }
    const closed = created[6]!;
    await ok(api.POST('/api/v1/cases/{id}/close', { params: { path: { id: closed.id } } }));
    const newest = [...created].sort((a, b) => b.year - a.year || b.sequence - a.sequence)[0]!;

    const page = await asPerson(MAJA);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Diariet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Diariet' })).toBeVisible();
    const filters = page.getByRole('form', { name: 'Filtrera ärendena' });
    await filters.getByLabel('Klassificering').selectOption(code);
    await filters.getByRole('button', { name: 'Visa' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Sida' });
    await expect(status).toHaveText('Sida 1: ärende 1–50 av 55.');
    const table = page.getByRole('table');
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(51);
    // Newest diary number first.
    const diaryHeader = table.getByRole('columnheader', { name: 'Diarienummer' });
    await expect(diaryHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.nth(1)).toContainText(newest.diaryNumber);
    await expectAccessible(page);

    // Sort by title, ascending, then descending.
    await table.getByRole('button', { name: 'Rubrik' }).click();
    await expect(table.getByRole('columnheader', { name: 'Rubrik' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(diaryHeader).toHaveAttribute('aria-sort', 'none');
    await expect(rows.nth(1)).toContainText('Diarietest 01');
    await expect(rows.nth(50)).toContainText('Diarietest 50');

    // The next page starts after the last row: 51–55, none twice.
    await page.getByRole('button', { name: 'Nästa sida' }).click();
    await expect(status).toHaveText('Sida 2: ärende 51–55 av 55.');
    await expect(rows).toHaveCount(6);
    await expect(rows.nth(1)).toContainText('Diarietest 51');
    await expect(rows.nth(5)).toContainText('Diarietest 55');
    await expect(page.getByRole('button', { name: 'Nästa sida' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Föregående sida' }).click();
    await expect(status).toHaveText('Sida 1: ärende 1–50 av 55.');
    await expect(rows.nth(1)).toContainText('Diarietest 01');

    await table.getByRole('button', { name: 'Rubrik' }).click();
    await expect(table.getByRole('columnheader', { name: 'Rubrik' })).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.nth(1)).toContainText('Diarietest 55');

    // Only the closed ones, then the filters cleared.
    await filters.getByLabel('Status').selectOption('closed');
    await filters.getByRole('button', { name: 'Visa' }).click();
    await expect(status).toHaveText('Sida 1: ärende 1–1 av 1.');
    await expect(rows.nth(1)).toContainText(closed.diaryNumber);
    await expect(rows.nth(1)).toContainText('Avslutat');
    await rows.nth(1).getByRole('link', { name: closed.diaryNumber }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Diarietest 07' })).toBeVisible();
    await page.goBack();
    await expect(status).toHaveText('Sida 1: ärende 1–1 av 1.');
    await expect(filters.getByLabel('Status')).toHaveValue('closed');
    await filters.getByRole('button', { name: 'Rensa filtren' }).click();
    await expect(filters.getByLabel('Klassificering')).toHaveValue('');
    await expect(status).not.toContainText('av 1.');
  });
});
