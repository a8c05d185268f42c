import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REFERENCE_CASE } from '../../../../libs/testing/src/reference-case.js';
import { ok } from '../support/api';
import { expect, test } from '../support/fixtures';
import { ALEXANDER, JENS, LEE, MAJA, PER, SARA } from '../support/people';
import {
  approvedStatement,
  as,
  comingMeeting,
  issuedFile,
  meetingToday,
  remissAssigned,
  remissRegistered,
  signedDocuments,
  isoDay,
} from '../support/world';

const OUT = join(import.meta.dirname, '../../../../docs/screenshots');

/**
 * The main screens as README shows them (`npm run screenshots`): the reference case on its way
 * from remiss to signed tjänsteutlåtande, set up through the API and photographed in the browser.
 */
test('screenshots of the main screens', async ({ page, asPerson, baseURL }) => {
  test.setTimeout(300_000);
  mkdirSync(OUT, { recursive: true });
  const shot = async (p: typeof page, name: string, fullPage = false) => {
    await p.evaluate(() => document.fonts.ready);
    await p.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  };
  const url = baseURL!;
  const sender = REFERENCE_CASE.sender;
  const text = REFERENCE_CASE.statement;

  await page.goto('/logga-in');
  await shot(page, 'inloggning');

  await comingMeeting(url);
  const reference = await remissAssigned(url, sender.remissTitle, {
    deadlineInDays: 42,
    description:
      'Kommunstyrelsen remitterar förslaget till handlingsplan för romsk inkludering till stadsdelsnämnderna.',
    sections: sender.sections,
  });
  await remissAssigned(url, 'Strategi för Stockholms parker och grönområden', { deadlineInDays: 9 });
  await remissAssigned(url, 'Program för ett tryggt Stockholm', { deadlineInDays: 25 });

  // Jens has written the reference text and sent it; Alexander has asked for a change.
  const jensApi = await as(url, JENS);
  const departments = await ok(jensApi.GET('/api/v1/departments'));
  let statement = await ok(jensApi.POST('/api/v1/statements', { body: { caseId: reference.caseId } }));
  const parts = {
    ...statement.revision.parts,
    summary: text.summary,
    background: text.background,
    matter: text.matter,
    views: text.views,
    position: 'supports' as const,
    preparation: {
      text: text.preparation.text,
      consultedDepartmentIds: departments
        .filter((d) => (text.preparation.consultedDepartments as readonly string[]).includes(d.name))
        .map((d) => d.id),
      unionsInformedOn: statement.revision.parts.documentDate,
      unionForum: text.preparation.unionForum,
    },
  };
  statement = await ok(
    jensApi.PUT('/api/v1/statements/{id}', {
      params: { path: { id: statement.id } },
      body: { baseRevision: statement.currentRevision, parts },
    }),
  );
  const id = statement.id;
  await ok(jensApi.POST('/api/v1/statements/{id}/submit', { params: { path: { id } }, body: { revision: 2 } }));
  const alexanderApi = await as(url, ALEXANDER);
  await ok(
    alexanderApi.POST('/api/v1/statements/{id}/request-changes', {
      params: { path: { id } },
      body: { revision: 2, step: 1, comment: 'Förtydliga i sammanfattningen hur förvaltningen följer upp planen.' },
    }),
  );

  const jens = await asPerson(JENS);
  await jens.goto('/');
  await expect(jens.getByRole('region', { name: /^Att skriva/ }).getByRole('listitem')).toHaveCount(3);
  await shot(jens, 'mitt-arbete');
  await jens.setViewportSize({ width: 320, height: 720 });
  await shot(jens, 'mitt-arbete-320');
  await jens.setViewportSize({ width: 1280, height: 720 });

  await jens.goto('/notiser');
  await expect(jens.getByRole('listitem').first()).toBeVisible();
  await shot(jens, 'notiser');

  await jens.goto(`/arenden/${reference.caseId}`);
  await expect(jens.getByRole('region', { name: 'Handlingar' }).getByRole('table')).toBeVisible();
  await shot(jens, 'arende', true);

  // The registrar's desk: the diary and the case as Maja registers in it.
  const maja = await asPerson(MAJA);
  await maja.goto('/diariet');
  await expect(maja.getByRole('table')).toBeVisible();
  await maja.setViewportSize({ width: 1280, height: 1000 });
  await shot(maja, 'diariet');
  await maja.setViewportSize({ width: 320, height: 720 });
  await shot(maja, 'diariet-320');
  await maja.setViewportSize({ width: 1280, height: 720 });
  await maja.goto(`/arenden/${reference.caseId}`);
  await expect(maja.getByRole('heading', { name: 'Registrera handlingar' })).toBeVisible();
  await shot(maja, 'arende-registrator', true);

  await jens.goto(`/tjansteutlatanden/${id}/redigera`);
  await expect(jens.getByRole('textbox', { name: 'Sammanfattning' })).toBeVisible();
  await jens.getByRole('textbox', { name: 'Sammanfattning' }).click();
  await jens.keyboard.press('Control+End');
  await jens.keyboard.type(' Förvaltningen följer upp arbetet i verksamhetsplanen varje år.');
  await jens.setViewportSize({ width: 1280, height: 1200 });
  await jens.evaluate(() => window.scrollTo(0, 0));
  await shot(jens, 'editor');
  await jens.setViewportSize({ width: 1280, height: 720 });
  await jens.keyboard.press('Control+s');
  await expect(jens.getByRole('status').filter({ hasText: 'Sparat som version 3.' })).toBeVisible();
  await ok(jensApi.POST('/api/v1/statements/{id}/submit', { params: { path: { id } }, body: { revision: 3 } }));

  const alexander = await asPerson(ALEXANDER);
  await alexander.goto(`/tjansteutlatanden/${id}/granska`);
  await expect(alexander.locator('ins').first()).toBeVisible();
  await alexander.setViewportSize({ width: 1280, height: 1100 });
  await shot(alexander, 'granska');
  await alexander.getByRole('button', { name: 'Godkänn' }).click();
  await expect(alexander.getByRole('status').filter({ hasText: 'Du har godkänt' })).toBeVisible();
  const leeApi = await as(url, LEE);
  await ok(
    leeApi.POST('/api/v1/statements/{id}/approve', { params: { path: { id } }, body: { revision: 3, step: 2 } }),
  );

  await jens.goto(`/tjansteutlatanden/${id}`);
  await expect(
    jens.getByRole('region', { name: 'Utfärdade dokument' }).getByText('Signerad', { exact: true }),
  ).toBeVisible({ timeout: 60_000 });
  await jens.setViewportSize({ width: 1280, height: 1100 });
  await shot(jens, 'tjansteutlatande');
  // Its history: every saved version, two of them compared part by part.
  await jens.goto(`/tjansteutlatanden/${id}/versioner`);
  await expect(jens.getByRole('heading', { level: 1 })).toBeVisible();
  await shot(jens, 'versioner', true);

  // The registrar's desk: what came in, the board's meetings, what was issued, and a check.
  await remissRegistered(url, 'Riktlinjer för stadens lekplatser', { deadlineInDays: 21 });
  await maja.goto('/inkomna-remisser');
  await expect(maja.getByRole('region', { name: 'Att tilldela' }).getByRole('listitem').first()).toBeVisible();
  await shot(maja, 'inkomna-remisser', true);
  await maja.setViewportSize({ width: 320, height: 720 });
  await shot(maja, 'inkomna-remisser-320');
  await maja.setViewportSize({ width: 1280, height: 720 });
  await maja.goto('/inkomna-remisser/registrera');
  await shot(maja, 'registrera-remiss', true);

  const today = await meetingToday(url);
  const onAgenda = await approvedStatement(url, 'Program för stadens simhallar', today);
  await maja.goto('/sammantraden');
  await expect(maja.getByRole('table')).toBeVisible();
  await shot(maja, 'sammantraden', true);
  await maja.goto(`/sammantraden/${today}`);
  await expect(maja.getByRole('article', { name: onAgenda.title })).toBeVisible();
  await shot(maja, 'sammantrade', true);

  await signedDocuments(url, onAgenda.statementId);
  await maja.goto('/utfardade-dokument');
  await expect(maja.getByRole('table').getByText('Signerad', { exact: true }).first()).toBeVisible();
  await shot(maja, 'utfardade-dokument');

  const [report] = await signedDocuments(url, id);
  const pdf = await issuedFile(url, report!.id);
  await jens.goto('/kontrollera');
  const chooser = jens.waitForEvent('filechooser');
  await jens.getByRole('button', { name: 'Välj PDF-fil' }).click();
  await (await chooser).setFiles({ name: report!.fileName!, mimeType: 'application/pdf', buffer: pdf });
  await expect(jens.getByRole('region', { name: 'Dokumentet är utfärdat här och oförändrat' })).toBeVisible();
  await jens.setViewportSize({ width: 1280, height: 900 });
  await shot(jens, 'kontrollera');
});

