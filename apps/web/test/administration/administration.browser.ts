import type { Page } from '@playwright/test';

import { loggedIn, type OwnOrganisation, ownOrganisation, pkcs12File } from '../support/administration';
import { ok } from '../support/api';
import { expectAccessible, expect, test as base } from '../support/fixtures';
import { tabTo } from '../support/keyboard';
import { JENS, KIM, MAJA } from '../support/people';
import { as, isoDay } from '../support/world';

/** Each test administers an organisation of its own, so what it changes touches no other test. */
const test = base.extend<{ own: OwnOrganisation & { page: Page } }>({
  own: async ({ browser, baseURL }, use, testInfo) => {
    const organisation = await ownOrganisation(baseURL!, `Testnämnd ${testInfo.workerIndex}`);
    const page = await loggedIn(browser, baseURL!, organisation.administrator);
    await use({ ...organisation, page });
    await page.context().close();
  },
});

test.describe('Administration', () => {
  test('an administrator reaches Personer from the main menu and adds a person with the keyboard alone', async ({
    own,
  }) => {
    test.setTimeout(120_000);
    const { page } = own;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expectAccessible(page);
    await tabTo(page, page.getByRole('link', { name: 'Personer' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeFocused();
    await expect(page.getByRole('row').filter({ hasText: own.administrator.name })).toContainText('administratör');
    await expectAccessible(page);

    await tabTo(page, page.getByRole('link', { name: 'Lägg till person' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Ny person' })).toBeFocused();
    await tabTo(page, page.getByRole('textbox', { name: 'Namn' }));
    await page.keyboard.type('Tove Lind');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'Titel' })).toBeFocused();
    await page.keyboard.type('utredare');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`tove.lind.${own.id.slice(0, 8)}@stockholm.se`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('08-508 000 00');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Tove Lind' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Tove Lind är tillagd.');
    await expectAccessible(page);

    // The new person gets a role, loses it, is disabled and enabled again.
    await page.getByRole('button', { name: /Roll/ }).click();
    await page.getByRole('option', { name: 'registrator' }).click();
    await page.getByRole('button', { name: 'Lägg till roll' }).click();
    await expect(page.getByRole('status')).toHaveText('Rollen registrator är tillagd.');
    await page.getByRole('button', { name: 'Ta bort rollen registrator' }).click();
    await expect(page.getByRole('status')).toHaveText('Rollen registrator är borttagen.');
    await expect(page.getByText('Personen har inga roller här.')).toBeVisible();
    await page.getByRole('button', { name: 'Stäng av' }).click();
    await expect(page.getByRole('status')).toHaveText('Tove Lind är avstängd.');
    await page.getByRole('link', { name: 'Personer' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Tove Lind' })).toContainText('Avstängd');
    await page.getByRole('link', { name: 'Tove Lind' }).click();
    await page.getByRole('button', { name: 'Aktivera' }).click();
    await expect(page.getByRole('status')).toHaveText('Tove Lind är aktiv igen.');
  });

  test('a person without name and e-mail is refused in Swedish beside each field, and nobody is added', async ({
    own,
  }) => {
    const { page } = own;
    await page.goto('/administration/personer/ny');
    await page.getByRole('button', { name: 'Lägg till' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Namn är för kort');
    await expect(summary).toContainText('E-post måste vara en e-postadress');
    await expect(page.getByRole('textbox', { name: 'Namn' })).toHaveAccessibleDescription(/Namn är för kort/);
    await expect(page.getByRole('textbox', { name: 'E-post' })).toHaveAccessibleDescription(
      /E-post måste vara en e-postadress/,
    );
    await expectAccessible(page);
    // The administrator's own session sees only its organisation: still the administrator alone.
    const response = await page.request.get('/api/v1/people?includeDisabled=true');
    expect(((await response.json()) as { name: string }[]).map((p) => p.name)).toEqual([own.administrator.name]);
  });

  test('an administrator edits a person’s details; an e-mail address already in use is refused beside the field', async ({
    own,
  }) => {
    const { page } = own;
    await page.goto(`/administration/personer/${own.administrator.id}`);
    await expect(page.getByRole('heading', { level: 1, name: own.administrator.name })).toBeVisible();
    await page.getByRole('textbox', { name: 'Titel' }).fill('systemförvaltare och arkivarie');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
    await page.getByRole('textbox', { name: 'E-post' }).fill(MAJA.email);
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('textbox', { name: 'E-post' })).toHaveAccessibleDescription(
      `E-postadressen ${MAJA.email} används redan av en annan person.`,
    );
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'E-post' })).toHaveValue(own.administrator.email);
    await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue('systemförvaltare och arkivarie');
  });

  test('an administrator adds a department and renames it; a name in use is refused beside the field', async ({
    own,
  }) => {
    const { page } = own;
    await page.goto('/administration/avdelningar');
    await expect(page.getByText('Organisationen har inga avdelningar än.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Namn' }).fill('Avdelningen för stöd');
    await page.getByRole('textbox', { name: 'Kontaktadress (e-post)' }).fill('stod@stockholm.se');
    await page.getByRole('button', { name: 'Lägg till avdelning' }).click();
    await expect(page.getByRole('status')).toHaveText('Avdelningen för stöd är tillagd.');
    await expect(page.getByRole('row').filter({ hasText: 'Avdelningen för stöd' })).toContainText('stod@stockholm.se');
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Namn' }).fill('Avdelningen för stöd');
    await page.getByRole('button', { name: 'Lägg till avdelning' }).click();
    await expect(page.getByRole('textbox', { name: 'Namn' })).toHaveAccessibleDescription(
      'Namnet ”Avdelningen för stöd” används redan. Välj ett annat namn.',
    );
    await expect(page.getByRole('row')).toHaveCount(2);

    await page.getByRole('link', { name: 'Byt namn på Avdelningen för stöd' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Avdelningen för stöd' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Namn' }).fill('Avdelningen för stöd och service');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('status')).toHaveText('Avdelningen heter nu Avdelningen för stöd och service.');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Avdelningar' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Avdelningen för stöd och service' })).toBeVisible();
  });

  test('an administrator reorders the approval chain with the keyboard and saves it; an empty chain is refused beside the steps', async ({
    own,
    baseURL,
  }) => {
    const { page } = own;
    await page.goto('/administration/beslutsgang');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Steg 1', 'Steg 2']);
    await expect(page.getByRole('button', { name: /Roll/ }).first()).toContainText('avdelningschef');
    await expectAccessible(page);

    await tabTo(page, page.getByRole('button', { name: 'Flytta ned steg 1' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Steg 1 är nu steg 2.');
    await expect(page.getByRole('button', { name: /Roll/ }).first()).toContainText('förvaltningschef');
    // The focus follows the step: it is now the last, so its "move up" button has it.
    await expect(page.getByRole('button', { name: 'Flytta upp steg 2' })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Spara beslutsgången' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Beslutsgången är sparad.');
    const chain = await ok((await as(baseURL!, own.administrator)).GET('/api/v1/approval-chain'));
    expect(chain).toEqual([
      { step: 1, role: 'director', sameDepartment: false },
      { step: 2, role: 'head_of_department', sameDepartment: true },
    ]);

    await page.getByRole('button', { name: 'Ta bort steg 2' }).click();
    await page.getByRole('button', { name: 'Ta bort steg 1' }).click();
    await page.getByRole('button', { name: 'Spara beslutsgången' }).click();
    await expect(page.getByRole('alert')).toContainText('Kedjan behöver 1–6 steg.');
    await expect(page.getByRole('group', { name: 'Steg' })).toHaveAccessibleDescription('Kedjan behöver 1–6 steg.');
    await expectAccessible(page);
    expect(await ok((await as(baseURL!, own.administrator)).GET('/api/v1/approval-chain'))).toEqual(chain);
  });

  test('someone who is not an administrator has no Administration in the menu and is told so at its address', async ({
    asPerson,
  }) => {
    const page = await asPerson(JENS);
    await page.goto('/administration');
    await expect(page.getByText('Administrationen är till för organisationens administratörer.')).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }),
    ).toHaveCount(0);
  });
});

