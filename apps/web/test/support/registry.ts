import { randomBytes } from 'node:crypto';

import { ok } from './api';
import { KIM, PASSWORD, type Person } from './people';
import { as } from './world';

/** An organisation with a diary series of its own and its registrar, so that what a test changes is its alone. */
export interface OwnRegistry {
  readonly id: string;
  readonly name: string;
  /** The series' prefix: five letters of the test's own. */
  readonly prefix: string;
  readonly registrar: Person & { readonly id: string };
}

/** The city's administrator (Kim Nordin) adds a specialist board with a diary prefix and a registrar for it. */
export async function ownRegistry(baseUrl: string, name: string): Promise<OwnRegistry> {
  const kim = await as(baseUrl, KIM);
  const suffix = randomBytes(3).toString('hex');
  const prefix = Array.from(randomBytes(5), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  const organisation = await ok(
    kim.POST('/api/v1/organisations', {
      body: { name: `${name} ${suffix}`, kind: 'specialist_board', diaryPrefix: prefix },
    }),
  );
  const email = `registrator.${suffix}@stockholm.se`;
  const person = await ok(
    kim.POST('/api/v1/people', {
      body: {
        name: `Registrator ${suffix}`,
        email,
        password: PASSWORD,
        organisationId: organisation.id,
        title: 'registrator',
      },
    }),
  );
  await ok(
    kim.POST('/api/v1/people/{id}/roles', {
      params: { path: { id: person.id } },
      body: { role: 'registrar', organisationId: organisation.id },
    }),
  );
  return {
    id: organisation.id,
    name: organisation.name,
    prefix,
    registrar: { id: person.id, email, name: person.name },
  };
}
