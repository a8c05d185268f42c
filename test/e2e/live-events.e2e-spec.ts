import { LiveEvents, personChannel } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { Redis } from 'ioredis';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';

import { type ApiApp, createApiApp } from '../../apps/api/src/api-app.js';
import { EventStreams } from '../../apps/api/src/events/event-streams.service.js';
import { EventStreamClient, type ReceivedEvent } from '../support/event-stream.js';
import { StatementFlow } from '../support/statement-flow.js';
import { type StatementWorld, statementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

/**
 * Two API processes on one database and one Redis (and a worker): a change made through the
 * first, or by the worker, reaches a stream opened on the second.
 */
describe('live events (GET /api/v1/events)', () => {
  let ctx: TestContext;
  let second: ApiApp;
  let secondUrl: string;
  let w: StatementWorld;
  let flow: StatementFlow;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    ctx = await TestContext.create({ env: { EVENTS_HEARTBEAT_MS: '300' } });
    second = await createApiApp(ctx.config, { clock: ctx.clock, logger: pino({ level: 'silent' }) });
    await second.app.listen({ port: 0, host: '127.0.0.1' });
    secondUrl = `http://127.0.0.1:${(second.app.getHttpServer().address() as AddressInfo).port}`;
    w = await statementWorld(ctx);
    flow = new StatementFlow(ctx);
  });

  afterEach(() => {
    for (const stream of streams.splice(0)) {
      stream.close();
    }
  });

  afterAll(async () => {
    await second.app.close();
    await ctx.close();
  });

  /** Opens a stream on the second API process, as the person with a bearer token. */
  async function streamOf(person: TestPerson): Promise<EventStreamClient> {
    const stream = await EventStreamClient.open(secondUrl, await ctx.as(person));
    streams.push(stream);
    expect(stream.response.statusCode).toBe(200);
    await stream.next((e) => e.event === 'ready');
    return stream;
  }

  async function browserLogin(person: TestPerson): Promise<{ cookie: string; csrf: string }> {
    const response = await ctx
      .http()
      .post('/api/v1/auth/session')
      .send({ email: person.email, password: person.password })
      .expect(200);
    const cookies = (response.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]!);
    return {
      cookie: cookies.join('; '),
      csrf: cookies.find((c) => c.startsWith('remiss_csrf='))!.slice('remiss_csrf='.length),
    };
  }

  const is =
    (event: string, data: Record<string, unknown> = {}) =>
    (e: ReceivedEvent): boolean =>
      e.event === event && Object.entries(data).every(([key, value]) => e.data[key] === value);

  it('opens as an event stream that proxies keep open, with heartbeats and a reconnection delay', async () => {
    const stream = await streamOf(w.officer);
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers['cache-control']).toBe('no-store');
    expect(stream.response.headers['x-accel-buffering']).toBe('no');
    expect(stream.retry).toBe(3000);
    await stream.commentsAtLeast(2);
  });

  it('refuses a stream without a login, and opens one for the browser session cookie', async () => {
    const refused = await ctx.http().get('/api/v1/events').expect(401);
    expect(refused.body).toMatchObject({ code: 'auth.required' });
    const { cookie } = await browserLogin(w.officer);
    const stream = await EventStreamClient.open(secondUrl, { cookie });
    streams.push(stream);
    expect(stream.response.statusCode).toBe(200);
    await stream.next(is('ready'));
  });

  it('carries a statement’s states, "my work" and new notifications to the people concerned', async () => {
    const [officer, head, director] = [await streamOf(w.officer), await streamOf(w.head), await streamOf(w.director)];
    const started = await flow.start(w);
    await officer.next(is('statement', { id: started.id, status: 'drafting' }));
    await officer.next(is('work', { organisationId: w.organisationId }));

    const from = head.events.length;
    const submitted = await flow.act(await flow.save(started, w.officer), w.officer, 'submit');
    await head.next(is('statement', { id: started.id, status: 'in_approval' }), { from });
    await head.next(is('work', { organisationId: w.organisationId }), { from });
    // The head of department is asked through the worker's fan-out of the notification.
    await head.next(is('notifications', { organisationId: w.organisationId, reason: 'created' }), { from });

    await flow.act(submitted, w.head, 'approve');
    await director.next(is('notifications', { reason: 'created' }));
    // Only ids and states travel: no title, no text.
    for (const stream of [officer, head, director]) {
      expect(JSON.stringify(stream.events)).not.toContain('Program för trygghet');
    }
  });

  it('follows an issued document from the queue to its signature, as the worker moves it', async () => {
    const registrar = await streamOf(w.registrar);
    const approved = await flow.approved(w, await flow.start(w, (await newCase()).id));
    const queued = await registrar.next(is('issued-document', { subjectId: approved.id, status: 'queued' }));
    expect(queued.data).toMatchObject({ kind: 'official_report', id: expect.any(String) });
    await registrar.next(is('issued-document', { id: queued.data.id, status: 'rendering' }));
    await registrar.next(is('issued-document', { id: queued.data.id, status: 'signed' }));
    await registrar.next(is('statement', { id: approved.id, status: 'approved' }));
  });

  it('tells the person’s other windows when notifications are read', async () => {
    const head = await streamOf(w.head);
    const from = head.events.length;
    const read = await ctx
      .http()
      .post('/api/v1/notifications/read-all')
      .set(await ctx.as(w.head))
      .expect(200);
    expect((read.body as { marked: number }).marked).toBeGreaterThan(0);
    await head.next(is('notifications', { organisationId: w.organisationId, reason: 'read' }), { from });
  });

  it('keeps each organisation’s events to its own people', async () => {
    const other = await statementWorld(ctx);
    const outsider = await streamOf(other.officer);
    await flow.start(w, (await newCase()).id);
    const theirs = await flow.start(other);
    // Redis keeps the order of one publisher's messages: the first statement the outsider hears of is their own.
    const first = await outsider.next(is('statement'));
    expect(first.data.id).toBe(theirs.id);
    expect(
      outsider.events.filter((e) => e.event === 'work').every((e) => e.data.organisationId === other.organisationId),
    ).toBe(true);
  });

  it('ends the stream when its session ends, saying so first', async () => {
    const { cookie, csrf } = await browserLogin(w.officer);
    const stream = await EventStreamClient.open(secondUrl, { cookie });
    streams.push(stream);
    await stream.next(is('ready'));
    await ctx.http().delete('/api/v1/auth/session').set('cookie', cookie).set('x-csrf-token', csrf).expect(204);
    await stream.next(is('session-ended'));
    await stream.closed();
  });

  it('lets go of the subscriptions when the browser goes away', async () => {
    const redis = new Redis(ctx.config.redis.url.reveal());
    try {
      const channel = personChannel(ctx.config.queue.prefix, w.otherOfficer.id);
      const subscribers = async (): Promise<number> =>
        Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);
      const open = (): number => second.app.get(EventStreams).size;
      await waitFor(async () => open() === 0);
      const [one, two] = [await streamOf(w.otherOfficer), await streamOf(w.otherOfficer)];
      expect(open()).toBe(2);
      expect(await subscribers()).toBe(1); // one subscription per process, shared by its streams
      one.close();
      await waitFor(async () => open() === 1);
      expect(await subscribers()).toBe(1);
      two.close();
      await waitFor(async () => open() === 0);
      await waitFor(async () => (await subscribers()) === 0);
      expect(second.app.get(LiveEvents).channelCount).toBe(0);
    } finally {
      redis.disconnect();
    }
  });

  async function newCase(): Promise<{ id: string }> {
    const response = await ctx
      .http()
      .post('/api/v1/cases')
      .set(await ctx.as(w.registrar))
      .send({ title: `Ärende ${Math.random().toString(36).slice(2, 8)}`, responsiblePersonId: w.officer.id })
      .expect(201);
    return response.body as { id: string };
  }
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('the condition did not come true in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
