import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { expectAccessible, expect, test } from '../support/fixtures';
import { ALEXANDER, JENS, LEE } from '../support/people';
import { comingMeeting, remissAssigned } from '../support/world';

test.describe('Tjänsteutlåtande from draft to signed PDF', () => {
  test.setTimeout(180_000);

  test('Jens writes it in the editor, Alexander asks for a change, Jens revises, Alexander and Lee approve, and Jens downloads the signed PDF', async ({
    asPerson,
    baseURL,
  }) => {
    await comingMeeting(baseURL!);
    const remiss = await remissAssigned(baseURL!, 'Handlingsplan för trygga parker');
    const jens = await asPerson(JENS);

    // Mitt arbete → the case → "Skriv tjänsteutlåtande" → the editor.
    await jens.goto('/');
    await jens.getByRole('link', { name: `Skriv tjänsteutlåtande: ${remiss.title}` }).click();
    await jens.getByRole('button', { name: 'Skriv tjänsteutlåtande' }).click();
    await expect(jens.getByRole('heading', { level: 1, name: 'Skriv tjänsteutlåtande' })).toBeVisible();
    await expect(jens.getByLabel('Rubrik', { exact: true })).toHaveValue(remiss.title);
    await expectAccessible(jens);

    const summary = jens.getByRole('textbox', { name: 'Sammanfattning' });
    await summary.click();
    await jens.keyboard.type('Förvaltningen ser positivt på planen.');
    await jens.keyboard.press('Enter');
    await jens
      .getByRole('toolbar', { name: 'Formatering: Sammanfattning' })
      .getByRole('button', { name: 'Punktlista' })
      .click();
    await jens.keyboard.type('Belysning i parkerna');
    await jens.keyboard.press('Enter');
    await jens.keyboard.type('Fler parkvakter');
    const views = jens.getByRole('textbox', { name: 'Förvaltningens synpunkter och förslag' });
    await views.click();
    await jens.keyboard.type('Förvaltningen tillstyrker förslaget ');
    await jens.keyboard.press('Control+i');
    await jens.keyboard.type('i sin helhet');
    await jens.keyboard.press('Control+i');
    await jens.keyboard.type('.');
    await jens
      .getByRole('radiogroup', { name: 'Ställningstagande till remissen i stort' })
      .getByText('Tillstyrker', { exact: true })
      .click();
    await jens.keyboard.press('Control+s');
    await expect(jens.getByRole('status').filter({ hasText: 'Sparat som version 2.' })).toBeVisible();

    // The statement shows the saved text; Jens sends it for approval after seeing the chain.
    await jens.getByRole('link', { name: 'Till tjänsteutlåtandet' }).click();
    const text = jens.getByRole('article');
    await expect(text.getByRole('listitem').filter({ hasText: 'Fler parkvakter' })).toBeVisible();
    await expect(text.locator('em', { hasText: 'i sin helhet' })).toBeVisible();
    await jens.getByRole('link', { name: 'Skicka för godkännande' }).click();
    await expect(jens.getByText('Steg 1: avdelningschef')).toBeVisible();
    await expect(jens.getByText(/Alexander Baena, avdelningschef/)).toBeVisible();
    await expectAccessible(jens);
    await jens.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await expect(jens.getByRole('status').filter({ hasText: 'skickat för godkännande' })).toBeVisible();

    // Alexander asks for a change: a comment is required.
    const alexander = await asPerson(ALEXANDER);
    await alexander.goto('/');
    const approve = alexander.getByRole('region', { name: /^Att godkänna/ });
    await approve.getByRole('link', { name: new RegExp(remiss.title) }).click();
    await expect(alexander.getByRole('heading', { level: 1, name: 'Granska och besluta' })).toBeVisible();
    await expectAccessible(alexander);
    await alexander.getByRole('button', { name: 'Begär ändringar' }).click();
    await expect(alexander.getByRole('alert')).toBeFocused();
    await expect(alexander.getByRole('alert')).toContainText('Kommentar: skriv vad som ska ändras.');
    await alexander.getByLabel('Kommentar').fill('Nämn tryggheten för barn i sammanfattningen.');
    await alexander.getByRole('button', { name: 'Begär ändringar' }).click();
    await expect(alexander.getByRole('status').filter({ hasText: 'begärt ändringar' })).toBeVisible();

    // Jens reads the comment in his notifications, goes to the statement from there and revises it.
    await jens.goto('/notiser');
    const note = jens.getByRole('listitem').filter({ hasText: `Ändringar begärs: ${remiss.title}` });
    await expect(note).toContainText('Nämn tryggheten för barn i sammanfattningen.');
    await note.getByRole('link', { name: `Ändringar begärs: ${remiss.title}` }).click();
    await jens.getByRole('link', { name: 'Redigera tjänsteutlåtandet' }).click();
    const again = jens.getByRole('textbox', { name: 'Sammanfattning' });
    await again.getByText('Förvaltningen ser positivt på planen.').click();
    await jens.keyboard.press('End');
    await jens.keyboard.type(' Barnens trygghet går först.');
    await jens.getByRole('button', { name: 'Spara' }).click();
    await expect(jens.getByRole('status').filter({ hasText: 'Sparat som version 3.' })).toBeVisible();
    await jens.getByRole('link', { name: 'Till tjänsteutlåtandet' }).click();
    await jens.getByRole('link', { name: 'Skicka för godkännande' }).click();
    await jens.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await expect(jens.getByRole('status').filter({ hasText: 'skickat för godkännande' })).toBeVisible();

    // Alexander sees what changed since the version he sent back, and approves; then Lee.
    await alexander.goto('/');
    await approve.getByRole('link', { name: new RegExp(remiss.title) }).click();
    await expect(alexander.locator('ins', { hasText: 'Barnens trygghet går först.' })).toBeVisible();
    // The printed preview of the very revision he approves: a PDF opened in a tab of its own.
    const preview = alexander.getByRole('link', { name: /^Förhandsgranska utskriften av version 3/ });
    await expect(preview).toHaveAttribute('target', '_blank');
    const printed = await alexander.request.get((await preview.getAttribute('href')) ?? '');
    expect(printed.status()).toBe(200);
    expect(printed.headers()['content-type']).toBe('application/pdf');
    expect((await printed.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await alexander.getByRole('button', { name: 'Godkänn' }).click();
    await expect(alexander.getByRole('status').filter({ hasText: 'Du har godkänt' })).toBeVisible();
    // Jens has stayed on the statement while they approve: its state and the issued PDF arrive live.
    const lee = await asPerson(LEE);
    await lee.goto('/');
    await lee
      .getByRole('region', { name: /^Att godkänna/ })
      .getByRole('link', { name: new RegExp(remiss.title) })
      .click();
    await lee.getByRole('button', { name: 'Godkänn' }).click();
    await expect(lee.getByRole('status').filter({ hasText: 'Du har godkänt' })).toBeVisible();

    await expect(jens.getByText('godkänt och låst', { exact: true })).toBeVisible();
    const issued = jens.getByRole('region', { name: 'Utfärdade dokument' });
    await expect(issued.getByText('Signerad', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expectAccessible(jens);
    const [download] = await Promise.all([
      jens.waitForEvent('download'),
      issued.getByRole('link', { name: /^Ladda ned/ }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Förvaltningen ser positivt på planen. Barnens trygghet går först.');
    expect(pdfText).toContain('Fler parkvakter');
  });
});