/** The sender's desk: a remiss written in steps, its status board and the compilation of its answers. */
test('screenshots of the sender’s desk', async ({ asPerson, baseURL }) => {
  test.setTimeout(240_000);
  mkdirSync(OUT, { recursive: true });
  const url = baseURL!;
  const sara = await as(url, SARA);
  const per = await as(url, PER);
  const organisations = await ok(sara.GET('/api/v1/organisations'));
  const boards = ['Järva stadsdelsnämnd', 'Hässelby-Vällingby stadsdelsnämnd', 'Bromma stadsdelsnämnd'];
  const drafted = await ok(
    sara.POST('/api/v1/consultations', {
      body: {
        title: 'Riktlinjer för stadens lekplatser',
        description: 'Stadsledningskontoret remitterar förslaget till riktlinjer för lekplatser.',
        responseDeadline: isoDay(40),
        sections: [
          { title: 'Tillgänglighet', description: 'Lekplatser som alla barn kan använda.' },
          { title: 'Belysning och trygghet', description: 'Belysning vid lekplatser och entréer.' },
        ],
        recipients: {
          organisationIds: organisations.filter((o) => boards.includes(o.name)).map((o) => o.id),
          external: [
            { name: 'Föreningen Trygga parker', email: 'kansli@tryggaparker.example' },
            { name: 'Lekplatsrådet i Stockholm', email: 'info@lekplatsradet.example' },
          ],
        },
      },
    }),
  );
  const sent = await ok(sara.POST('/api/v1/consultations/{id}/send', { params: { path: { id: drafted.id } } }));
  const [first, second] = sent.sections;
  const answers = [
    {
      name: 'Föreningen Trygga parker',
      position: 'supports' as const,
      sections: [
        { sectionId: first!.id, position: 'supports' as const, comment: 'Bra att ramper blir regel.' },
        {
          sectionId: second!.id,
          position: 'supports_in_part' as const,
          comment: 'Belysningen behövs, men inte vid naturlekplatserna.',
        },
      ],
    },
    {
      name: 'Lekplatsrådet i Stockholm',
      position: 'supports_in_part' as const,
      sections: [
        { sectionId: first!.id, position: 'supports' as const, comment: 'Instämmer.' },
        { sectionId: second!.id, position: 'opposes' as const, comment: 'Kostnaden är inte beräknad.' },
      ],
    },
  ];
  for (const answer of answers) {
    const recipient = sent.recipients.find((r) => r.name === answer.name)!;
    await ok(
      per.POST('/api/v1/consultation-recipients/{id}/external-answer', {
        params: { path: { id: recipient.id } },
        body: { position: answer.position, comment: 'Se synpunkterna per del.', sections: answer.sections },
      }),
    );
  }

  const page = await asPerson(SARA);
  const shot = async (name: string, fullPage = false) => {
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  };
  await page.goto('/remisser');
  await expect(page.getByRole('link', { name: 'Riktlinjer för stadens lekplatser' }).first()).toBeVisible();
  await shot('remisser');

  await page.goto('/remisser/ny');
  await page.getByLabel('Titel').fill('Program för stadens bibliotek');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByRole('button', { name: 'Lägg till en del' }).click();
  await page.getByLabel('Rubrik').fill('Öppettider');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByLabel('Svarsdatum').fill(isoDay(45));
  await shot('remiss-ny-svarsdatum');
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByRole('checkbox', { name: 'Alla stadsdelsnämnder' }).check({ force: true });
  await page.setViewportSize({ width: 1280, height: 1400 });
  await shot('remiss-ny-remissinstanser');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByRole('heading', { name: /Granska och skicka/ })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await shot('remiss-ny-granska');
  await page.setViewportSize({ width: 320, height: 720 });
  await shot('remiss-ny-granska-320');
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto(`/remisser/${sent.id}`);
  await expect(page.getByRole('row').filter({ hasText: 'Bromma stadsdelsnämnd' })).toContainText('Registrerad', {
    timeout: 60_000,
  });
  await expect(page.getByRole('row').filter({ hasText: 'Järva stadsdelsnämnd' })).toContainText('Registrerad', {
    timeout: 60_000,
  });
  await shot('remiss-status', true);
  await page.setViewportSize({ width: 320, height: 720 });
  await shot('remiss-status-320');
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto(`/remisser/${sent.id}/sammanstallning`);
  await expect(page.getByRole('img', { name: /Del 2: Belysning och trygghet/ })).toBeVisible();
  await shot('sammanstallning', true);
});