test.describe('Administration: ersättare och certifikat', () => {
  test('an administrator names a substitute for the director and revokes it', async ({ own, baseURL }) => {
    const admin = await as(baseURL!, own.administrator);
    const suffix = own.id.slice(0, 8);
    for (const [name, role] of [
      ['Dana Direktör', 'director'],
      ['Sam Ställföreträdare', 'head_of_department'],
    ] as const) {
      const person = await ok(
        admin.POST('/api/v1/people', { body: { name, email: `${role}.${suffix}@stockholm.se` } }),
      );
      await ok(admin.POST('/api/v1/people/{id}/roles', { params: { path: { id: person.id } }, body: { role } }));
    }
    const { page } = own;
    await page.goto('/administration');
    await page.getByRole('link', { name: 'Ersättare' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ersättare' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: /Person som ersätts/ }).click();
    await page.getByRole('option', { name: 'Dana Direktör' }).click();
    await page.getByRole('button', { name: /^Välj Ersättare|Ersättare$/ }).click();
    await page.getByRole('option', { name: 'Sam Ställföreträdare' }).click();
    await page.getByLabel('Från och med').fill(isoDay(30));
    await page.getByLabel('Till och med').fill(isoDay(40));
    await page.getByRole('button', { name: 'Utse ersättare' }).click();
    await expect(page.getByRole('status')).toHaveText(
      `Sam Ställföreträdare är ersättare för Dana Direktör ${isoDay(30)} – ${isoDay(40)}.`,
    );
    const row = page.getByRole('row').filter({ hasText: 'Sam Ställföreträdare' });
    await expect(row).toContainText('Kommande');
    await expectAccessible(page);
    await row.getByRole('button', { name: 'Återkalla Sam Ställföreträdare som ersättare' }).click();
    await expect(row).toContainText('Återkallad');
  });

  test('an administrator installs a signing certificate; a wrong passphrase is refused in Swedish beside the field', async ({
    own,
  }, testInfo) => {
    const file = pkcs12File(
      testInfo.outputPath('certificate'),
      '/C=SE/O=Stockholms stad/CN=Testnämnden i Årsta',
      'rätt-lösenord',
    );
    const { page } = own;
    await page.goto('/administration/certifikat');
    await expect(page.getByRole('heading', { level: 1, name: 'Signeringscertifikat' })).toBeVisible();
    await expect(page.getByText('Inget certifikat är installerat än.', { exact: false })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('PKCS#12-fil (.p12 eller .pfx)').setInputFiles(file);
    await page.getByLabel('Lösenord till filen').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Installera certifikatet' }).click();
    const wrong =
      'Certifikatfilen kunde inte läsas. Kontrollera att det är en PKCS#12-fil (.p12/.pfx) med en RSA-nyckel och att lösenordet stämmer.';
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.getByLabel('Lösenord till filen')).toHaveAccessibleDescription(wrong);
    await expect(page.getByText('Inget certifikat är installerat än.', { exact: false })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Lösenord till filen').fill('rätt-lösenord');
    await page.getByRole('button', { name: 'Installera certifikatet' }).click();
    await expect(page.getByRole('status')).toHaveText('Certifikatet är installerat. Nya dokument signeras med det.');
    await expect(page.getByRole('definition').filter({ hasText: 'Testnämnden i Årsta' })).toBeVisible();
    await expect(page.getByText('Installerat av en administratör')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('PRIVATE KEY');
  });
});

test.describe('Administration: organisationer', () => {
  test('the city’s administrator sees the queue dashboard link, adds an organisation and renames it; a name in use is refused beside the field', async ({
    browser,
    baseURL,
  }) => {
    const page = await loggedIn(browser, baseURL!, KIM);
    await page.goto('/administration');
    await expect(page.getByRole('link', { name: 'Köer' })).toHaveAttribute('href', '/api/queues');
    await page.getByRole('link', { name: 'Organisationer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisationer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ändra Hägersten-Älvsjö stadsdelsnämnd' })).toBeVisible();
    await expectAccessible(page);
    const name = `Nämnden för prov ${Date.now().toString(36)}`;
    await page.getByRole('textbox', { name: 'Namn' }).fill(name);
    await page.getByRole('button', { name: /Slag/ }).click();
    await page.getByRole('option', { name: 'Facknämnd' }).click();
    await page.getByRole('button', { name: 'Lägg till organisation' }).click();
    await expect(page.getByRole('status')).toHaveText(`${name} är tillagd.`);
    await page.getByRole('textbox', { name: 'Namn' }).fill('Hägersten-Älvsjö stadsdelsnämnd');
    await page.getByRole('button', { name: /Slag/ }).click();
    await page.getByRole('option', { name: 'Facknämnd' }).click();
    await page.getByRole('button', { name: 'Lägg till organisation' }).click();
    await expect(page.getByRole('textbox', { name: 'Namn' })).toHaveAccessibleDescription(
      /Hägersten-Älvsjö stadsdelsnämnd/,
    );
    await page.getByRole('link', { name: `Ändra ${name}` }).click();
    await page.getByRole('textbox', { name: 'Namn' }).fill(`${name} (ny)`);
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
    await expect(page.getByRole('heading', { level: 1, name: `${name} (ny)` })).toBeVisible();
    await expectAccessible(page);
    await page.context().close();
  });
});
