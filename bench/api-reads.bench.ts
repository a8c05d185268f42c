// Run: npm run bench:api -- [--seconds=5] [--connections=50] [--cases=10000] [--recipients=500] [--inbox=200]
import 'reflect-metadata';

import { ConsultationService, RecipientService } from '@app/consultation';
import { DEMO_PASSWORD, EXECUTIVE_BOARD, REFERENCE_BOARD, type SeedPerson, STOCKHOLM } from '@app/directory';
import { addDays, localDate, Role } from '@app/platform';
import { REFERENCE_CASE } from '@app/testing';
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

import { ApiClient } from '../scripts/demo/api-client.js';
import { DECLINING_BOARD, OTHER_ANSWERS } from '../scripts/demo/district-answers.js';
import { ReferenceDemo } from '../scripts/demo/reference-demo.js';
import { seed } from '../scripts/seed.js';
import { servicesOnly } from './support/apps.js';
import { inBatches, waitUntil } from './support/async-helpers.js';
import {
  type BenchEnvironment,
  log,
  machineInfo,
  ms,
  positiveInteger,
  withBenchEnvironment,
  writeRawResults,
} from './support/bench-environment.js';
import { API_MAIN, BenchServerProcess, FLOOR_MAIN, QUERY_COUNTER, stopAllServers } from './support/server-processes.js';
import { round, table } from './support/stats.js';
import { seedStockholm } from './support/stockholm.js';
import { externalRecipients, generatedAnswer, seededRandom } from './support/swedish-answers.js';
import { BenchWorkerProcess, stopAllWorkers } from './support/worker-processes.js';

/**
 * The read endpoints every screen of the web application calls, under load from autocannon, each
 * against the floor of the same run: bare Fastify and pg answering one primary-key query on
 * `statements` from the same database. The API is the built one, as its own process, on a
 * database holding the reference case (run through the API by the demo) plus volume.
 */

const seconds = positiveInteger('seconds', 5);
const connections = positiveInteger('connections', 50);
const caseVolume = positiveInteger('cases', 10_000);
const recipientVolume = positiveInteger('recipients', 500);
const inboxVolume = positiveInteger('inbox', 200);

/** The share of the floor's requests/s each group must reach, and whether its p99 is held to 3× the floor's. */
const TARGETS = {
  A: { ratio: 0.5, p99: true },
  B: { ratio: 0.25, p99: true },
  C: { ratio: 0.05, p99: false },
} as const;
type Group = keyof typeof TARGETS;

interface Endpoint {
  readonly name: string;
  readonly group: Group;
  readonly email: string;
  readonly path: string;
  /** Polled with the ETag of the unloaded answer: every answer must be a 304. */
  readonly conditional?: boolean;
}

interface Measured {
  readonly name: string;
  readonly group: Group | 'floor';
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly queriesPerRequest: number;
  readonly queriesUnderLoad: number;
  readonly bytes: number;
  readonly wrong: number;
}

function person(organisation: string, role: Role): SeedPerson {
  const found = STOCKHOLM.find((o) => o.name === organisation)?.people.find((p) => p.roles.includes(role));
  if (!found) {
    throw new Error(`no ${role} in ${organisation}`);
  }
  return found;
}

/** District boards the demo leaves with the remiss registered and nothing more. */
function idleDistricts(): [string, string] {
  const busy = new Set([REFERENCE_BOARD, DECLINING_BOARD, ...OTHER_ANSWERS.map((d) => d.board)]);
  const idle = STOCKHOLM.filter((o) => o.name.endsWith('stadsdelsnämnd') && !busy.has(o.name)).map((o) => o.name);
  if (idle.length < 2) {
    throw new Error('the seed has too few district boards');
  }
  return [idle[0]!, idle[1]!];
}

/** The district whose data is bait for the scope check: no measured request acts for it. */
function otherDistrict(): string {
  return idleDistricts()[0];
}

async function one(client: pg.Client, sql: string, parameters: unknown[]): Promise<string> {
  const { rows } = await client.query<{ id: string }>(sql, parameters);
  if (!rows[0]) {
    throw new Error(`nothing found: ${sql}`);
  }
  return rows[0].id;
}

