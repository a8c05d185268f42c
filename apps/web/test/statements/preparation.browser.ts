import { ok } from '../support/api';
import { expectAccessible, expect, test } from '../support/fixtures';
import { ALEXANDER, JENS } from '../support/people';
import { as, isoDay, remissAssigned } from '../support/world';

test.describe('Frågor till andra avdelningar', () => {
  test.setTimeout(120_000);

  test('Jens asks a department a question for the preparation, it waits in Mitt arbete there, and its answer shows at the statement', async ({
    asPerson,
    baseURL,
  }) => {
    const remiss = await remissAssigned(baseURL!, 'Handlingsplan för säkrare skolvägar');
    const statement = await ok(
      (await as(baseURL!, JENS)).POST('/api/v1/statements', { body: { caseId: remiss.caseId } }),
    );
    const jens = await asPerson(JENS);
    await jens.goto(`/tjansteutlatanden/${statement.id}`);
    const preparation = jens.getByRole('region', { name: 'Frågor till andra avdelningar' });
    await expect(preparation).toContainText('Inga frågor har ställts.');

    // Nothing chosen: the API's refusal is shown at the fields, and nothing is asked.
    await preparation.getByRole('button', { name: 'Ställ frågan' }).click();
    await expect(jens.getByRole('alert')).toBeFocused();
    await expect(preparation).toContainText('Inga frågor har ställts.');

    const question = 'Hur påverkar planen skolskjutsarna i Älvsjö?';
    await preparation
      .getByRole('combobox', { name: 'Avdelning' })
      .selectOption({ label: 'Avdelningen för ekonomi och upphandling' });
    await preparation.getByRole('textbox', { name: 'Fråga', exact: true }).fill(question);
    await preparation.getByRole('textbox', { name: 'Svar senast' }).fill(isoDay(7));
    await preparation.getByRole('button', { name: 'Ställ frågan' }).click();
    await expect(preparation.getByRole('status')).toHaveText('Frågan är ställd.');
    await expect(preparation.getByRole('listitem').filter({ hasText: question })).toContainText('Inget svar ännu.');
    await expectAccessible(jens);

    const alexander = await asPerson(ALEXANDER);
    await alexander.goto('/');
    await alexander.getByRole('link', { name: new RegExp(`Besvara beredningsfråga: ${question}`) }).click();
    await expect(alexander.getByRole('heading', { level: 1, name: 'Besvara beredningsfråga' })).toBeVisible();
    await expectAccessible(alexander);
    await alexander.getByLabel('Ditt svar').fill('Skolskjutsarna berörs inte; budgeten räcker.');
    await alexander.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(alexander.getByRole('status')).toHaveText('Svaret är skickat.');

    await jens.reload();
    const asked = jens
      .getByRole('region', { name: 'Frågor till andra avdelningar' })
      .getByRole('listitem')
      .filter({ hasText: question });
    await expect(asked).toContainText('Svar: Skolskjutsarna berörs inte; budgeten räcker.');
    await expect(asked).toContainText(`Besvarad av ${ALEXANDER.name}`);
  });
});
