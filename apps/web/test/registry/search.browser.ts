import { ok } from '../support/api';
import { expectAccessible, expect, test } from '../support/fixtures';
import { JENS, MAJA } from '../support/people';
import { samplePdf } from '../support/sample-pdf';
import { as } from '../support/world';

/** A word of this run's own, so that other tests' cases and documents stay out of the hits. */
function ownWord(): string {
  return Array.from({ length: 9 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

/** "Sök i diariet": from the header, by number and by words, the file's text included, within secrecy. */
test.describe('Sök i diariet', () => {
  test.setTimeout(90_000);

  test('finds cases and documents by number, by stem, by the text of a file, and keeps secrets', async ({
    asPerson,
    baseURL,
  }) => {
    const api = await as(baseURL!, MAJA);
    const [titleWord, textWord, secretWord, secretTextWord] = [ownWord(), ownWord(), ownWord(), ownWord()];
    const c = await ok(
      api.POST('/api/v1/cases', {
        body: { title: `Sammanställning av remissvaren om ${titleWord}`, counterpart: 'Kommunstyrelsen' },
      }),
    );
    const register = async (title: string, lines: string[], counterpart: string) => {
      const form = new FormData();
      form.append('direction', 'incoming');
      form.append('kind', 'skrivelse');
      form.append('title', title);
      form.append('counterpart', counterpart);
      form.append('file', new Blob([await samplePdf(lines)], { type: 'application/pdf' }), 'handling.pdf');
      return ok(
        api.POST('/api/v1/cases/{id}/documents', {
          params: { path: { id: c.id } },
          body: { direction: 'incoming', kind: 'skrivelse', title, counterpart },
          bodySerializer: () => form,
        }),
      );
    };
    await register(
      'Missiv',
      ['Missiv', `Åtgärderna gäller ${textWord} och utbildning i stadsdelen.`],
      'Kommunstyrelsen',
    );
    const secret = await register(
      `Anmälan om ${secretWord}`,
      ['Anmälan', `Familjen bor på hemlig adress vid ${secretTextWord}.`],
      'Anna Andersson',
    );
    await ok(
      api.PUT('/api/v1/documents/{id}/secrecy', {
        params: { path: { id: secret.id } },
        body: { ground: 'OSL 26 kap. 1 §' },
      }),
    );
    // The worker reads the files' text after registration.
    await expect
      .poll(
        async () => {
          const both = await Promise.all(
            [textWord, secretTextWord].map((q) => ok(api.GET('/api/v1/search', { params: { query: { q } } }))),
          );
          return both.every((b) => b.documents.length === 1);
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    const page = await asPerson(JENS);
    await page.goto('/');
    const header = page.getByRole('search', { name: 'Sök i diariet' });
    const searchFor = async (q: string) => {
      await header.getByLabel('Sök i diariet').fill(q);
      await header.getByRole('button', { name: 'Sök' }).click();
      await expect(page).toHaveURL(`/sok?${new URLSearchParams({ q })}`);
    };
    const status = page.getByRole('status').filter({ hasText: /träff/ });
    const cases = page.getByRole('region', { name: 'Ärenden' }).getByRole('listitem');
    const documents = page.getByRole('region', { name: 'Handlingar' }).getByRole('listitem');

    // By the whole diary number: the case first, its documents with their numbers in it.
    await searchFor(c.diaryNumber);
    await expect(page.getByRole('heading', { level: 1, name: 'Sök i diariet' })).toBeVisible();
    await expect(page.getByRole('search', { name: 'Ändra sökningen' }).getByLabel('Sök i diariet')).toHaveValue(
      c.diaryNumber,
    );
    await expect(cases.first()).toContainText(`Sammanställning av remissvaren om ${titleWord}`);
    await expect(cases.first()).toContainText('Motpart: Kommunstyrelsen');
    await expect(documents.getByRole('link', { name: `${c.diaryNumber}-1` })).toHaveAttribute(
      'href',
      `/arenden/${c.id}`,
    );
    // The secret document is found by its number, what it says withheld.
    const secretHit = documents.filter({ has: page.getByRole('link', { name: `${c.diaryNumber}-2` }) });
    await expect(secretHit).toContainText('Sekretessmarkerad handling (OSL 26 kap. 1 §)');
    await expect(secretHit).not.toContainText(secretWord);
    await expect(secretHit).not.toContainText('Anna Andersson');
    await expectAccessible(page);

    // By the number alone, the year and the board's letters left out.
    const [, sequence] = /\/(\d+)$/.exec(c.diaryNumber)!;
    await searchFor(sequence!);
    await expect(cases.getByRole('link', { name: c.diaryNumber })).toHaveAttribute('href', `/arenden/${c.id}`);

    // By a word's stem: remissvar finds remissvaren.
    await searchFor(`remissvar ${titleWord}`);
    await expect(status).toHaveText(`1 träff för ”remissvar ${titleWord}”.`);
    await expect(cases.getByRole('link', { name: c.diaryNumber })).toBeVisible();

    // By a word only the file's text holds, shown where it stands, the word marked.
    await searchFor(textWord);
    await expect(status).toHaveText(`1 träff för ”${textWord}”.`);
    await expect(documents).toHaveCount(1);
    await expect(documents.getByRole('link', { name: `${c.diaryNumber}-1` })).toBeVisible();
    await expect(documents).toContainText('Missiv');
    await expect(documents.locator('mark')).toHaveText(textWord);
    await expect(documents).toContainText(`Åtgärderna gäller ${textWord} och utbildning`);

    // A case officer not responsible for the case finds the secret document neither by title nor by text.
    for (const q of [secretWord, secretTextWord]) {
      await searchFor(q);
      await expect(status).toHaveText(`Inga träffar för ”${q}”.`);
    }
    await expectAccessible(page);

    // The registrar does.
    const registrar = await asPerson(MAJA);
    await registrar.goto(`/sok?q=${secretTextWord}`);
    const found = registrar.getByRole('region', { name: 'Handlingar' }).getByRole('listitem');
    await expect(found).toHaveCount(1);
    await expect(found).toContainText(`Anmälan om ${secretWord}`);
    await expect(found).toContainText('Sekretessmarkerad');
    await expect(found.locator('mark')).toHaveText(secretTextWord);
    await registrar.goto(`/sok?q=${secretWord}`);
    await expect(found.getByRole('link', { name: `${c.diaryNumber}-2` })).toBeVisible();
  });

  test('asks for something to search for when the query is empty', async ({ asPerson }) => {
    const page = await asPerson(JENS);
    await page.goto('/sok');
    await expect(page.getByRole('status')).toHaveText('Skriv ett diarienummer eller några ord att söka på.');
    await page.getByRole('search', { name: 'Ändra sökningen' }).getByLabel('Sök i diariet').fill('  ');
    await page.getByRole('search', { name: 'Ändra sökningen' }).getByRole('button', { name: 'Sök' }).click();
    await expect(page).toHaveURL('/sok');
  });
});
