import { asBytes } from '../support/files.js';
import { pdfText } from '../support/pdf-tools.js';
import { seedStockholm, type Stockholm } from '../support/stockholm.js';
import { TestContext } from '../support/test-context.js';

interface IssuedDocument {
  id: string;
  kind: string;
  status: string;
}

interface Statement {
  id: string;
  currentRevision: number;
  nextStep: { step: number } | null;
  revision: { parts: Record<string, unknown> & { proposedDecision: string[] } };
}

/**
 * A company's board answers a remiss: AB Familjebostäder, under Stockholms Stadshus AB, decides
 * at a styrelsemöte on what the company proposes, and its documents say so in its own words.
 */
describe('a company board answering a remiss', () => {
  let ctx: TestContext;
  let city: Stockholm;
  const FB = 'Styrelsen för AB Familjebostäder';
  const registrar = 'oliver.sundqvist@stockholm.se';
  const officer = 'tova.backman@stockholm.se';
  const head = 'mattias.eriksson@stockholm.se';
  const ceo = 'lena.hagg@stockholm.se';

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2026-03-02T09:00:00+01:00', { running: true });
    city = await seedStockholm(ctx);
  });

  afterAll(() => ctx.close());

  it('places the companies under Stockholms Stadshus AB and calls their director verkställande direktör', async () => {
    const kim = await city.as('kim.nordin@stockholm.se');
    const all = (await ctx.http().get('/api/v1/organisations').set(kim).expect(200)).body as {
      id: string;
      name: string;
      parentId: string | null;
    }[];
    const byName = new Map(all.map((o) => [o.name, o]));
    const stadshus = byName.get('Styrelsen för Stockholms Stadshus AB')!;
    expect(byName.get(FB)!.parentId).toBe(stadshus.id);
    expect(byName.get('Styrelsen för AB Svenska Bostäder')!.parentId).toBe(stadshus.id);
    expect(stadshus.parentId).toBe(byName.get('Stockholms stad')!.id);
    await ctx.drain();
    const inbox = await ctx
      .http()
      .get('/api/v1/notifications')
      .set(await city.as(ceo))
      .expect(200);
    expect((inbox.body as { items: { title: string }[] }).items.map((i) => i.title)).toEqual([
      'Du är nu verkställande direktör',
    ]);
    const me = await ctx
      .http()
      .get('/api/v1/auth/me')
      .set(await city.as(ceo))
      .expect(200);
    expect(JSON.stringify(me.body)).not.toContain('förvaltningschef');
  });

  it('issues the tjänsteutlåtande, the yttrande and the protokollsutdrag in the company’s words', async () => {
    const oliver = await city.as(registrar);
    const meeting = await ctx
      .http()
      .post('/api/v1/meetings')
      .set(oliver)
      .send({ meetingDate: '2026-03-19', agendaDeadline: '2026-03-12' })
      .expect(201);
    const sara = await city.as('sara.ekstrom@stockholm.se');
    const fb = await city.organisation(FB);
    const created = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(sara)
      .send({
        title: 'Bostadsförsörjningsprogram 2026–2030',
        responseDeadline: '2026-04-30',
        sections: [{ title: 'Nyproduktion' }],
        recipients: { organisationIds: [fb.id] },
      })
      .expect(201);
    const consultationId = (created.body as { id: string }).id;
    await ctx.http().post(`/api/v1/consultations/${consultationId}/send`).set(sara).expect(200);
    await ctx.drain();
    const received = await ctx.http().get(`/api/v1/consultations/${consultationId}`).set(oliver).expect(200);
    const recipient = (received.body as { asRecipient: { id: string; diaryNumber: string } }).asRecipient;
    const tova = await city.person(officer);
    await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${recipient.id}/assign`)
      .set(oliver)
      .send({ departmentId: tova.departmentId, personId: tova.id })
      .expect(200);
    const found = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ diaryNumber: recipient.diaryNumber })
      .set(oliver)
      .expect(200);
    const caseId = (found.body as { items: { id: string }[] }).items[0]!.id;
    const asTova = await city.as(officer);
    let s = (await ctx.http().post('/api/v1/statements').set(asTova).send({ caseId }).expect(201)).body as Statement;
    expect(s.revision.parts.proposedDecision).toEqual([
      'Styrelsen för AB Familjebostäder godkänner bolagets tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.',
    ]);
    s = (
      await ctx
        .http()
        .put(`/api/v1/statements/${s.id}`)
        .set(asTova)
        .send({
          baseRevision: s.currentRevision,
          parts: {
            ...s.revision.parts,
            summary: 'Bolaget tillstyrker programmet.',
            views: 'Bolaget ser positivt på målen.',
          },
        })
        .expect(200)
    ).body as Statement;
    s = (
      await ctx
        .http()
        .post(`/api/v1/statements/${s.id}/submit`)
        .set(asTova)
        .send({ revision: s.currentRevision })
        .expect(200)
    ).body as Statement;
    for (const approver of [head, ceo]) {
      s = (
        await ctx
          .http()
          .post(`/api/v1/statements/${s.id}/approve`)
          .set(await city.as(approver))
          .send({ revision: s.currentRevision, step: s.nextStep!.step })
          .expect(200)
      ).body as Statement;
    }
    ctx.clock.set('2026-03-19T19:00:00+01:00', { running: true });
    const decided = await ctx
      .http()
      .post(`/api/v1/statements/${s.id}/decision`)
      .set(oliver)
      .send({
        meetingId: (meeting.body as { id: string }).id,
        paragraph: '4',
        outcome: 'adopted',
        confirmation: { immediate: true },
      })
      .expect(200);
    await ctx.drain();
    const decisionId = (decided.body as { decision: { id: string } }).decision.id;
    const issued = [
      ...((await ctx.http().get('/api/v1/issued-documents').query({ subjectId: s.id }).set(oliver).expect(200))
        .body as IssuedDocument[]),
      ...((await ctx.http().get('/api/v1/issued-documents').query({ subjectId: decisionId }).set(oliver).expect(200))
        .body as IssuedDocument[]),
    ];
    const text = async (kind: string): Promise<string> => {
      const document = issued.find((d) => d.kind === kind)!;
      expect(document).toMatchObject({ status: 'signed' });
      const file = await ctx
        .http()
        .get(`/api/v1/issued-documents/${document.id}/file`)
        .set(oliver)
        .buffer(true)
        .parse(asBytes)
        .expect(200);
      return pdfText(file.body as Buffer);
    };
    const report = await text('official_report');
    expect(report).toContain('AB Familjebostäder');
    expect(report).toContain('Bolagets förslag till beslut');
    expect(report).toContain('godkänner bolagets tjänsteutlåtande');
    expect(report).toContain('Bolagets synpunkter och förslag');
    expect(report).toContain('Lena Hägg verkställande direktör');
    const yttrande = await text('board_statement');
    expect(yttrande).toContain('Styrelsens beslut');
    expect(yttrande).toContain(`${FB}, styrelsemöte 2026-03-19, § 4`);
    expect(yttrande).toContain('Bolagets synpunkter och förslag');
    const minutes = await text('minutes_extract');
    expect(minutes).toContain('Protokoll från styrelsemöte 2026-03-19');
    for (const printed of [report, yttrande, minutes]) {
      for (const words of [
        'Nämndens',
        'nämndens',
        'Förvaltningens',
        'förvaltningens',
        'förvaltningschef',
        'Stockholms stad',
      ]) {
        expect(printed).not.toContain(words);
      }
      expect(printed).not.toMatch(/sammanträde(?!t)/);
    }
  });
});
