import { ok } from '../support/api';
import { expectAccessible, expect, test } from '../support/fixtures';
import { JENS } from '../support/people';
import { as, remissAssigned } from '../support/world';

test.describe('Versioner', () => {
  test('lists every saved version and compares any two, part by part, with insertions and deletions marked', async ({
    asPerson,
    baseURL,
  }) => {
    const remiss = await remissAssigned(baseURL!, 'Handlingsplan för fler sittplatser');
    const api = await as(baseURL!, JENS);
    let statement = await ok(api.POST('/api/v1/statements', { body: { caseId: remiss.caseId } }));
    for (const summary of [
      'Förvaltningen ser positivt på bänkarna.',
      'Förvaltningen ser mycket positivt på parkbänkarna.',
    ]) {
      statement = await ok(
        api.PUT('/api/v1/statements/{id}', {
          params: { path: { id: statement.id } },
          body: { baseRevision: statement.currentRevision, parts: { ...statement.revision.parts, summary } },
        }),
      );
    }
    const jens = await asPerson(JENS);
    await jens.goto(`/tjansteutlatanden/${statement.id}`);
    await jens.getByRole('link', { name: 'Alla versioner och vad som ändrades' }).click();
    await expect(jens.getByRole('heading', { level: 1, name: 'Versioner' })).toBeVisible();
    const rows = jens.getByRole('table', { name: 'Tjänsteutlåtandets versioner' }).getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('3 (senaste)');
    await expect(rows.nth(1)).toContainText(JENS.name);

    // By default the latest against the one before.
    const changes = jens.getByRole('region', { name: 'Ändringar från version 2 till version 3' });
    await expect(changes.locator('ins', { hasText: 'mycket' })).toBeVisible();
    await expect(changes.locator('del', { hasText: 'bänkarna.' })).toBeVisible();
    await expectAccessible(jens);

    // The empty first version against the latest: the whole summary is new.
    await jens.getByLabel('Jämför version').selectOption('1');
    const all = jens.getByRole('region', { name: 'Ändringar från version 1 till version 3' });
    await expect(all.locator('ins', { hasText: 'Förvaltningen ser mycket positivt på parkbänkarna.' })).toBeVisible();
    await expect(all.locator('del')).toHaveCount(0);
  });
});
