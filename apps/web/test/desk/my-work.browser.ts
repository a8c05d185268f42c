import { expectAccessible, expect, test } from '../support/fixtures';
import { JENS } from '../support/people';
import { remissAssigned } from '../support/world';

test.describe('Mitt arbete', () => {
  test('groups what waits by what to do, with diary number, deadline and days left, linking to the action', async ({
    asPerson,
    baseURL,
  }) => {
    const remiss = await remissAssigned(baseURL!, 'Mitt arbete: trafikplan för Liljeholmen', { deadlineInDays: 12 });
    const page = await asPerson(JENS);
    await page.goto('/');
    const write = page.getByRole('region', { name: /^Att skriva/ });
    const item = write.getByRole('listitem').filter({ hasText: remiss.title });
    await expect(item).toContainText(remiss.diaryNumber);
    await expect(item).toContainText('12 dagar kvar');
    await expectAccessible(page);
    await item.getByRole('link', { name: `Skriv tjänsteutlåtande: ${remiss.title}` }).click();
    await expect(page).toHaveURL(new RegExp(`/arenden/${remiss.caseId}$`));
    await expect(page.getByRole('heading', { level: 1, name: remiss.title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Skriv tjänsteutlåtande' })).toBeVisible();
    await expectAccessible(page);
  });
});
