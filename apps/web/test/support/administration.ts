import type { Browser, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ok } from './api';
import { KIM, PASSWORD, type Person } from './people';
import { as } from './world';

/** An organisation of a test's own, with its one administrator, so that what the test changes is its alone. */
export interface OwnOrganisation {
  readonly id: string;
  readonly name: string;
  readonly administrator: Person & { readonly id: string };
}

/**
 * The city's administrator (Kim Nordin) adds a specialist board and an administrator for it, who
 * may log in with the demo password.
 */
export async function ownOrganisation(baseUrl: string, name: string): Promise<OwnOrganisation> {
  const kim = await as(baseUrl, KIM);
  const suffix = randomBytes(3).toString('hex');
  const organisation = await ok(
    kim.POST('/api/v1/organisations', { body: { name: `${name} ${suffix}`, kind: 'specialist_board' } }),
  );
  const email = `admin.${suffix}@stockholm.se`;
  const person = await ok(
    kim.POST('/api/v1/people', {
      body: {
        name: `Administratör ${suffix}`,
        email,
        password: PASSWORD,
        organisationId: organisation.id,
        title: 'systemförvaltare',
      },
    }),
  );
  await ok(
    kim.POST('/api/v1/people/{id}/roles', {
      params: { path: { id: person.id } },
      body: { role: 'administrator', organisationId: organisation.id },
    }),
  );
  return { id: organisation.id, name: organisation.name, administrator: { id: person.id, email, name: person.name } };
}

/** A browser page logged in as someone not logged in before the run (a session of its own). */
export async function loggedIn(browser: Browser, baseURL: string, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  const response = await page.request.post('/api/v1/auth/session', {
    data: { email: person.email, password: PASSWORD },
  });
  if (!response.ok()) {
    throw new Error(`login of ${person.email} failed: ${response.status()} ${await response.text()}`);
  }
  return page;
}

/** A PKCS#12 file made by openssl, as an organisation's real certificate would be, protected by `passphrase`. */
export function pkcs12File(directory: string, subject: string, passphrase: string): string {
  mkdirSync(directory, { recursive: true });
  const run = (...args: string[]): void => {
    const result = spawnSync('openssl', args, { cwd: directory, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
    }
  };
  run(
    'req',
    '-x509',
    '-utf8',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'seal.key',
    '-out',
    'seal.pem',
    '-subj',
    subject,
    '-days',
    '365',
  );
  run(
    'pkcs12',
    '-export',
    '-inkey',
    'seal.key',
    '-in',
    'seal.pem',
    '-out',
    'seal.p12',
    '-passout',
    `pass:${passphrase}`,
  );
  return join(directory, 'seal.p12');
}