/** The reference case through the API, with the real worker as a process beside it. */
async function referenceCase(env: BenchEnvironment, api: BenchServerProcess): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'remiss-bench-demo-'));
  try {
    const started = performance.now();
    await new ReferenceDemo({
      client: new ApiClient(api.url, DEMO_PASSWORD),
      outDir,
      log: () => undefined,
    }).run();
    log(`reference case through the API in ${ms(performance.now() - started)} (${env.databaseName})`);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** A remiss to `n` external bodies, every one of them answered (registered by the sender's registrar). */
async function answeredRemiss(env: BenchEnvironment, poller: pg.Client, n: number): Promise<string> {
  const services = await servicesOnly(env);
  try {
    const city = await seedStockholm(services);
    const officer = await city.actor(person(EXECUTIVE_BOARD, Role.CaseOfficer).email);
    const registrar = await city.actor(person(EXECUTIVE_BOARD, Role.Registrar).email);
    const consultations = services.get(ConsultationService);
    const draft = await consultations.create(officer, {
      title: `Remiss till ${n} remissinstanser`,
      description: 'Kommunstyrelsen remitterar förslaget till berörda organisationer.',
      responseDeadline: addDays(localDate(new Date()), 30),
      sections: REFERENCE_CASE.sender.sections.map((s) => ({ title: s.title, description: s.description })),
      recipients: { external: externalRecipients(n) },
    });
    const sent = await consultations.send(officer, draft.id);
    const { rows } = await poller.query<{ id: string }>(
      `SELECT id FROM consultation_recipients WHERE consultation_id = $1 ORDER BY external_name`,
      [sent.id],
    );
    const random = seededRandom(578);
    const sectionIds = sent.sections.map((s) => s.id);
    const recipients = services.get(RecipientService);
    await inBatches(
      rows.map((r) => r.id),
      6,
      (id) => recipients.registerExternalAnswer(registrar, id, generatedAnswer(random, sectionIds)),
    );
    return sent.id;
  } finally {
    await services.close();
  }
}

/**
 * Volume the reference case does not have, inserted set-based: `caseVolume` older cases in
 * Hägersten-Älvsjö's diary, a full inbox for its case officer, and — as bait for the scope
 * check — cases and notifications of another district carrying `marker`, newer than anything.
 */
async function volume(client: pg.Client, marker: string): Promise<void> {
  const reference = await one(client, `SELECT id FROM organisations WHERE name = $1`, [REFERENCE_BOARD]);
  const other = await one(client, `SELECT id FROM organisations WHERE name = $1`, [otherDistrict()]);
  const officer = await one(client, `SELECT id FROM people WHERE email = $1`, [
    person(REFERENCE_BOARD, Role.CaseOfficer).email,
  ]);
  const otherOfficer = await one(client, `SELECT id FROM people WHERE email = $1`, [
    person(otherDistrict(), Role.CaseOfficer).email,
  ]);
  const cases = `
    INSERT INTO cases (organisation_id, year, sequence, diary_number, title, description, registered_on, registered_at)
    SELECT $1, 2019, g, 'BENCH 2019/' || g, $2 || ' ' || g, 'Ärende för lasttestet.',
           date '2019-01-01' + (g % 365), $3::timestamptz - make_interval(mins => g)
    FROM generate_series(1, $4::int) AS g`;
  await client.query(cases, [
    reference,
    'Inkommen skrivelse om trafiksäkerhet, nr',
    '2025-01-01T00:00:00Z',
    caseVolume,
  ]);
  await client.query(cases, [other, marker, new Date().toISOString(), 100]);
  const inbox = `
    WITH messages AS (
      INSERT INTO notification_messages (source_key, organisation_id, kind, title, body, audience_person_ids, created_at)
      SELECT $1 || '-' || g, $2, 'statement.assigned', $3 || ' ' || g, 'Ett yttrande väntar på dig.', ARRAY[$4::uuid],
             now() - make_interval(mins => g)
      FROM generate_series(1, $5::int) AS g
      RETURNING id, created_at
    )
    INSERT INTO notifications (message_id, person_id, organisation_id, read_at, created_at)
    SELECT id, $4, $2, CASE WHEN random() < 0.5 THEN now() END, created_at FROM messages`;
  await client.query(inbox, [`bench-${marker}`, reference, 'Nytt yttrande att skriva', officer, inboxVolume]);
  await client.query(inbox, [`bench-other-${marker}`, other, marker, otherOfficer, 50]);
  await client.query('ANALYZE');
}

/** Reads `path` once, unloaded: the body every loaded response must equal. */
async function unloaded(url: string, token: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.text() };
}

/** Waits until the server has sent no query for half a second: the last load's queued requests are done. */
async function settled(server: BenchServerProcess): Promise<void> {
  let last = await server.queries();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await server.queries();
    if (now === last) {
      return;
    }
    last = now;
  }
}

