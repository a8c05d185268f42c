import { loadAppConfig } from '@app/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { SessionCookies } from './session-cookies.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_TOKEN_SECRET: 'x'.repeat(40),
  SIGNING_KEY_SECRET: 'y'.repeat(40),
  AUDIT_KEY: 'z'.repeat(40),
};

function setCookieLines(sut: SessionCookies): string[] {
  const headers: Record<string, unknown> = {};
  const reply = { header: (name: string, value: unknown) => (headers[name] = value) } as unknown as FastifyReply;
  sut.set(reply, 'a.b.c', 'csrf');
  return headers['set-cookie'] as string[];
}

describe(SessionCookies.name, () => {
  it('is Secure and under the __Host- prefix in production', () => {
    const sut = new SessionCookies(loadAppConfig(PRODUCTION));
    expect(sut.name).toBe('__Host-remiss_session');
    const [session, csrf] = setCookieLines(sut);
    expect(session).toBe('__Host-remiss_session=a.b.c; Max-Age=28800; Path=/; SameSite=Strict; Secure; HttpOnly');
    expect(csrf).toBe('remiss_csrf=csrf; Max-Age=28800; Path=/; SameSite=Strict; Secure');
  });

  it('goes over plain HTTP in development and tests, unless told otherwise', () => {
    for (const env of ['development', 'test']) {
      const sut = new SessionCookies(loadAppConfig({ NODE_ENV: env }));
      expect(sut.name).toBe('remiss_session');
      expect(setCookieLines(sut).join('\n')).not.toContain('Secure');
    }
    expect(new SessionCookies(loadAppConfig({ NODE_ENV: 'development', SESSION_COOKIE_SECURE: 'true' })).name).toBe(
      '__Host-remiss_session',
    );
    expect(new SessionCookies(loadAppConfig({ ...PRODUCTION, SESSION_COOKIE_SECURE: 'false' })).name).toBe(
      'remiss_session',
    );
  });

  it('reads its own cookie among others, and nothing from a look-alike', () => {
    const sut = new SessionCookies(loadAppConfig({ NODE_ENV: 'test' }));
    const read = (cookie: string): string | undefined => sut.read({ headers: { cookie } } as unknown as FastifyRequest);
    expect(read('a=1; remiss_session=t.o.k; remiss_csrf=c')).toBe('t.o.k');
    expect(read('xremiss_session=t; remiss_session_old=u')).toBeUndefined();
    expect(read('remiss_session=')).toBeUndefined();
  });
});