/** The administrator's screens, as Hägersten-Älvsjö's administrator sees them (nothing is changed). */
test('screenshots of the administration', async ({ asPerson }) => {
  mkdirSync(OUT, { recursive: true });
  const maja = await asPerson(MAJA);
  const shot = async (name: string) => {
    await maja.evaluate(() => document.fonts.ready);
    await maja.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  };
  await maja.goto('/administration');
  await expect(maja.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await shot('administration');
  await maja.goto('/administration/personer');
  await expect(maja.getByRole('link', { name: JENS.name })).toBeVisible();
  await shot('administration-personer');
  await maja.goto('/administration/personer/ny');
  await maja.getByRole('button', { name: 'Lägg till' }).click();
  await expect(maja.getByRole('alert')).toBeFocused();
  await shot('administration-ny-person-fel');
  await maja.goto('/administration/beslutsgang');
  await expect(maja.getByRole('heading', { level: 3, name: 'Steg 1' })).toBeVisible();
  await shot('administration-beslutsgang');
  await maja.goto('/administration/certifikat');
  await expect(maja.getByRole('heading', { level: 2, name: 'Nuvarande certifikat' })).toBeVisible();
  await expect(maja.getByText('Hämtar …')).toHaveCount(0);
  await shot('administration-certifikat');
});
