import { RoleService } from '@app/directory';
import { Role, systemActor } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';

import { TestContext } from '../support/test-context.js';

interface SetCookie {
  readonly value: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/** The cookies an answer sets, by name, with their attributes (names in lower case). */
function setCookies(response: Response): Map<string, SetCookie> {
  const header = response.headers['set-cookie'] as unknown;
  const lines = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  return new Map(
    lines.map((line) => {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair!.indexOf('=');
      return [
        pair!.slice(0, at),
        {
          value: pair!.slice(at + 1),
          attributes: new Map(
            attributes.map((attribute) => {
              const [name, value = ''] = attribute.split('=');
              return [name!.toLowerCase(), value];
            }),
          ),
        },
      ];
    }),
  );
}

interface BrowserSession {
  /** The Cookie header a browser would send. */
  readonly cookie: string;
  readonly csrf: string;
  readonly body: Record<string, unknown>;
}

describe('the browser session', () => {
  let ctx: TestContext;
  let orgId: string;
  let officer: TestPerson;
  let admin: TestPerson;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    orgId = (await ctx.factories.organisation()).id;
    officer = await ctx.factories.person(orgId, { roles: [Role.CaseOfficer] });
    admin = await ctx.factories.person(orgId, { roles: [Role.Administrator] });
  });

  afterAll(() => ctx.close());

  async function logIn(
    person: Pick<TestPerson, 'email' | 'password'>,
    organisationId?: string,
  ): Promise<BrowserSession> {
    const response = await ctx
      .http()
      .post('/api/v1/auth/session')
      .send({ email: person.email, password: person.password, ...(organisationId ? { organisationId } : {}) })
      .expect(200);
    return sessionOf(response);
  }

  function sessionOf(response: Response): BrowserSession {
    const cookies = setCookies(response);
    const session = cookies.get('remiss_session')!.value;
    const csrf = cookies.get('remiss_csrf')!.value;
    return {
      cookie: `remiss_session=${session}; remiss_csrf=${csrf}`,
      csrf,
      body: response.body as Record<string, unknown>,
    };
  }

  const me = (cookie: string) => ctx.http().get('/api/v1/auth/me').set('cookie', cookie);

