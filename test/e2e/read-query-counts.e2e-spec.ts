import type { TestPerson } from '@app/testing';

import { QueryRecorder } from '../support/query-recorder.js';
import { StatementFlow } from '../support/statement-flow.js';
import { statementWorld, type StatementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

/**
 * Each read view the web application calls sends as many queries for a little data as for a lot:
 * one query per table for the whole page, never one per row.
 */
describe('the queries of a read view do not grow with its data', () => {
  let ctx: TestContext;
  let recorder: QueryRecorder;
  let w: StatementWorld;
  let flow: StatementFlow;

  beforeAll(async () => {
    ctx = await TestContext.create();
    recorder = new QueryRecorder(ctx.dataSource);
    w = await statementWorld(ctx);
    flow = new StatementFlow(ctx);
  });

  afterAll(async () => {
    await ctx.close();
  });

  /** The statements one request sends once the process has seen it before (its caches filled). */
  async function queriesOf(path: string, as: TestPerson): Promise<string[]> {
    const headers = await ctx.as(as);
    await ctx.http().get(path).set(headers).expect(200);
    return recorder.during(() => ctx.http().get(path).set(headers).expect(200));
  }

  async function remissTo(recipients: number): Promise<string> {
    const headers = await ctx.as(w.senderOfficer);
    const created = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(headers)
      .send({
        title: `Remiss till ${recipients}`,
        responseDeadline: '2099-06-30',
        sections: [{ title: 'Trygga miljöer' }],
        recipients: {
          external: Array.from({ length: recipients }, (_, i) => ({
            name: `Föreningen nr ${i}`,
            email: `forening-${i}-${Math.random().toString(36).slice(2, 8)}@example.se`,
          })),
        },
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await ctx.http().post(`/api/v1/consultations/${id}/send`).set(headers).expect(200);
    await ctx.drain();
    return id;
  }

  it('status board and compilation: 1 recipient and 50', async () => {
    const small = await remissTo(1);
    const large = await remissTo(50);
    const board = (id: string) => queriesOf(`/api/v1/consultations/${id}/status-board`, w.senderOfficer);
    expect(await board(large)).toHaveLength((await board(small)).length);
    const compilation = (id: string) => queriesOf(`/api/v1/consultations/${id}/compilation`, w.senderOfficer);
    expect(await compilation(large)).toHaveLength((await compilation(small)).length);
  });

  it('cases list: a page of 20 out of 25 cases and out of 55', async () => {
    // A page shorter than the limit needs no count of its own (it is its own length): both
    // pages here are full, so the same work is asked of both.
    const register = (from: number, to: number) =>
      ctx.query(
        `INSERT INTO cases (organisation_id, year, sequence, diary_number, title, registered_on, registered_at, responsible_person_id)
         SELECT $1, 2019, g, 'QC 2019/' || g, 'Ärende ' || g, date '2019-01-01', now(), $2
         FROM generate_series($3::int, $4::int) AS g`,
        [w.organisationId, w.officer.id, from, to],
      );
    const path = '/api/v1/cases?limit=20';
    await register(1, 25);
    const few = await queriesOf(path, w.registrar);
    await register(26, 55);
    expect(await queriesOf(path, w.registrar)).toHaveLength(few.length);
  });

  const notify = (n: number) =>
    ctx.query(
      `WITH m AS (
         INSERT INTO notification_messages (source_key, organisation_id, kind, title, body, audience_person_ids)
         SELECT 'qc-' || $3 || '-' || g, $1, 'statement.assigned', 'Notis ' || g, 'Text', ARRAY[$2::uuid]
         FROM generate_series(1, $4::int) AS g RETURNING id)
       INSERT INTO notifications (message_id, person_id, organisation_id) SELECT id, $2, $1 FROM m`,
      [w.organisationId, w.officer.id, Math.random().toString(36).slice(2), n],
    );

  it('notifications: one and fifty', async () => {
    await notify(1);
    const few = await queriesOf('/api/v1/notifications', w.officer);
    await notify(49);
    expect(await queriesOf('/api/v1/notifications', w.officer)).toHaveLength(few.length);
  });

  it('notifications: an unchanged inbox answers 304 from its version alone; an arrival or a reading changes it', async () => {
    const headers = await ctx.as(w.officer);
    const inbox = (tag?: string) =>
      ctx
        .http()
        .get('/api/v1/notifications')
        .set({ ...headers, ...(tag ? { 'if-none-match': tag } : {}) });
    const first = await inbox().expect(200);
    const tag = first.headers.etag!;
    expect(tag).toMatch(/^W\/"inbox-/);
    const unchanged = await recorder.during(() => inbox(tag).expect(304));
    // The actor's check and the inbox's version: nothing of the inbox itself.
    expect(unchanged).toHaveLength(2);

    await notify(1);
    const arrived = await inbox(tag).expect(200);
    expect(arrived.headers.etag).not.toBe(tag);
    expect((arrived.body as { total: number }).total).toBe((first.body as { total: number }).total + 1);

    const newest = (arrived.body as { items: { id: string }[] }).items[0]!.id;
    await ctx.http().post(`/api/v1/notifications/${newest}/read`).set(headers).expect(204);
    const read = await inbox(arrived.headers.etag).expect(200);
    expect((read.body as { items: { id: string; readAt: string | null }[] }).items[0]!.readAt).not.toBeNull();
    await inbox(read.headers.etag).expect(304);
  });

  it('statement view, issued documents and my-work: one draft and several', async () => {
    const statement = await flow.start(w);
    const view = () => queriesOf(`/api/v1/statements/${statement.id}`, w.officer);
    const documents = () => queriesOf(`/api/v1/issued-documents?subjectId=${statement.id}`, w.officer);
    const work = () => queriesOf('/api/v1/my-work', w.officer);
    const [viewFew, documentsFew, workFew] = [await view(), await documents(), await work()];

    // More of everything the views show: revisions, and drafts of other cases of the officer.
    let current = statement;
    for (let i = 0; i < 3; i++) {
      current = await flow.save(current, w.officer);
    }
    const registrar = await ctx.as(w.registrar);
    for (let i = 0; i < 3; i++) {
      const registered = await ctx
        .http()
        .post('/api/v1/cases')
        .set(registrar)
        .send({ title: `Ärende ${i}`, responsiblePersonId: w.officer.id })
        .expect(201);
      await flow.start(w, (registered.body as { id: string }).id);
    }
    expect(await view()).toHaveLength(viewFew.length);
    expect(await documents()).toHaveLength(documentsFew.length);
    const workMany = await work();
    expect(workMany).toHaveLength(workFew.length);
  });
});
