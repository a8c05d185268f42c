import { OrganisationKind } from '@app/directory';
import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { randomUUID } from 'node:crypto';

import type { AccessRule } from '../../apps/api/src/auth/access-rule.js';
import { TestContext } from '../support/test-context.js';

/**
 * Reads the server's own route table (controllers, the API documentation and the queue
 * dashboard alike) and checks every route's access rule by calling it.
 */
describe('access to every route', () => {
  let ctx: TestContext;
  let routes: { method: string; url: string; access: AccessRule | undefined }[];
  let a: World;
  let b: World;
  let cityAdmin: TestPerson;
  let nobody: TestPerson;

  interface World {
    organisationId: string;
    admin: TestPerson;
    registrar: TestPerson;
    officer: TestPerson;
    departmentId: string;
    roleId: string;
    notificationId: string;
  }

  async function world(): Promise<World> {
    const org = await ctx.factories.organisation();
    const department = await ctx.factories.department(org.id);
    const admin = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
    const registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    const officer = await ctx.factories.person(org.id, { roles: [Role.CaseOfficer], departmentId: department.id });
    await ctx.drain();
    const [notification] = await ctx.query<{ id: string }>(
      `SELECT id FROM notifications WHERE person_id = $1 LIMIT 1`,
      [officer.id],
    );
    return {
      organisationId: org.id,
      admin,
      registrar,
      officer,
      departmentId: department.id,
      roleId: officer.roles[0]!.id,
      notificationId: notification!.id,
    };
  }

  beforeAll(async () => {
    ctx = await TestContext.create();
    routes = [...ctx.api.routes];
    a = await world();
    b = await world();
    const city = await ctx.factories.organisation({ kind: OrganisationKind.City, diaryPrefix: null });
    cityAdmin = await ctx.factories.person(city.id, { roles: [Role.Administrator] });
    nobody = await ctx.factories.person(b.organisationId);
  });

  afterAll(() => ctx.close());

  function fill(url: string): string {
    return url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*/g, 'x');
  }

  async function call(method: string, path: string, headers: Record<string, string> = {}): Promise<number> {
    const agent = ctx.http();
    const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
    const request = agent[m](path).set(headers);
    const response = ['post', 'put', 'patch'].includes(m) ? await request.send({}) : await request;
    return response.status;
  }

  it('sees the controllers, the API documentation and the queue dashboard in the table', () => {
    const urls = routes.map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining(['/health', '/api/v1/auth/login', '/api/docs', '/api/docs/openapi.json']),
    );
    expect(urls.some((u) => u.startsWith('/api/queues'))).toBe(true);
  });

  it('gives every route an access rule', () => {
    const without = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(without).toEqual([]);
  });

  it('answers 401 on every route that is not public when no token is sent', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.access?.kind !== 'public')) {
      const status = await call(route.method, fill(route.url));
      if (status !== 401) {
        wrong.push(`${route.method} ${route.url} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers the public routes without a token', async () => {
    for (const url of ['/health', '/api/docs', '/api/docs/openapi.json']) {
      expect(await call('GET', url)).toBe(200);
    }
  });

  it('answers 403 on every role-bound route to a person without the role', async () => {
    const headers = await ctx.as(nobody, b.organisationId);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.access?.kind === 'roles' || r.access?.kind === 'operators')) {
      const status = await call(route.method, fill(route.url), headers);
      if (status !== 403) {
        wrong.push(`${route.method} ${route.url} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the queue dashboard for the municipality’s administrators', async () => {
    expect(await call('GET', '/api/queues', await ctx.as(b.admin))).toBe(403);
    expect(await call('GET', '/api/queues', await ctx.as(cityAdmin))).toBe(200);
  });

  /**
   * Every route that names a record answers 404 when the record belongs to another
   * organisation. Each such route must be listed here; a new one fails the last test until it is.
   */
  const otherOrganisation: Record<string, (w: World) => { path: string; body?: object }> = {
    'PATCH /api/v1/organisations/:id': (w) => ({
      path: `/api/v1/organisations/${w.organisationId}`,
      body: { website: 'x.se' },
    }),
    'GET /api/v1/departments/:id': (w) => ({ path: `/api/v1/departments/${w.departmentId}` }),
    'PATCH /api/v1/departments/:id': (w) => ({
      path: `/api/v1/departments/${w.departmentId}`,
      body: { name: 'Övertagen' },
    }),
    'GET /api/v1/people/:id': (w) => ({ path: `/api/v1/people/${w.officer.id}` }),
    'PATCH /api/v1/people/:id': (w) => ({ path: `/api/v1/people/${w.officer.id}`, body: { title: 'x' } }),
    'POST /api/v1/people/:id/disable': (w) => ({ path: `/api/v1/people/${w.officer.id}/disable` }),
    'POST /api/v1/people/:id/enable': (w) => ({ path: `/api/v1/people/${w.officer.id}/enable` }),
    'PUT /api/v1/people/:id/password': (w) => ({
      path: `/api/v1/people/${w.officer.id}/password`,
      body: { password: 'ett-nytt-losenord-123' },
    }),
    'POST /api/v1/people/:id/roles': (w) => ({
      path: `/api/v1/people/${w.officer.id}/roles`,
      body: { role: 'registrar' },
    }),
    'DELETE /api/v1/people/:id/roles/:roleId': (w) => ({ path: `/api/v1/people/${w.officer.id}/roles/${w.roleId}` }),
    'POST /api/v1/notifications/:id/read': (w) => ({ path: `/api/v1/notifications/${w.notificationId}/read` }),
  };

  /** Routes that name a record every logged-in person may read, with the reason. */
  const shared: Record<string, string> = {
    'GET /api/v1/organisations/:id':
      'the directory of bodies is public within the municipality (senders pick recipients there)',
  };

  it('answers 404 for another organisation’s record on every route that names one', async () => {
    const wrong: string[] = [];
    for (const [key, build] of Object.entries(otherOrganisation)) {
      const [method, url] = key.split(' ') as [string, string];
      const route = routes.find((r) => r.method === method && r.url === url);
      expect(route).toBeDefined();
      // The strongest person of organisation B: holds the role the route asks for.
      const roles = route!.access?.kind === 'roles' ? route!.access.roles : [];
      const actor = roles.includes(Role.Administrator)
        ? b.admin
        : roles.includes(Role.Registrar)
          ? b.registrar
          : b.officer;
      const { path, body } = build(a);
      const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const response = await ctx
        .http()
        [m](path)
        .set(await ctx.as(actor))
        .send(body ?? {});
      if (response.status !== 404) {
        wrong.push(`${key} → ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('classifies every route with a record id as organisation-scoped or shared', () => {
    const named = routes
      .filter(
        (r) =>
          r.access?.kind !== 'public' && r.access?.kind !== 'operators' && r.url.includes('/:') && r.method !== 'HEAD',
      )
      .map((r) => `${r.method} ${r.url}`);
    const unclassified = named.filter((key) => !(key in otherOrganisation) && !(key in shared));
    expect(unclassified).toEqual([]);
  });

  it('lists only the own organisation’s records', async () => {
    const headers = await ctx.as(b.admin);
    const people = await ctx.http().get('/api/v1/people').set(headers).expect(200);
    expect((people.body as { id: string }[]).map((p) => p.id)).not.toContain(a.officer.id);
    const departments = await ctx.http().get('/api/v1/departments').set(headers).expect(200);
    expect((departments.body as { id: string }[]).map((d) => d.id)).not.toContain(a.departmentId);
    const inbox = await ctx
      .http()
      .get('/api/v1/notifications')
      .set(await ctx.as(b.officer))
      .expect(200);
    expect((inbox.body as { items: { id: string }[] }).items.map((n) => n.id)).not.toContain(a.notificationId);
    const audit = await ctx
      .http()
      .get('/api/v1/audit/records')
      .query({ entityType: 'person', entityId: a.officer.id })
      .set(await ctx.as(b.registrar))
      .expect(200);
    expect(audit.body).toEqual([]);
  });
});
