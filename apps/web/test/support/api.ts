import createClient, { type Client } from 'openapi-fetch';

import type { paths } from '../../src/api/openapi';
import { PASSWORD, type Person } from './people';

export type Api = Client<paths>;

/**
 * The API as one person, over HTTP with a bearer token, for setting up what a test needs before
 * the browser takes over (the registrar's screens come later; until then the API stands in).
 */
export async function apiAs(baseUrl: string, person: Person): Promise<Api> {
  const anonymous = createClient<paths>({ baseUrl });
  const { data, error } = await anonymous.POST('/api/v1/auth/login', {
    body: { email: person.email, password: PASSWORD },
  });
  if (!data) {
    throw new Error(`login of ${person.email} failed: ${JSON.stringify(error)}`);
  }
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${data.accessToken}` } });
  client.use({
    async onResponse({ request, response }) {
      if (!response.ok) {
        throw new Error(`${request.method} ${request.url} → ${response.status}: ${await response.clone().text()}`);
      }
      return response;
    },
  });
  return client;
}

/** The data of an answer that must succeed (the client throws on any error status). */
export async function ok<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
