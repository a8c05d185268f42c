import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REFERENCE_CASE } from '../../../../libs/testing/src/reference-case.js';
import { ok } from '../support/api';
import { expect, test } from '../support/fixtures';
import { ALEXANDER, JENS, LEE, MAJA } from '../support/people';
import { as, comingMeeting, remissAssigned } from '../support/world';

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
  await ok(
    jensApi.POST('/api/v1/statements/{id}/submit', { params: { path: { id } }, body: { revision: 3, step: 2 } }),
  );

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
