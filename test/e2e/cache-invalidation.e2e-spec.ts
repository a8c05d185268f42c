import { OrganisationKind } from '@app/directory';
import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

import { freePort, PrivateRedis } from '../support/processes.js';
import { TestContext } from '../support/test-context.js';

/** The built API as its own process, on the test's database and Redis. */
async function apiProcess(env: Readonly<Record<string, string>>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/apps/api/src/main.js')], {
    // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and friends
    env: { ...process.env, ...env, API_PROCESSES: '1', HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  // A cold start of Node and Nest: seconds when idle, far longer on a loaded machine.
  const deadline = Date.now() + 90_000;
  while (child.exitCode === null) {
    const status = await fetch(`${url}/health`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) {
      return { child, url };
    }
    if (Date.now() > deadline) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the API process did not come up');
}

/**
 * Two API processes on one database, each caching the directory: a change made through one is
 * seen by the very next request through either, with Redis stopped, and no waiting in between.
 */
describe('the directory cache across two API processes', () => {
  let redis: PrivateRedis;
  let ctx: TestContext;
  let processes: { child: ChildProcess; url: string }[] = [];
  let organisationId: string;
  let admin: TestPerson;
  let cityAdmin: TestPerson;
  let officer: TestPerson;
  let registrar: TestPerson;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    ctx = await TestContext.create({ worker: false, env: { REDIS_URL: redis.url } });
    // A name is the city's to change: its administrator renames the board.
    const city = await ctx.factories.organisation({ kind: OrganisationKind.City, name: 'Staden i testet' });
    cityAdmin = await ctx.factories.person(city.id, { roles: [Role.Administrator] });
    const org = await ctx.factories.organisation();
    organisationId = org.id;
    admin = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
    officer = await ctx.factories.person(org.id, { roles: [Role.CaseOfficer] });
    registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar, Role.CaseOfficer] });
    processes = await Promise.all([apiProcess(ctx.env), apiProcess(ctx.env)]);
  }, 240_000);

  afterAll(async () => {
    await redis.up();
    await Promise.all(
      processes.map(async ({ child }) => {
        if (child.exitCode === null) {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          await exited;
        }
      }),
    );
    await ctx.close();
    await redis.down();
  });

  async function login(url: string, person: TestPerson): Promise<string> {
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function call(
    url: string,
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  const me = (url: string, token: string) => call(url, token, 'GET', '/api/v1/auth/me');

  it('sees a renamed organisation, a removed role and a disabled person on the next request through either process', async () => {
    const [a, b] = processes.map((p) => p.url) as [string, string];
    const adminToken = await login(a, admin);
    const cityToken = await login(b, cityAdmin);
    const officerToken = await login(a, officer);
    const registrarToken = await login(b, registrar);
    // Both processes have read (and cached) the organisation, the roles and the people.
    for (const url of [a, b]) {
      expect((await me(url, officerToken)).status).toBe(200);
      expect((await me(url, registrarToken)).body.roles).toEqual([Role.CaseOfficer, Role.Registrar].sort());
    }
    await redis.down();

    const renamed = `Omdöpt nämnd ${Math.random().toString(36).slice(2, 8)}`;
    expect(
      (await call(a, cityToken, 'PATCH', `/api/v1/organisations/${organisationId}`, { name: renamed })).status,
    ).toBe(200);
    for (const url of [b, a]) {
      expect((await me(url, officerToken)).body.organisation).toEqual({ id: organisationId, name: renamed });
    }

    const person = await call(b, adminToken, 'GET', `/api/v1/people/${registrar.id}`);
    const registrarRole = (person.body.roles as { id: string; role: string }[]).find((r) => r.role === Role.Registrar);
    expect(
      (await call(b, adminToken, 'DELETE', `/api/v1/people/${registrar.id}/roles/${registrarRole!.id}`)).status,
    ).toBe(204);
    for (const url of [a, b]) {
      expect((await me(url, registrarToken)).body.roles).toEqual([Role.CaseOfficer]);
      expect((await call(url, registrarToken, 'PUT', '/api/v1/registry/series/2099', { nextNumber: 5 })).status).toBe(
        403,
      );
    }

    expect((await call(b, adminToken, 'POST', `/api/v1/people/${officer.id}/disable`)).status).toBe(200);
    for (const url of [a, b]) {
      expect((await me(url, officerToken)).status).toBe(401);
    }
  }, 120_000);

  it('refuses a token after its logout and after a password change, through either process', async () => {
    const [a, b] = processes.map((p) => p.url) as [string, string];
    const first = await login(a, registrar);
    const second = await login(b, registrar);
    expect((await me(a, first)).status).toBe(200);
    expect((await me(b, second)).status).toBe(200);

    expect((await call(a, first, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    for (const url of [a, b]) {
      expect((await me(url, first)).status).toBe(401);
      expect((await me(url, second)).status).toBe(200);
    }

    const changed = await call(b, second, 'POST', '/api/v1/auth/password', {
      currentPassword: registrar.password,
      newPassword: `${registrar.password}-nytt-lösenord`,
    });
    expect(changed.status).toBe(204);
    for (const url of [a, b]) {
      expect((await me(url, second)).status).toBe(401);
    }
  }, 120_000);
});
