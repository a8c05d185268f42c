import { expectAccessible, expect, test } from '../support/fixtures';
import { MAJA } from '../support/people';
import { remissRegistered } from '../support/world';

test.describe('Inkomna remisser', () => {
  test.setTimeout(120_000);

  test('Maja assigns a remiss to a case officer, and declines another with a reason', async ({ asPerson, baseURL }) => {
    const toAssign = await remissRegistered(baseURL!, 'Riktlinjer för stadens lekplatser');
    const toDecline = await remissRegistered(baseURL!, 'Taxor för båtplatser i innerstaden', { deadlineInDays: 40 });
    const page = await asPerson(MAJA);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkomna remisser' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inkomna remisser' })).toBeVisible();
    const waiting = page.getByRole('region', { name: 'Att tilldela' });
    const item = waiting.getByRole('listitem').filter({ has: page.getByRole('heading', { name: toAssign.title }) });
    await expect(item).toContainText('Kommunstyrelsen');
    await expect(item).toContainText(toAssign.diaryNumber);
    await expect(item).toContainText(toAssign.responseDeadline);
    await expect(item).toContainText('Registrerad');
    await expectAccessible(page);

    // Without a case officer the form says what is missing, next to the field.
    await item.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(item.getByText('Handläggare: välj vem som ska handlägga remissen.').first()).toBeVisible();
    await item.getByRole('button', { name: /Handläggare$/ }).click();
    await page.getByRole('option', { name: /^Jens Westlund/ }).click();
    await item.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `${toAssign.title} är tilldelad Jens Westlund.` }),
    ).toBeVisible();
    const others = page.getByRole('region', { name: 'Övriga remisser' });
    const row = others.getByRole('row').filter({ hasText: toAssign.title });
    await expect(row).toContainText('Tilldelad');
    await expect(row).toContainText('Jens Westlund');

    // Declining needs a reason and who decided; the reason is told next to its field.
    const declining = waiting
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: toDecline.title }) });
    await declining.getByRole('button', { name: `Avstå från ${toDecline.title}` }).click();
    await declining.getByRole('button', { name: 'Registrera avstående' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    const reason = declining.getByRole('textbox', { name: 'Skäl' });
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(declining.getByText('Skäl: skriv varför nämnden avstår.').first()).toBeVisible();
    await expect(declining.getByText('Beslutad av: välj vem som beslutade att avstå.').first()).toBeVisible();
    await expectAccessible(page);
    // Too short for the API: its words stand next to the field.
    await reason.fill('Nej');
    await declining.getByRole('button', { name: /Beslutad av$/ }).click();
    await page.getByRole('option', { name: /^Lee Orberson/ }).click();
    await reason.fill('Ej');
    await declining.getByRole('button', { name: 'Registrera avstående' }).click();
    await expect(page.getByRole('alert')).toContainText('Skäl');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await reason.fill('Remissen berör inte nämndens ansvarsområde.');
    await declining.getByRole('button', { name: 'Registrera avstående' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Nämnden avstår från ${toDecline.title}.` })).toBeVisible();
    await expect(others.getByRole('row').filter({ hasText: toDecline.title })).toContainText('Avstår');
  });

  test('Maja registers a remiss from a ministry; a missing sender and deadline are told next to their fields', async ({
    asPerson,
  }) => {
    const page = await asPerson(MAJA);
    await page.goto('/inkomna-remisser');
    await page.getByRole('link', { name: 'Registrera remiss utifrån' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrera remiss utifrån' })).toBeVisible();
    await expectAccessible(page);
    const title = 'Remiss av betänkandet Kulturarv i samverkan (SOU 2026:12)';
    await page.getByLabel('Remissens rubrik').fill(title);
    await page.getByRole('textbox', { name: 'E-post' }).fill('inte-en-adress');
    await page.getByRole('button', { name: 'Registrera remissen' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Namn' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'E-post' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Svar senast')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Namn' }).fill('Kulturdepartementet');
    await page.getByRole('textbox', { name: 'E-post' }).fill('ku.registrator@regeringskansliet.se');
    await page.getByLabel('Postadress (valfritt)').fill('Kulturdepartementet\n103 33 Stockholm');
    await page.getByLabel('Avsändarens diarienummer (valfritt)').fill('Ku2026/01234');
    await page.getByLabel('Svar senast').fill('2027-03-31');
    await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
    await page.getByLabel('Avsnitt 1: rubrik').fill('Kapitel 5 Samverkan');
    await page.getByRole('button', { name: 'Registrera remissen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inkomna remisser' })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: /Remissen är registrerad som HÄ \d{4}\/\d+/ }),
    ).toBeVisible();
    const item = page
      .getByRole('region', { name: 'Att tilldela' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: title }) });
    await expect(item).toContainText('Kulturdepartementet');
    await expect(item).toContainText('Ku2026/01234');
    await expect(item).toContainText('2027-03-31');
  });
});