  it('sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie, and never shows the token', async () => {
    const response = await ctx
      .http()
      .post('/api/v1/auth/session')
      .send({ email: officer.email, password: officer.password })
      .expect(200);
    const cookies = setCookies(response);
    const session = cookies.get('remiss_session')!;
    const csrf = cookies.get('remiss_csrf')!;
    expect(session.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(session.attributes.has('httponly')).toBe(true);
    expect(session.attributes.get('samesite')).toBe('Strict');
    expect(session.attributes.get('path')).toBe('/');
    expect(session.attributes.get('max-age')).toBe(String(ctx.config.auth.tokenTtlSeconds));
    // Outside production the cookies go over plain HTTP too (http://127.0.0.1:3000).
    expect(session.attributes.has('secure')).toBe(false);
    expect(csrf.attributes.has('httponly')).toBe(false);
    expect(csrf.attributes.get('samesite')).toBe('Strict');
    expect(response.body).toMatchObject({
      person: { id: officer.id, name: officer.name },
      organisation: { id: orgId },
      roles: ['case_officer'],
      organisations: [{ id: orgId }],
      csrfToken: csrf.value,
    });
    expect(JSON.stringify(response.body)).not.toContain(session.value);
    expect(response.body).not.toHaveProperty('accessToken');
  });

  it('tells the app who is logged in from the cookie alone', async () => {
    const { cookie } = await logIn(officer);
    const response = await me(cookie).expect(200);
    expect(response.body).toMatchObject({
      person: { id: officer.id },
      organisation: { id: orgId },
      roles: ['case_officer'],
      organisations: [{ id: orgId }],
    });
    const expiresAt = Date.parse((response.body as { expiresAt: string }).expiresAt);
    expect(expiresAt - Date.now()).toBeGreaterThan((ctx.config.auth.tokenTtlSeconds - 60) * 1000);
  });

  it('refuses a change made with the cookie but without its CSRF token, and changes nothing', async () => {
    const person = await ctx.factories.person(orgId, { roles: [Role.CaseOfficer] });
    const { cookie, csrf } = await logIn(person);
    const other = await logIn(officer);
    const change = { currentPassword: person.password, newPassword: 'ett-helt-nytt-lösenord-1' };
    for (const token of [undefined, '', 'gissat', other.csrf, `${csrf}x`]) {
      const request = ctx.http().post('/api/v1/auth/password').set('cookie', cookie);
      const refused = await (token === undefined ? request : request.set('x-csrf-token', token))
        .send(change)
        .expect(403);
      expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(refused.body).toMatchObject({ code: 'auth.csrf_token_invalid', status: 403 });
      expect((refused.body as { detail: string }).detail).toMatch(/CSRF-token.*Ladda om sidan/);
    }
    // The password is unchanged: the old one still logs in, and the session lives on.
    await ctx.login(person);
    await me(cookie).expect(200);
    await ctx
      .http()
      .post('/api/v1/auth/password')
      .set('cookie', cookie)
      .set('x-csrf-token', csrf)
      .send(change)
      .expect(204);
    await ctx.login({ email: person.email, password: change.newPassword });
  });

  it('lets reads through with the cookie alone', async () => {
    const { cookie } = await logIn(officer);
    await ctx.http().get('/api/v1/my-work').set('cookie', cookie).expect(200);
    await ctx.http().get('/api/v1/notifications').set('cookie', cookie).expect(200);
  });

  it('keeps bearer tokens working for machine clients, with no CSRF token and no cookies', async () => {
    const headers = await ctx.as(officer);
    await ctx.http().get('/api/v1/auth/me').set(headers).expect(200);
    const response = await ctx.http().post('/api/v1/auth/logout').set(headers).expect(204);
    expect(response.headers['set-cookie']).toBeUndefined();
    // A bearer token wins over a cookie, and needs no CSRF token even then.
    const browser = await logIn(officer);
    await ctx
      .http()
      .post('/api/v1/notifications/read-all')
      .set(await ctx.as(officer))
      .set('cookie', browser.cookie)
      .expect(200);
  });

  it('ends the session on the server when logging out: a copied cookie stops working at once', async () => {
    const { cookie, csrf } = await logIn(officer);
    const copy = cookie;
    // Logging out is a change too: without the CSRF token another site could end the session.
    await ctx.http().delete('/api/v1/auth/session').set('cookie', cookie).expect(403);
    await me(cookie).expect(200);
    const out = await ctx
      .http()
      .delete('/api/v1/auth/session')
      .set('cookie', cookie)
      .set('x-csrf-token', csrf)
      .expect(204);
    const cleared = setCookies(out);
    expect(cleared.get('remiss_session')).toMatchObject({ value: '' });
    expect(cleared.get('remiss_session')!.attributes.get('max-age')).toBe('0');
    expect(cleared.get('remiss_csrf')!.attributes.get('max-age')).toBe('0');
    const refused = await me(copy).expect(401);
    expect(refused.body).toMatchObject({ code: 'auth.session_invalid' });
    // The refusal also tells the browser to drop the dead cookies.
    expect(setCookies(refused).get('remiss_session')!.attributes.get('max-age')).toBe('0');
    const [audit] = await ctx.query(
      `SELECT 1 FROM audit_records WHERE entity_id = $1 AND action = 'person.logged_out'`,
      [officer.id],
    );
    expect(audit).toBeDefined();
  });

  it('answers an expired session with 401 auth.session_expired, and a forged one with auth.session_invalid', async () => {
    const [row] = await ctx.query<{ credentials_version: number }>(
      `SELECT credentials_version FROM people WHERE id = $1`,
      [officer.id],
    );
    const cv = row!.credentials_version;
    const jwt = new JwtService({ secret: ctx.config.auth.tokenSecret.reveal() });
    const expired = await jwt.signAsync(
      {
        sub: officer.id,
        org: orgId,
        cv,
        iat: Math.floor(Date.now() / 1000) - 7200,
        exp: Math.floor(Date.now() / 1000) - 60,
      },
      { jwtid: randomUUID(), issuer: 'remiss', algorithm: 'HS256' },
    );
    const response = await me(`remiss_session=${expired}`).expect(401);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.body).toMatchObject({ code: 'auth.session_expired', status: 401 });
    expect((response.body as { detail: string }).detail).toMatch(/gått ut/);
    const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync(
      { sub: officer.id, org: orgId, cv },
      { jwtid: randomUUID(), issuer: 'remiss', algorithm: 'HS256', expiresIn: 600 },
    );
    expect((await me(`remiss_session=${forged}`).expect(401)).body).toMatchObject({ code: 'auth.session_invalid' });
    expect((await me('remiss_session=skräp').expect(401)).body).toMatchObject({ code: 'auth.session_invalid' });
    expect((await me('annan=1').expect(401)).body).toMatchObject({ code: 'auth.required' });
  });

