import { expectAccessible, expect, test } from '../support/fixtures';
import { JENS, MAJA } from '../support/people';
import { approvedStatement, comingMeeting, issuedFile, signedDocuments } from '../support/world';

test.describe('Utfärdade dokument and Kontrollera', () => {
  test.setTimeout(150_000);

  test('Maja sees the signed tjänsteutlåtande among the issued documents and downloads it; Jens verifies it, an altered copy and a file that is no PDF', async ({
    asPerson,
    baseURL,
  }) => {
    const meetingId = await comingMeeting(baseURL!);
    const s = await approvedStatement(baseURL!, 'Handlingsplan för stadens stränder', meetingId);
    const [report] = await signedDocuments(baseURL!, s.statementId);
    const page = await asPerson(MAJA);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utfärdade dokument' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Utfärdade dokument' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: s.diaryNumber });
    await expect(row).toContainText('Tjänsteutlåtande');
    await expect(row).toContainText('Signerad');
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await row.getByRole('link', { name: `Ladda ned ${report!.fileName}` }).click();
    expect((await download).suggestedFilename()).toBe(report!.fileName);

    const pdf = await issuedFile(baseURL!, report!.id);
    const jens = await asPerson(JENS);
    await jens.goto('/');
    await jens
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Kontrollera dokument' })
      .click();
    await expect(jens.getByRole('heading', { level: 1, name: 'Kontrollera ett dokument' })).toBeVisible();
    await expectAccessible(jens);
    const choose = async (name: string, mimeType: string, buffer: Buffer) => {
      const chooser = jens.waitForEvent('filechooser');
      await jens.getByRole('button', { name: 'Välj PDF-fil' }).click();
      await (await chooser).setFiles({ name, mimeType, buffer });
    };

    await choose('tjansteutlatande.pdf', 'application/pdf', pdf);
    const verdict = jens.getByRole('region', { name: 'Dokumentet är utfärdat här och oförändrat' });
    await expect(verdict).toBeFocused();
    await expect(verdict).toContainText(s.diaryNumber);
    await expect(verdict).toContainText('Tjänsteutlåtande');
    await expect(verdict).toContainText('Alexander Baena');
    await expect(verdict).toContainText('Lee Orberson');
    await expectAccessible(jens);

    await choose('andrad.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.from('\n% tillagt efteråt\n')]));
    const altered = jens.getByRole('region', { name: 'Dokumentet har ändrats efter att det signerades' });
    await expect(altered).toBeFocused();
    await expect(altered).toContainText('Lita inte på det');
    await expect(altered).toContainText(s.diaryNumber);

    await choose('anteckning.txt', 'text/plain', Buffer.from('Det här är ingen PDF.'));
    await expect(jens.getByRole('alert')).toBeFocused();
    await expect(jens.getByRole('alert')).toContainText('PDF-fil:');
    await expectAccessible(jens);
  });
});
