import { APP_CONFIG, type AppConfig } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The readable cookie that hands the web application its CSRF token. */
export const CSRF_COOKIE = 'remiss_csrf';
/** The header in which an unsafe request made with the session cookie returns that token. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The browser session's two cookies. The session cookie holds the signed token, HttpOnly so no
 * script reads it, SameSite=Strict so no other site's page sends it, and under the `__Host-`
 * prefix when Secure, so no other host can plant one. The CSRF cookie is readable by the app,
 * which sends its value back in `X-CSRF-Token` (double submit); the value is bound to the
 * session, so a planted cookie cannot stand in for it.
 */
@Injectable()
export class SessionCookies {
  readonly name: string;
  readonly #attributes: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const secure = config.auth.sessionCookieSecure;
    this.name = secure ? '__Host-remiss_session' : 'remiss_session';
    this.#attributes = `Path=/; SameSite=Strict${secure ? '; Secure' : ''}`;
  }

  /** The session token the request's cookies carry, if any. */
  read(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    if (typeof header !== 'string') {
      return undefined;
    }
    for (const pair of header.split(';')) {
      const at = pair.indexOf('=');
      if (at > 0 && pair.slice(0, at).trim() === this.name) {
        const value = pair.slice(at + 1).trim();
        return value.length > 0 ? value : undefined;
      }
    }
    return undefined;
  }

  /** Starts (or renews) the session in the browser: the token and its CSRF token, both for the token's lifetime. */
  set(reply: FastifyReply, token: string, csrfToken: string): void {
    const maxAge = `Max-Age=${this.config.auth.tokenTtlSeconds}`;
    void reply.header('set-cookie', [
      `${this.name}=${token}; ${maxAge}; ${this.#attributes}; HttpOnly`,
      `${CSRF_COOKIE}=${csrfToken}; ${maxAge}; ${this.#attributes}`,
    ]);
  }

  /** Removes both cookies from the browser. */
  clear(reply: FastifyReply): void {
    const expired = 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
    void reply.header('set-cookie', [
      `${this.name}=; ${expired}; ${this.#attributes}; HttpOnly`,
      `${CSRF_COOKIE}=; ${expired}; ${this.#attributes}`,
    ]);
  }
}