  it('refuses a disabled person at once, with the session they already hold', async () => {
    const person = await ctx.factories.person(orgId, { roles: [Role.CaseOfficer] });
    const { cookie } = await logIn(person);
    await me(cookie).expect(200);
    await ctx
      .http()
      .post(`/api/v1/people/${person.id}/disable`)
      .set(await ctx.as(admin))
      .expect(200);
    expect((await me(cookie).expect(401)).body).toMatchObject({ code: 'auth.session_invalid' });
    await ctx.http().post('/api/v1/auth/session').send({ email: person.email, password: person.password }).expect(401);
  });

  it('answers a wrong password as the bearer login does', async () => {
    const wrong = await ctx
      .http()
      .post('/api/v1/auth/session')
      .send({ email: officer.email, password: 'fel-lösenord-123' })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'auth.invalid_credentials', detail: 'Fel e-postadress eller lösenord.' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  describe('a person with roles in several organisations', () => {
    let both: TestPerson;
    let otherId: string;

    beforeAll(async () => {
      otherId = (await ctx.factories.organisation()).id;
      both = await ctx.factories.person(orgId, { roles: [Role.CaseOfficer] });
      await ctx.get(RoleService).grant(systemActor('test'), both.id, Role.Registrar, otherId);
    });

    it('picks one at login: the answer names the organisations to choose from', async () => {
      const ask = await ctx
        .http()
        .post('/api/v1/auth/session')
        .send({ email: both.email, password: both.password })
        .expect(422);
      expect(ask.body).toMatchObject({ code: 'auth.organisation_required' });
      expect((ask.body as { organisations: { id: string }[] }).organisations.map((o) => o.id).sort()).toEqual(
        [orgId, otherId].sort(),
      );
      expect(ask.headers['set-cookie']).toBeUndefined();
      const { body } = await logIn(both, otherId);
      expect(body).toMatchObject({ organisation: { id: otherId }, roles: ['registrar'] });
      expect((body.organisations as { id: string }[]).map((o) => o.id).sort()).toEqual([orgId, otherId].sort());
    });

    it('switches to another of them: a new session there, and the old one ends', async () => {
      const first = await logIn(both, orgId);
      const switched = await ctx
        .http()
        .put('/api/v1/auth/session/organisation')
        .set('cookie', first.cookie)
        .set('x-csrf-token', first.csrf)
        .send({ organisationId: otherId })
        .expect(200);
      const second = sessionOf(switched);
      expect(second.csrf).not.toBe(first.csrf);
      expect(switched.body).toMatchObject({
        organisation: { id: otherId },
        roles: ['registrar'],
        csrfToken: second.csrf,
      });
      expect((await me(second.cookie).expect(200)).body).toMatchObject({ organisation: { id: otherId } });
      expect((await me(first.cookie).expect(401)).body).toMatchObject({ code: 'auth.session_invalid' });
      const [audit] = await ctx.query<{ after: unknown }>(
        `SELECT after FROM audit_records WHERE entity_id = $1 AND action = 'person.organisation_switched'`,
        [both.id],
      );
      expect(audit).toBeDefined();
    });

    it('cannot switch to an organisation where they hold no role, nor without the CSRF token', async () => {
      const session = await logIn(both, orgId);
      const stranger = (await ctx.factories.organisation()).id;
      const refused = await ctx
        .http()
        .put('/api/v1/auth/session/organisation')
        .set('cookie', session.cookie)
        .set('x-csrf-token', session.csrf)
        .send({ organisationId: stranger })
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'auth.organisation_not_available' });
      await ctx
        .http()
        .put('/api/v1/auth/session/organisation')
        .set('cookie', session.cookie)
        .send({ organisationId: otherId })
        .expect(403);
      await me(session.cookie).expect(200);
    });

    it('leaves switching to the browser: a bearer client logs in again with organisationId', async () => {
      const refused = await ctx
        .http()
        .put('/api/v1/auth/session/organisation')
        .set(await ctx.as(both, orgId))
        .send({ organisationId: otherId })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'auth.browser_session_required' });
    });
  });
});
