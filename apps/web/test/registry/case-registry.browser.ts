import { Buffer } from 'node:buffer';

import { ok } from '../support/api';
import { expectAccessible, expect, test } from '../support/fixtures';
import { MAJA } from '../support/people';
import { samplePdf } from '../support/sample-pdf';
import { as } from '../support/world';

/** The case page as the registrar works in it: documents registered, marked secret, annulled; the case classified and closed. */
test.describe('Ärendet i diariet', () => {
  test.setTimeout(150_000);

  async function newCase(baseURL: string, title: string) {
    const api = await as(baseURL, MAJA);
    const created = await ok(api.POST('/api/v1/cases', { body: { title, counterpart: 'Kommunstyrelsen' } }));
    return { api, ...created };
  }

  test('registers an incoming document with its file and marks it secret, with the keyboard alone', async ({
    asPerson,
    baseURL,
  }) => {
    const c = await newCase(baseURL!, 'Remiss om trygghet i parker');
    const page = await asPerson(MAJA);
    await page.goto(`/arenden/${c.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Remiss om trygghet i parker' })).toBeVisible();
    await expectAccessible(page);

    // From the direction's first choice on, only keys.
    await page.getByRole('radio', { name: 'Inkommande' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Handlingstyp')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026-01-15');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Avsändare eller mottagare')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Filer')).toBeFocused();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (
      await chooser
    ).setFiles([
      {
        name: 'remiss.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(await samplePdf(['Remiss', 'Trygghet i parker'])),
      },
    ]);
    const title = page.getByLabel('Rubrik för remiss.pdf');
    await expect(title).toHaveValue('remiss');
    await page.keyboard.press('Tab');
    await expect(title).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Remiss från kommunstyrelsen');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Registrera', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    const number = `${c.diaryNumber}-1`;
    await expect(page.getByRole('status').filter({ hasText: 'Registrerad som' })).toHaveText(
      `remiss.pdf: Registrerad som ${number}.`,
    );
    const row = page.getByRole('row').filter({ hasText: number });
    await expect(row).toContainText('Remiss från kommunstyrelsen');
    await expect(row).toContainText('2026-01-15');
    await expect(row).toContainText('Inkommande');

    // Secrecy needs its ground: without it the answer stands by the field and nothing changes.
    await row.getByRole('button', { name: `Sekretessmarkera ${number}` }).focus();
    await page.keyboard.press('Enter');
    const ground = page.getByLabel('Sekretessgrund');
    await expect(ground).toBeFocused();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: `Sekretessmarkera ${number}` });
    await expect(form.locator('.field__error')).toContainText('Ange sekretessgrunden');
    await expect(ground).toHaveAttribute('aria-invalid', 'true');
    const unchanged = await ok(c.api.GET('/api/v1/cases/{id}/documents', { params: { path: { id: c.id } } }));
    expect(unchanged[0]!.secrecy).toBeNull();
    await expectAccessible(page);
    await ground.focus();
    await page.keyboard.type('OSL 26 kap. 1 §');
    await page.keyboard.press('Enter');
    await expect(row).toContainText('Sekretess (OSL 26 kap. 1 §)');
    await expect(row.getByRole('button', { name: `Häv sekretessen för ${number}` })).toBeVisible();
  });

  test('refuses a file that is not what its name says and a type of document the API does not take, in Swedish by the field', async ({
    asPerson,
    baseURL,
  }) => {
    const c = await newCase(baseURL!, 'Ansökan om bidrag');
    const page = await asPerson(MAJA);
    await page.goto(`/arenden/${c.id}`);
    await page
      .getByLabel('Filer')
      .setInputFiles([
        { name: 'ansokan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Det här är bara text.\n') },
      ]);
    const title = page.getByLabel('Rubrik för ansokan.pdf');
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.upload-list__item .field__error')).toHaveText(
      'Filen heter .pdf men innehållet är inte PDF. Kontrollera att det är rätt fil.',
    );
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Någon av filerna kan inte registreras.');
    await page.getByRole('button', { name: 'Ta bort ansokan.pdf' }).click();

    // The API's answer for a field stands by that field.
    await page.getByLabel('Handlingstyp').fill('Brev!');
    await page
      .getByLabel('Filer')
      .setInputFiles([
        { name: 'ansokan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await samplePdf(['Ansökan'])) },
      ]);
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Handlingstyp');
    await expect(page.getByLabel('Handlingstyp')).toHaveAttribute('aria-invalid', 'true');
    const documents = await ok(c.api.GET('/api/v1/cases/{id}/documents', { params: { path: { id: c.id } } }));
    expect(documents).toEqual([]);
  });

  test('annuls a document with its reason, classifies, assigns, closes and reopens the case', async ({
    asPerson,
    baseURL,
  }) => {
    const c = await newCase(baseURL!, 'Avtal om städning');
    const code = `8.${Date.now() % 100_000}`;
    await ok(c.api.POST('/api/v1/registry/records-plan', { body: { code, title: 'Avtal' } }));
    await ok(
      c.api.POST('/api/v1/cases/{id}/documents', {
        params: { path: { id: c.id } },
        body: { direction: 'outgoing', kind: 'skrivelse', title: 'Fel ärende' },
      }),
    );
    const page = await asPerson(MAJA);
    await page.goto(`/arenden/${c.id}`);
    const number = `${c.diaryNumber}-1`;
    await page.getByRole('button', { name: `Makulera ${number}` }).click();
    await page.getByLabel('Skäl för makuleringen').fill('Registrerad i fel ärende.');
    await page
      .getByRole('form', { name: `Makulera ${number}` })
      .getByRole('button', { name: 'Makulera' })
      .click();
    await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Makulerad');

    await page.getByLabel('Klassificering').selectOption(code);
    await page.getByRole('button', { name: 'Spara klassificering' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'klassificerat' })).toHaveText(
      `Ärendet är klassificerat som ${code}.`,
    );
    await page.getByLabel('Ansvarig handläggare').selectOption({ label: 'Jens Westlund' });
    await page.getByRole('button', { name: 'Gör ansvarig' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'ansvarig' })).toHaveText(
      'Jens Westlund är ansvarig handläggare.',
    );
    await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'avslutat' })).toHaveText('Ärendet är avslutat.');
    await expect(page.getByRole('heading', { name: 'Registrera handlingar' })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Återöppna ärendet' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'återöppnat' })).toHaveText('Ärendet är återöppnat.');
    const after = await ok(c.api.GET('/api/v1/cases/{id}', { params: { path: { id: c.id } } }));
    expect(after).toMatchObject({ status: 'open', classificationCode: code });
  });
});
