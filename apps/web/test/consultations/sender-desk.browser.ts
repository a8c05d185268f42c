import type { Locator, Page } from '@playwright/test';

import { type Api, ok } from '../support/api';
import { expectAccessible, expect, test } from '../support/fixtures';
import { samplePdf } from '../support/sample-pdf';
import { BROMMA_BOARD, PER, SARA } from '../support/people';
import { as, isoDay } from '../support/world';

/** Presses Tab until the element has the focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** The remiss as the board's registrar sees it, once the worker has registered it there. */
async function registeredAt(registrar: Api, consultationId: string) {
  await expect
    .poll(
      async () =>
        (await ok(registrar.GET('/api/v1/consultations/{id}', { params: { path: { id: consultationId } } })))
          .asRecipient?.state,
      { timeout: 40_000 },
    )
    .toBe('registered');
  return ok(registrar.GET('/api/v1/consultations/{id}', { params: { path: { id: consultationId } } }));
}

/** The long date of running text, as the screens write it ("15 mars 2026"). */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

test.describe('Remisser, the sender’s desk', () => {
  test('a remiss is written and sent with the keyboard alone, and its status board follows the recipient live', async ({
    asPerson,
    baseURL,
  }) => {
    // The whole path, then a wait for the worker's registration at the board.
    test.setTimeout(150_000);
    const title = `Riktlinjer för lekplatser ${Date.now()}`;
    const deadline = isoDay(35);
    const page = await asPerson(SARA);
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await tabTo(page, nav.getByRole('link', { name: 'Remisser' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Remisser' })).toBeFocused();
    await expectAccessible(page);
    await tabTo(page, page.getByRole('link', { name: 'Ny remiss' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Ny remiss' })).toBeFocused();
    await expect(page.getByRole('list', { name: 'Steg' }).locator('[aria-current="step"]')).toHaveText('1. Remissen');
    await expectAccessible(page);

    await tabTo(page, page.getByLabel('Titel'));
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Stadsledningskontoret föreslår riktlinjer för stadens lekplatser.');
    await tabTo(page, page.getByRole('button', { name: 'Fortsätt' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Steg 2 av 6: Delar att yttra sig över' })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Lägg till en del' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Rubrik'));
    await page.keyboard.type('Tillgänglighet');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Steg 3 av 6: Svarsdatum' })).toBeFocused();
    await tabTo(page, page.getByLabel('Svarsdatum'));
    // The browser lays out its date field in its own language (month, day, year), whatever the page's.
    const [year, month, day] = deadline.split('-');
    await page.keyboard.type(`${month}${day}${year}`);
    await expect(page.getByLabel('Svarsdatum')).toHaveValue(deadline);
    await expect(page.getByText(`Svar senast ${longDate(deadline)} kl. 23.59`)).toBeVisible();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Steg 4 av 6: Remissinstanser' })).toBeFocused();
    await expectAccessible(page);
    await tabTo(page, page.getByRole('checkbox', { name: BROMMA_BOARD.name }));
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: BROMMA_BOARD.name })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Fortsätt' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Steg 5 av 6: Bilagor' })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Fortsätt' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Steg 6 av 6: Granska och skicka' })).toBeFocused();
    const review = page.locator('dl');
    await expect(review).toContainText(title);
    await expect(review).toContainText('1. Tillgänglighet');
    await expect(review).toContainText(BROMMA_BOARD.name);
    await expect(review).toContainText(`Svar senast ${longDate(deadline)} kl. 23.59`);
    await expectAccessible(page);
    await tabTo(page, page.getByRole('button', { name: 'Skicka remissen' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Remissen är skickad till 1 remissinstans.')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: BROMMA_BOARD.name });
    // The worker registers the remiss at the board; the board says so without a reload.
    await expect(row).toContainText('Registrerad', { timeout: 40_000 });
    await expect(row).toContainText(/BR \d{4}\/\d+/);
    await expectAccessible(page);

    // The board's registrar declines through the API: the sender's board follows at once.
    const consultationId = page.url().split('/').pop()!;
    const registrar = await as(baseURL!, BROMMA_BOARD.registrar);
    const seen = await ok(registrar.GET('/api/v1/consultations/{id}', { params: { path: { id: consultationId } } }));
    const people = await ok(registrar.GET('/api/v1/people'));
    const director = people.find((p) => p.roles.some((r) => r.role === 'director'))!;
    await ok(
      registrar.POST('/api/v1/consultation-recipients/{id}/decline', {
        params: { path: { id: seen.asRecipient!.id } },
        body: { reason: 'Lekplatserna sköts av fastighetsnämnden.', decidedBy: director.id },
      }),
    );
    await expect(row).toContainText('Avstår');
    await expect(page.getByRole('term').filter({ hasText: 'Avstår' }).locator('+ dd')).toHaveText('1');

    // A correction of the underlag after sending: a note and a file, sent to every recipient.
    const correction = page.getByRole('region', { name: 'Rätta remissunderlaget' });
    await correction.getByRole('button', { name: 'Skicka rättelsen' }).click();
    await expect(correction.getByRole('alert')).toContainText('Skriv vad som är rättat');
    await correction.getByLabel('Vad är rättat').fill('Kartbilagan saknade två lekplatser.');
    await correction.getByLabel('Rättade filer').setInputFiles({
      name: 'Kartbilaga.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await samplePdf(['Kartbilaga', 'Alla lekplatser i Bromma.'])),
    });
    await correction.getByRole('button', { name: 'Skicka rättelsen' }).click();
    await expect(correction.getByRole('status')).toHaveText('Rättelsen är skickad. Remissunderlaget är nu version 2.');
    const underlag = page.getByRole('region', { name: 'Remissunderlag', exact: true });
    await expect(underlag.getByRole('link', { name: 'Kartbilaga' })).toBeVisible();
    await expect(underlag).toContainText('Kartbilagan saknade två lekplatser.');
  });

  test('bad input is answered beside its field and nothing is sent', async ({ asPerson, baseURL }) => {
    const page = await asPerson(SARA);
    const before = await ok((await as(baseURL!, SARA)).GET('/api/v1/consultations'));
    await page.goto('/remisser/ny');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Ange remissens titel.');
    await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await page.getByLabel('Titel').fill('Felaktig remiss');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByLabel('Svarsdatum').fill(isoDay(-1));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(summary).toContainText(`Svarsdatumet måste vara efter i dag (${isoDay(0)}).`);
    await expect(page.getByLabel('Svarsdatum')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Svarsdatum').fill(isoDay(20));
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await expect(page.getByRole('heading', { level: 2, name: /Steg 4 av 6/ })).toBeVisible();
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(summary).toContainText('Välj minst en remissinstans');
    await page.getByRole('button', { name: 'Lägg till en extern remissinstans' }).click();
    await page.getByLabel('Namn').fill('Lekplatsföreningen');
    await page.getByLabel('E-post').fill('inte-en-adress');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(summary).toContainText('Ange en e-postadress, som namn@exempel.se.');
    await expect(page.getByLabel('E-post')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('E-post').fill('kansli@lekplats.example');
    await page.getByRole('button', { name: 'Fortsätt' }).click();

    await page.getByLabel('Välj filer').setInputFiles({
      name: 'program.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await expect(summary).toContainText('Filen program.exe har en filtyp som inte tas emot.');
    await expect(page.getByLabel('Välj filer')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Inga bilagor valda.')).toBeVisible();
    await expectAccessible(page);

    const after = await ok((await as(baseURL!, SARA)).GET('/api/v1/consultations'));
    expect(after.length).toBe(before.length);
  });

  test('the registrar registers an external answer and grants an extension on the status board', async ({
    asPerson,
    baseURL,
  }) => {
    // Waits for the worker twice: the registration at the board, and the signed PDF.
    test.setTimeout(120_000);
    const sara = await as(baseURL!, SARA);
    const title = `Plan för lekplatsernas belysning ${Date.now()}`;
    const organisations = await ok(sara.GET('/api/v1/organisations'));
    const bromma = organisations.find((o) => o.name === BROMMA_BOARD.name)!;
    const drafted = await ok(
      sara.POST('/api/v1/consultations', {
        body: {
          title,
          responseDeadline: isoDay(30),
          sections: [{ title: 'Belysning' }],
          recipients: {
            organisationIds: [bromma.id],
            external: [{ name: 'Föreningen Trygga parker', email: 'kansli@tryggaparker.example' }],
          },
        },
      }),
    );
    await ok(sara.POST('/api/v1/consultations/{id}/send', { params: { path: { id: drafted.id } } }));

    // The worker registers the remiss at the board before the sender looks.
    const registrar = await as(baseURL!, BROMMA_BOARD.registrar);
    const seen = await registeredAt(registrar, drafted.id);
    const page = await asPerson(PER);
    await page.goto(`/remisser/${drafted.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const bromRow = page.getByRole('row').filter({ hasText: BROMMA_BOARD.name });
    await expect(bromRow).toContainText('Registrerad');

    // Bromma asks for more time through the API; the request appears without a reload.
    await ok(
      registrar.POST('/api/v1/consultation-recipients/{id}/extension-requests', {
        params: { path: { id: seen.asRecipient!.id } },
        body: { requestedDeadline: isoDay(45), reason: 'Nämnden sammanträder först om sex veckor.' },
      }),
    );
    await expect(bromRow).toContainText(`Begär anstånd till ${isoDay(45)}`);
    await page.getByRole('button', { name: `Bevilja anstånd för ${BROMMA_BOARD.name}` }).click();
    await expect(page.getByText(`${BROMMA_BOARD.name} har fått anstånd till ${isoDay(45)}.`)).toBeVisible();
    await expect(bromRow).toContainText(`${isoDay(45)} (anstånd)`);

    const answer = page.getByRole('form', { name: 'Svar från Föreningen Trygga parker' });
    await answer.getByRole('button', { name: 'Registrera svaret' }).click();
    await expect(answer.getByRole('alert')).toContainText('Välj ett ställningstagande.');
    await answer
      .getByRole('radiogroup', { name: 'Ställningstagande till remissen i stort' })
      .getByText('Tillstyrker', { exact: true })
      .click();
    await answer.getByLabel('Synpunkter', { exact: true }).fill('Föreningen välkomnar planen.');
    const section = answer.getByRole('group', { name: 'Del 1: Belysning' });
    await section.getByText('Tillstyrker delvis', { exact: true }).click();
    await section.getByLabel('Synpunkter på del 1').fill('Belysningen behövs, men inte vid naturlekplatserna.');
    await answer.getByRole('button', { name: 'Registrera svaret' }).click();
    await expect(page.getByText('Svaret från Föreningen Trygga parker är registrerat.')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Föreningen Trygga parker' })).toContainText('Besvarad');
    await expectAccessible(page);

    await page.getByLabel('Läge').selectOption({ label: 'Besvarad' });
    await expect(page.getByText('Visar 1 av 2 remissinstanser.')).toBeVisible();
    await expect(page.getByRole('link', { name: /CSV/ })).toHaveAttribute('href', /status-board\.csv\?state=answered$/);

    // The compilation shows the answer beside its position, the chart and its numbers.
    await page.getByLabel('Läge').selectOption({ label: 'Alla lägen' });
    await page.getByRole('link', { name: 'Sammanställning av svaren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sammanställning' })).toBeFocused();
    const part = page.getByRole('region', { name: 'Del 1: Belysning' });
    await expect(part.getByRole('img', { name: 'Ställningstaganden, Del 1: Belysning' })).toHaveAccessibleDescription(
      'Antal remissinstanser per ställningstagande: Tillstyrker 0, Tillstyrker delvis 1, Avstyrker 0, Inget att invända 0.',
    );
    await expect(
      part.getByRole('table', { name: 'Antal per ställningstagande, Del 1: Belysning' }).getByRole('row', {
        name: 'Tillstyrker delvis 1',
      }),
    ).toBeVisible();
    const answerRow = part.getByRole('row').filter({ hasText: 'Föreningen Trygga parker' });
    await expect(answerRow).toContainText('Tillstyrker delvis');
    await expect(answerRow).toContainText('Belysningen behövs, men inte vid naturlekplatserna.');
    await expect(page.getByRole('region', { name: 'Har inte svarat' })).toContainText(BROMMA_BOARD.name);
    await expect(page.getByRole('link', { name: /CSV/ })).toHaveAttribute(
      'href',
      `/api/v1/consultations/${drafted.id}/compilation.csv`,
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ta fram signerad PDF' }).click();
    await expect(page.getByText('Sammanställningen tas fram.')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Ladda ned .*\.pdf$/ })).toBeVisible({ timeout: 40_000 });
  });
});
