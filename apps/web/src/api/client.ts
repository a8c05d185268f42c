import createClient from 'openapi-fetch';

import type { paths } from './openapi';
import { sessionExpired } from './session-events';

/** Every path of the API, typed from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'remiss_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The readable half of the double-submit pair the API sets at login. */
export function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${CSRF_COOKIE}=`))
    ?.slice(CSRF_COOKIE.length + 1);
}

api.use({
  onRequest({ request }) {
    const token = csrfToken();
    if (token && UNSAFE.has(request.method)) {
      request.headers.set(CSRF_HEADER, decodeURIComponent(token));
    }
    return request;
  },
  onResponse({ response, schemaPath }) {
    // A login that fails is a wrong password, not an expired session.
    if (response.status === 401 && schemaPath !== '/api/v1/auth/session') {
      sessionExpired();
    }
    return response;
  },
});
