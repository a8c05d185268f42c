import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { TestContext } from '../support/test-context.js';

/** What was typed, in whatever form it was typed: the registry's one search finds it. */
describe('the registry’s search', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2026-02-10T09:00:00+01:00', { running: true });
  });

  afterAll(() => ctx.close());

  /** A registrar of an organisation of the test's own, so that nothing else is found. */
  async function registrar(): Promise<TestPerson> {
    const org = await ctx.factories.organisation();
    return ctx.factories.person(org.id, { roles: [Role.Registrar] });
  }

  async function register(as: TestPerson, body: Record<string, unknown>): Promise<{ id: string; title: string }> {
    const response = await ctx
      .http()
      .post('/api/v1/cases')
      .set(await ctx.as(as))
      .send(body)
      .expect(201);
    return response.body as { id: string; title: string };
  }

  async function casesFound(as: TestPerson, q: string): Promise<string[]> {
    const response = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ q })
      .set(await ctx.as(as))
      .expect(200);
    const page = response.body as { total: number; items: { id: string }[] };
    expect(page.total).toBe(page.items.length);
    return page.items.map((c) => c.id);
  }

  async function documentsFound(as: TestPerson, q: string): Promise<string[]> {
    const response = await ctx
      .http()
      .get('/api/v1/documents')
      .query({ q })
      .set(await ctx.as(as))
      .expect(200);
    return (response.body as { items: { id: string }[] }).items.map((d) => d.id);
  }

  it('finds a title typed on a Mac (decomposed) by the same words typed on Windows (composed), and back', async () => {
    const r = await registrar();
    const mac = 'Rådgivning för äldre i Högdalen'.normalize('NFD');
    const windows = 'Återremiss om förskolans lokaler'.normalize('NFC');
    expect(mac).not.toBe(mac.normalize('NFC'));
    const fromMac = await register(r, { title: mac });
    const fromWindows = await register(r, { title: windows });
    // Stored as typed on either: in one form.
    expect(fromMac.title).toBe('Rådgivning för äldre i Högdalen'.normalize('NFC'));
    expect(await casesFound(r, 'rådgivning för äldre'.normalize('NFC'))).toEqual([fromMac.id]);
    expect(await casesFound(r, 'förskolans lokaler'.normalize('NFD'))).toEqual([fromWindows.id]);
    expect(await casesFound(r, 'HÖGDALEN')).toEqual([fromMac.id]);
  });

  it('folds accents as a Swedish reader expects: Kalderas finds Kalderaš, but å, ä and ö stay letters', async () => {
    const r = await registrar();
    const kalderash = await register(r, { title: 'Samråd med Kalderaš-romer om målsättningar' });
    const cafe = await register(r, { title: 'Tillstånd för Café Crème' });
    expect(await casesFound(r, 'Kalderas')).toEqual([kalderash.id]);
    expect(await casesFound(r, 'kalderaš'.normalize('NFD'))).toEqual([kalderash.id]);
    expect(await casesFound(r, 'cafe creme')).toEqual([cafe.id]);
    expect(await casesFound(r, 'målsättningar')).toEqual([kalderash.id]);
    // Mål is not mal, and ö is not o.
    expect(await casesFound(r, 'malsattningar')).toEqual([]);
    expect(await casesFound(r, 'Samrad')).toEqual([]);
    expect(await casesFound(r, 'Tillstand')).toEqual([]);
  });

  it('finds cases and documents by the other party’s reference and by the counterpart', async () => {
    const r = await registrar();
    const headers = await ctx.as(r);
    const ministry = await register(r, {
      title: 'Remiss av promemorian Ett stärkt skydd för nationella minoriteter',
      counterpart: 'Kulturdepartementet',
      linkedDiaryNumber: 'Ku2025/01234',
    });
    const older = await register(r, {
      title: 'Svar på skrivelse om hyresavtal',
      linkedDiaryNumber: '302-260-04',
    });
    // A letter registered in a third case, from a counterpart that case itself does not name.
    const third = await register(r, { title: 'Inkomna synpunkter på detaljplan' });
    const letter = await ctx
      .http()
      .post(`/api/v1/cases/${third.id}/documents`)
      .set(headers)
      .send({
        direction: 'incoming',
        kind: 'skrivelse',
        title: 'Synpunkter från länsstyrelsen',
        documentDate: '2026-02-09',
        counterpart: 'Länsstyrelsen i Stockholms län',
      })
      .expect(201);
    const answer = await ctx
      .http()
      .post(`/api/v1/cases/${ministry.id}/documents`)
      .set(headers)
      .send({
        direction: 'outgoing',
        kind: 'yttrande',
        title: 'Yttrande över promemorian',
        documentDate: '2026-02-10',
        counterpart: 'Kulturdepartementet',
      })
      .expect(201);
    expect(await casesFound(r, 'Ku2025/01234')).toEqual([ministry.id]);
    expect(await casesFound(r, 'ku2025/01234')).toEqual([ministry.id]);
    expect(await casesFound(r, 'Kulturdepartementet')).toEqual([ministry.id]);
    expect(await casesFound(r, '302-260-04')).toEqual([older.id]);
    expect(await casesFound(r, 'länsstyrelsen')).toEqual([third.id]);
    const answerId = (answer.body as { id: string }).id;
    expect(await documentsFound(r, 'Ku2025/01234')).toEqual([answerId]);
    expect(await documentsFound(r, 'kulturdepartementet')).toEqual([answerId]);
    expect(await documentsFound(r, 'Länsstyrelsen')).toEqual([(letter.body as { id: string }).id]);
    // A % or _ in the query is a character, not a wildcard.
    expect(await casesFound(r, '302_260')).toEqual([]);
  });
});
