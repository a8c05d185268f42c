import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { samplePdf } from '../support/files.js';
import { TestContext } from '../support/test-context.js';

interface SearchResult {
  cases: { id: string; diaryNumber: string; title: string }[];
  documents: {
    id: string;
    documentNumber: string;
    title: string;
    counterpart: string | null;
    secret: boolean;
    excerpt: string | null;
  }[];
}

/** "Sök i diariet": the registry's one search by number and by words, the file's text included, within secrecy. */
describe('GET /api/v1/search', () => {
  let ctx: TestContext;
  let registrar: TestPerson;
  let officer: TestPerson;
  let responsible: TestPerson;
  let caseId: string;
  let diaryNumber: string;
  const documentIds: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2026-02-10T09:00:00+01:00', { running: true });
    const org = await ctx.factories.organisation();
    registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    officer = await ctx.factories.person(org.id, { roles: [Role.CaseOfficer] });
    responsible = await ctx.factories.person(org.id, { roles: [Role.CaseOfficer] });
    const asRegistrar = await ctx.as(registrar);
    // The series continues at 578, as a carried-over one does.
    await ctx.http().put('/api/v1/registry/series/2026').set(asRegistrar).send({ nextNumber: 578 }).expect(200);
    const registered = await ctx
      .http()
      .post('/api/v1/cases')
      .set(asRegistrar)
      .send({ title: 'Remiss om handlingsplan för romsk inkludering', counterpart: 'Kommunstyrelsen' })
      .expect(201);
    ({ id: caseId, diaryNumber } = registered.body as { id: string; diaryNumber: string });
    await ctx
      .http()
      .post(`/api/v1/cases/${caseId}/assign`)
      .set(asRegistrar)
      .send({ personId: responsible.id })
      .expect(200);
    const files: [string, string[]][] = [
      ['missiv', ['Missiv', 'Stadsdelsnämnderna ombeds lämna sina remissvaren senast den 30 oktober.']],
      ['plan', ['Handlingsplan', 'Åtgärderna gäller arbetsmarknad, bostad och utbildning för romer i Stockholm.']],
      ['skyddad', ['Anmälan', 'Familjen Kalderaš på hemlig adress i Västberga behöver skydd.']],
    ];
    for (const [name, lines] of files) {
      const response = await ctx
        .http()
        .post(`/api/v1/cases/${caseId}/documents`)
        .set(asRegistrar)
        .field('direction', 'incoming')
        .field('kind', 'skrivelse')
        .field('title', name === 'skyddad' ? 'Anmälan från familjen Kalderaš' : lines[0]!)
        .field('counterpart', name === 'skyddad' ? 'Anna Andersson' : 'Kommunstyrelsen')
        .attach('file', await samplePdf(lines), { filename: `${name}.pdf`, contentType: 'application/pdf' })
        .expect(201);
      documentIds[name] = (response.body as { id: string }).id;
    }
    await ctx
      .http()
      .put(`/api/v1/documents/${documentIds.skyddad}/secrecy`)
      .set(asRegistrar)
      .send({ ground: 'OSL 26 kap. 1 §' })
      .expect(200);
    // The worker reads the files' text after registration.
    await ctx.drain();
  });

  afterAll(() => ctx.close());

  async function search(as: TestPerson, q: string): Promise<SearchResult> {
    const response = await ctx
      .http()
      .get('/api/v1/search')
      .query({ q })
      .set(await ctx.as(as))
      .expect(200);
    return response.body as SearchResult;
  }

  it('finds the case by its whole diary number and by part of it', async () => {
    expect(diaryNumber).toMatch(/ 2026\/578$/);
    for (const q of [diaryNumber, '578', '2026/578', diaryNumber.toLowerCase()]) {
      expect((await search(officer, q)).cases.map((c) => c.id)).toEqual([caseId]);
    }
  });

  it('finds a document by its number in the case, whole or in part', async () => {
    const found = await search(officer, `2026/578-2`);
    expect(found.documents.map((d) => d.id)).toEqual([documentIds.plan]);
    expect(found.documents[0]!.documentNumber).toBe(`${diaryNumber}-2`);
  });

  it('finds words by their Swedish stem: remissvar finds remissvaren, inkluderingen finds inkludering', async () => {
    const found = await search(officer, 'remissvar');
    expect(found.documents.map((d) => d.id)).toEqual([documentIds.missiv]);
    expect((await search(officer, 'inkluderingen')).cases.map((c) => c.id)).toEqual([caseId]);
  });

  it('finds words inside a registered PDF, with an excerpt of where they stand', async () => {
    const found = await search(officer, 'arbetsmarknad bostad');
    expect(found.documents.map((d) => d.id)).toEqual([documentIds.plan]);
    expect(found.documents[0]!.excerpt).toContain('«arbetsmarknad»');
    expect(found.cases).toEqual([]);
  });

  it('keeps a secret document unfound by its words, title or counterpart for those who may not read it', async () => {
    for (const q of ['Västberga', 'Kalderas', 'Anna Andersson', 'hemlig adress']) {
      expect((await search(officer, q)).documents).toEqual([]);
    }
    // By its number it is found, with what it says withheld.
    const byNumber = await search(officer, `${diaryNumber}-3`);
    expect(byNumber.documents).toEqual([
      expect.objectContaining({
        id: documentIds.skyddad,
        title: 'Sekretessmarkerad handling (OSL 26 kap. 1 §)',
        counterpart: 'Sekretessmarkerad uppgift',
        secret: true,
        excerpt: null,
      }),
    ]);
    expect(JSON.stringify(byNumber)).not.toMatch(/Kalderaš|Anna Andersson|Västberga/);
  });

  it('finds the secret document by its words for the registrar and the responsible officer', async () => {
    for (const who of [registrar, responsible]) {
      const found = await search(who, 'Västberga');
      expect(found.documents.map((d) => d.id)).toEqual([documentIds.skyddad]);
      expect(found.documents[0]!.excerpt).toContain('«Västberga»');
      expect((await search(who, 'Kalderas')).documents.map((d) => d.id)).toEqual([documentIds.skyddad]);
    }
  });

  it('finds nothing of another organisation', async () => {
    const other = await ctx.factories.organisation();
    const stranger = await ctx.factories.person(other.id, { roles: [Role.Registrar] });
    const found = await search(stranger, 'remissvar');
    expect(found).toEqual({ cases: [], documents: [] });
  });

  it('answers an empty query with a 400 in Swedish and the field', async () => {
    const response = await ctx
      .http()
      .get('/api/v1/search')
      .query({ q: '' })
      .set(await ctx.as(officer))
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ errors: [expect.objectContaining({ field: 'q' })] });
  });
});
