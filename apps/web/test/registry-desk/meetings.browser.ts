import { expectAccessible, expect, test } from '../support/fixtures';
import { MAJA } from '../support/people';
import { approvedStatement, isoDay, meetingToday } from '../support/world';

test.describe('Sammanträden', () => {
  test.setTimeout(150_000);

  test('Maja records the board’s decision with immediate justering; a taken paragraph is told next to the field', async ({
    asPerson,
    baseURL,
  }) => {
    const meetingId = await meetingToday(baseURL!);
    const first = await approvedStatement(baseURL!, 'Plan för stadens bibliotek', meetingId);
    const page = await asPerson(MAJA);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sammanträden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sammanträden' })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/sammantraden/${meetingId}`);
    const item = page.getByRole('article', { name: first.title });
    await expect(item).toContainText('godkänt och låst');
    await expect(item.getByLabel('Beslut', { exact: true })).toHaveValue(
      `Nämnden godkänner förvaltningens förslag till yttrande över ${first.title}.`,
    );
    await expectAccessible(page);

    // No paragraph: told at the field, nothing recorded.
    await item.getByRole('button', { name: 'Registrera beslut' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(item.getByLabel('Paragraf')).toHaveAttribute('aria-invalid', 'true');
    await item.getByLabel('Paragraf').fill('41');
    await item
      .getByLabel('Reservationer (valfritt)')
      .fill('Ledamoten Ek (V) reserverar sig till förmån för eget förslag.');
    await item.getByRole('button', { name: 'Registrera beslut' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Nämndens beslut om ${first.title} är registrerat.` }),
    ).toBeVisible();
    const decision = item.getByRole('region', { name: `Nämndens beslut: ${first.title}` });
    await expect(decision).toContainText('§ 41');
    await expect(decision).toContainText('Bifall');
    await expect(decision).toContainText(`Omedelbart justerat ${isoDay(0)}`);
    await expect(decision).toContainText('Ledamoten Ek (V)');

    // The same paragraph again, for another statement: the API's refusal stands next to the field.
    const second = await approvedStatement(baseURL!, 'Program för stadens simhallar', meetingId);
    await page.reload();
    const other = page.getByRole('article', { name: second.title });
    await other.getByLabel('Paragraf').fill('41');
    await other.getByRole('button', { name: 'Registrera beslut' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(other.getByLabel('Paragraf')).toHaveAttribute('aria-invalid', 'true');
    await expect(other.getByText(/§ 41 finns redan i protokollet/).first()).toBeVisible();
    await expectAccessible(page);
  });

  test('Maja records a decision to be justerad later, and justerar the minutes afterwards', async ({
    asPerson,
    baseURL,
  }) => {
    const meetingId = await meetingToday(baseURL!);
    const s = await approvedStatement(baseURL!, 'Riktlinjer för stadens torghandel', meetingId);
    const page = await asPerson(MAJA);
    await page.goto(`/sammantraden/${meetingId}`);
    const item = page.getByRole('article', { name: s.title });
    await item.getByLabel('Paragraf').fill('42');
    await item.getByRole('radiogroup', { name: 'Utfall' }).getByText('Bifall med ändringar', { exact: true }).click();
    await item.getByRole('radiogroup', { name: 'Justering' }).getByText('Protokollet justeras senare').click();
    await item.getByRole('button', { name: 'Registrera beslut' }).click();
    // Both the amended decision and the day of justering are needed.
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(item.getByLabel('Beslutet så som nämnden antog det')).toHaveAttribute('aria-invalid', 'true');
    await expect(item.getByLabel('Dag för justering')).toHaveAttribute('aria-invalid', 'true');
    await item
      .getByLabel('Beslutet så som nämnden antog det')
      .fill('Nämnden godkänner förslaget med tillägget att torgen ska vara rökfria.');
    await item.getByLabel('Dag för justering').fill(isoDay(7));
    await item.getByRole('button', { name: 'Registrera beslut' }).click();
    const decision = item.getByRole('region', { name: `Nämndens beslut: ${s.title}` });
    await expect(decision).toContainText(`Justeras ${isoDay(7)}`);
    await expect(decision).toContainText('Bifall med ändringar');
    await expect(decision).toContainText('rökfria');
    await expectAccessible(page);

    // Justering cannot be dated ahead of today; today it can.
    const confirm = item.getByRole('form', { name: `Justera protokollet för ${s.title}` });
    await confirm.getByLabel('Dag då protokollet justerades').fill(isoDay(1));
    await confirm.getByRole('button', { name: 'Justera' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(confirm.getByLabel('Dag då protokollet justerades')).toHaveAttribute('aria-invalid', 'true');
    await confirm.getByLabel('Dag då protokollet justerades').fill(isoDay(0));
    await confirm.getByRole('button', { name: 'Justera' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Protokollet för ${s.title} är justerat.` })).toBeVisible();
    await expect(decision).toContainText(`Justerat ${isoDay(0)}`);
  });
});
