import { loggedIn } from '../support/administration';
import { ok } from '../support/api';
import { expectAccessible, expect, test } from '../support/fixtures';
import { tabTo } from '../support/keyboard';
import { ownRegistry } from '../support/registry';
import { as } from '../support/world';

/**
 * Inställningar för diariet, in an organisation of the test's own: the other tests number their
 * cases in the shared organisations' series, which stay as they are.
 */
test.describe('Inställningar för diariet', () => {
  test('sets the number format, continues the series forward only and keeps the records plan', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const registry = await ownRegistry(baseURL!, `Diarienämnd ${testInfo.workerIndex}`);
    const api = await as(baseURL!, registry.registrar);
    const { year } = await ok(api.GET('/api/v1/registry/series'));
    const yy = String(year).slice(2);
    const page = await loggedIn(browser, baseURL!, registry.registrar);

    await page.goto('/diariet');
    await page.getByRole('link', { name: 'Inställningar för diariet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inställningar för diariet' })).toBeVisible();
    const nextDiaryNumber = page.locator('.facts__row').filter({ hasText: `Serien ${registry.prefix} ${year}` });
    await expect(nextDiaryNumber.getByRole('definition')).toHaveText(`${registry.prefix} ${year}/1`);
    await expectAccessible(page);

    // The format first: a year whose series has numbers keeps its format.
    const format = page.getByRole('form', { name: 'Nummerformat' });
    await format.getByRole('textbox', { name: 'Mall för diarienumret' }).fill('{prefix}-{n:4}-{yy}');
    await format.getByRole('textbox', { name: 'Skiljetecken före handlingens löpnummer' }).fill(':');
    await format.getByRole('button', { name: 'Spara formatet' }).click();
    await expect(page.getByText(`Formatet är sparat. Nästa ärende får ${registry.prefix}-0001-${yy}.`)).toBeVisible();
    const example = page.locator('.facts__row').filter({ hasText: 'Nästa ärende får' });
    await expect(example.getByRole('definition')).toHaveText(`${registry.prefix}-0001-${yy}`);
    await expect(ok(api.GET('/api/v1/registry/series'))).resolves.toMatchObject({
      template: '{prefix}-{n:4}-{yy}',
      documentSeparator: ':',
    });

    // Continuing the series, with the keyboard alone.
    const series = page.getByRole('form', { name: 'Fortsätt serien' });
    const number = series.getByRole('textbox', { name: 'Nästa ärende får nummer' });
    await tabTo(page, number);
    await page.keyboard.type('578');
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Serien fortsätter. Nästa ärende får ${registry.prefix}-0578-${yy}.`)).toBeVisible();
    await expect(nextDiaryNumber.getByRole('definition')).toHaveText(`${registry.prefix}-0578-${yy}`);
    await expect(page.locator('.facts__row').filter({ hasText: 'Nästa löpnummer' })).toContainText('578');

    // Backwards is refused, next to the field, and the series stays where it was.
    await number.fill('100');
    await series.getByRole('button', { name: 'Fortsätt serien' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(/Serien kan inte börja på 100: .* Ange 578 eller högre\./);
    await expect(nextDiaryNumber.getByRole('definition')).toHaveText(`${registry.prefix}-0578-${yy}`);
    await expect(ok(api.GET('/api/v1/registry/series'))).resolves.toMatchObject({ nextNumber: 578 });
    await expectAccessible(page);

    // The records plan: an empty entry is refused beside its fields, a whole one is listed.
    const plan = page.getByRole('region', { name: 'Dokumenthanteringsplan' });
    await expect(plan.getByText('Dokumenthanteringsplanen har inga klassificeringar än.')).toBeVisible();
    const entry = page.getByRole('form', { name: 'Lägg till en klassificering' });
    await entry.getByRole('button', { name: 'Lägg till' }).click();
    await expect(entry.getByRole('textbox', { name: 'Klassificering' })).toHaveAccessibleDescription(
      /Klassificering saknas\./,
    );
    await expect(entry.getByRole('textbox', { name: 'Rubrik' })).toHaveAccessibleDescription(/Rubrik saknas\./);
    await expect(ok(api.GET('/api/v1/registry/records-plan'))).resolves.toEqual([]);
    // A code the plan cannot hold is the API's to refuse, beside the field too.
    await entry.getByRole('textbox', { name: 'Klassificering' }).fill('2 3');
    await entry.getByRole('textbox', { name: 'Rubrik' }).fill('Remisser från kommunstyrelsen');
    await entry.getByRole('button', { name: 'Lägg till' }).click();
    await expect(entry.getByRole('textbox', { name: 'Klassificering' })).toHaveAttribute('aria-invalid', 'true');
    await expect(ok(api.GET('/api/v1/registry/records-plan'))).resolves.toEqual([]);
    await entry.getByRole('textbox', { name: 'Klassificering' }).fill('2.3.1');
    await entry.getByRole('button', { name: 'Lägg till' }).click();
    await expect(page.getByText('2.3.1 är tillagd i dokumenthanteringsplanen.')).toBeVisible();
    const row = plan.getByRole('row').filter({ hasText: '2.3.1' });
    await expect(row).toContainText('Remisser från kommunstyrelsen');
    await expect(row).toContainText('Används');

    // Its title changed.
    await row.getByRole('button', { name: 'Ändra rubrik för 2.3.1' }).click();
    const edit = page.getByRole('form', { name: 'Ändra rubrik för 2.3.1' });
    await edit.getByRole('textbox', { name: 'Rubrik' }).fill('Remisser från kommunstyrelsen och nämnderna');
    await edit.getByRole('button', { name: 'Spara rubriken' }).click();
    await expect(page.getByText('Rubriken för 2.3.1 är ändrad.')).toBeVisible();
    await expect(row).toContainText('Remisser från kommunstyrelsen och nämnderna');
    await expect(ok(api.GET('/api/v1/registry/records-plan'))).resolves.toMatchObject([
      { code: '2.3.1', title: 'Remisser från kommunstyrelsen och nämnderna' },
    ]);
    await expectAccessible(page);
    await page.context().close();
  });
});