async function measure(
  server: BenchServerProcess,
  name: string,
  group: Group | 'floor',
  path: string,
  token: string | undefined,
  marker: string,
  problems: string[],
  conditional = false,
): Promise<Measured> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let expected = await fetch(server.url + path, { headers }).then(async (r) => ({
    status: r.status,
    body: await r.text(),
    etag: r.headers.get('etag'),
  }));
  if (conditional) {
    if (!expected.etag) {
      problems.push(`${name}: no ETag`);
    } else {
      headers['if-none-match'] = expected.etag;
      expected = await fetch(server.url + path, { headers }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
        etag: r.headers.get('etag'),
      }));
    }
  }
  const wantedStatus = conditional ? 304 : 200;
  if (expected.status !== wantedStatus) {
    problems.push(`${name}: unloaded answer ${expected.status}: ${expected.body.slice(0, 300)}`);
  }
  if (expected.body.includes(marker)) {
    problems.push(`${name}: the answer holds another organisation's data`);
  }
  // Queries per request, exactly: a few requests one at a time, on a quiet server.
  const sequential = 5;
  if (group !== 'floor') {
    await settled(server);
  }
  const before = group === 'floor' ? 0 : await server.queries();
  for (let i = 0; i < sequential; i++) {
    await fetch(server.url + path, { headers }).then((r) => r.arrayBuffer());
  }
  const queriesPerRequest = group === 'floor' ? 1 : ((await server.queries()) - before) / sequential;

  let wrong = 0;
  let firstWrong = '';
  const loadStart = group === 'floor' ? 0 : await server.queries();
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        path,
        headers,
        onResponse: (status, body) => {
          if (status !== wantedStatus || (body ?? '') !== expected.body) {
            wrong += 1;
            firstWrong ||= `status ${status}, ${(body ?? '').length} bytes: ${(body ?? '').slice(0, 200)}`;
          }
        },
      },
    ],
  });
  // autocannon counts a 304 as non-2xx: every answer is counted, and checked above.
  const answered = result['2xx'] + result.non2xx;
  if (group !== 'floor') {
    await settled(server);
  }
  const queriesUnderLoad = group === 'floor' ? 1 : ((await server.queries()) - loadStart) / Math.max(1, answered);
  if (answered === 0) {
    problems.push(`${name}: not one answer within ${seconds} s`);
  }
  if (wrong > 0 || result.errors > 0 || result.timeouts > 0) {
    problems.push(
      `${name}: ${wrong} answers not ${wantedStatus} with the unloaded body (first: ${firstWrong}), ` +
        `${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    name,
    group,
    requestsPerSecond: answered / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    queriesPerRequest,
    queriesUnderLoad,
    bytes: expected.body.length,
    wrong,
  };
}

const ok = await withBenchEnvironment(async (env) => {
  env.onCleanUp(stopAllServers);
  env.onCleanUp(stopAllWorkers);
  const machine = await machineInfo(env);
  log(
    `api reads: ${connections} connections, ${seconds} s per endpoint, one API process; ` +
      `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
  );
  const settings = {
    NODE_ENV: 'test',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    QUEUE_PREFIX: env.queuePrefix,
    LOG_LEVEL: 'warn',
    // The targets are for one API process.
    API_PROCESSES: '1',
  };
  const client = new pg.Client({ connectionString: env.databaseUrl, application_name: 'remiss-bench-setup' });
  await client.connect();
  try {
    // Set-up, not timed.
    const building = performance.now();
    await seed(env.config(), { quiet: true });
    const api = await BenchServerProcess.start(API_MAIN, settings, { preload: [QUERY_COUNTER] });
    const worker = await BenchWorkerProcess.start(env, { WORKER_CONCURRENCY: '4', OUTBOX_POLL_INTERVAL_MS: '100' });
    await referenceCase(env, api);
    const bigRemiss = await answeredRemiss(env, client, recipientVolume);
    const marker = `FRÄMMANDE-${env.tag}`;
    await volume(client, marker);
    await waitUntil(
      client,
      `SELECT count(*)::int AS n FROM outbox_jobs WHERE settled_at IS NULL`,
      [],
      (n) => n === 0,
      300_000,
      200,
    );
    await worker.stop();
    log(`set-up in ${ms(performance.now() - building)}`);

    const statement = await one(
      client,
      `SELECT s.id FROM statements s JOIN organisations o ON o.id = s.organisation_id
       WHERE o.name = $1 ORDER BY s.created_at LIMIT 1`,
      [REFERENCE_BOARD],
    );
    const statementCase = await one(client, `SELECT case_id AS id FROM statements WHERE id = $1`, [statement]);
    const referenceRemiss = await one(
      client,
      `SELECT id FROM consultations WHERE title = $1 ORDER BY created_at LIMIT 1`,
      [REFERENCE_CASE.sender.remissTitle],
    );
    const accounts = new ApiClient(api.url, DEMO_PASSWORD);
    const officer = person(REFERENCE_BOARD, Role.CaseOfficer).email;
    const registrar = person(REFERENCE_BOARD, Role.Registrar).email;
    const sender = person(EXECUTIVE_BOARD, Role.CaseOfficer).email;
    const endpoints: Endpoint[] = [
      { name: 'auth/me', group: 'A', email: officer, path: '/api/v1/auth/me' },
      { name: 'cases list (limit 20)', group: 'A', email: registrar, path: '/api/v1/cases?limit=20' },
      { name: 'one case', group: 'A', email: registrar, path: `/api/v1/cases/${statementCase}` },
      { name: 'notifications', group: 'A', email: officer, path: '/api/v1/notifications' },
      {
        name: 'notifications (304)',
        group: 'A',
        email: officer,
        path: '/api/v1/notifications',
        conditional: true,
      },
      { name: 'statement view', group: 'B', email: officer, path: `/api/v1/statements/${statement}` },
      // A district's registrar with the remiss to assign (the reference officer has nothing left to do).
      { name: 'my-work', group: 'B', email: person(idleDistricts()[1], Role.Registrar).email, path: '/api/v1/my-work' },
      {
        name: 'status board (11)',
        group: 'B',
        email: sender,
        path: `/api/v1/consultations/${referenceRemiss}/status-board`,
      },
      {
        name: 'issued documents',
        group: 'B',
        email: officer,
        path: `/api/v1/issued-documents?subjectId=${statement}`,
      },
      {
        name: `status board (${recipientVolume})`,
        group: 'C',
        email: sender,
        path: `/api/v1/consultations/${bigRemiss}/status-board`,
      },
      {
        name: `compilation (${recipientVolume})`,
        group: 'C',
        email: sender,
        path: `/api/v1/consultations/${bigRemiss}/compilation`,
      },
    ];
    const problems: string[] = [];
    // Organisation scope: the reference statement is another district's officer's 404.
    const stranger = await unloaded(
      `${api.url}/api/v1/statements/${statement}`,
      await accounts.token(person(otherDistrict(), Role.CaseOfficer).email),
    );
    if (stranger.status !== 404) {
      problems.push(`another district's officer read the reference statement: ${stranger.status}`);
    }

    const floor = await BenchServerProcess.start(FLOOR_MAIN, { DATABASE_URL: env.databaseUrl });
    const results: Measured[] = [];
    results.push(await measure(floor, 'floor', 'floor', `/floor/${statement}`, undefined, marker, problems));
    for (const endpoint of endpoints) {
      const token = await accounts.token(endpoint.email);
      results.push(
        await measure(api, endpoint.name, endpoint.group, endpoint.path, token, marker, problems, endpoint.conditional),
      );
      log(`  measured ${endpoint.name}`);
    }
    // The floor again at the end: the machine is shared, so both ends of the run are shown.
    results.push(await measure(floor, 'floor (again)', 'floor', `/floor/${statement}`, undefined, marker, problems));
    await floor.stop();
    await api.stop();

    const floorRate = (results[0]!.requestsPerSecond + results.at(-1)!.requestsPerSecond) / 2;
    const floorP99 = Math.max(results[0]!.p99, results.at(-1)!.p99);
    const rows = results.map((r) => {
      const ratio = r.requestsPerSecond / floorRate;
      const target = r.group === 'floor' ? undefined : TARGETS[r.group];
      const met =
        target === undefined ? '' : ratio >= target.ratio && (!target.p99 || r.p99 <= 3 * floorP99) ? 'yes' : 'NO';
      return [
        r.name,
        r.group,
        round(r.requestsPerSecond),
        r.p50,
        r.p99,
        round(r.queriesPerRequest, 1),
        round(r.queriesUnderLoad, 1),
        round(ratio, 3),
        target ? `≥ ${target.ratio}${target.p99 ? `, p99 ≤ ${3 * floorP99}` : ''}` : '',
        met,
        r.bytes,
      ];
    });
    log('');
    log(
      table(
        [
          'endpoint',
          'group',
          'req/s',
          'p50 ms',
          'p99 ms',
          'queries',
          'queries (load)',
          'vs floor',
          'target',
          'met',
          'bytes',
        ],
        rows,
      ),
    );
    log(`floor: mean of the two floor runs ${round(floorRate)} req/s; p99 bound 3 × ${floorP99} ms`);
    const file = await writeRawResults('api-reads', {
      machine,
      settings: { seconds, connections, caseVolume, recipientVolume, inboxVolume },
      results,
      problems,
    });
    log(`raw results: ${file}`);
    for (const problem of problems) {
      log(`CORRECTNESS PROBLEM: ${problem}`);
    }
    return problems.length === 0;
  } finally {
    await client.end();
  }
});
process.exit(ok ? 0 : 1);
