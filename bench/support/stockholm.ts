import {
  CITY,
  DEMO_PASSWORD,
  DirectorySeeder,
  EXECUTIVE_BOARD,
  OrganisationService,
  PersonService,
  REFERENCE_BOARD,
  STOCKHOLM,
} from '@app/directory';
import { type Actor, personActor } from '@app/platform';
import type { INestApplicationContext } from '@nestjs/common';

/** The part of the City of Stockholm the benchmarks need, seeded as `npm run seed` seeds the whole city. */
export const BENCH_ORGANISATIONS: readonly string[] = [CITY, EXECUTIVE_BOARD, REFERENCE_BOARD];

export interface SeededCity {
  readonly organisationId: (name: string) => Promise<string>;
  /** A person of the seed, acting for their organisation with the roles they hold there. */
  readonly actor: (email: string) => Promise<Actor & { readonly kind: 'person' }>;
  readonly people: number;
}

/**
 * Seeds the city, kommunstyrelsen and Hägersten-Älvsjö (the reference case's organisations, with
 * their departments and people) through DirectorySeeder, as the demo and the e2e tests do.
 */
export async function seedStockholm(app: INestApplicationContext): Promise<SeededCity> {
  const report = await app.get(DirectorySeeder).seed(
    STOCKHOLM.filter((o) => BENCH_ORGANISATIONS.includes(o.name)),
    DEMO_PASSWORD,
  );
  const organisations = app.get(OrganisationService);
  const people = app.get(PersonService);
  return {
    people: report.people,
    organisationId: async (name) => {
      const found = await organisations.findByName(name);
      if (!found) {
        throw new Error(`no organisation ${name}`);
      }
      return found.id;
    },
    actor: async (email) => {
      const person = await people.findByEmail(email);
      if (!person) {
        throw new Error(`no person ${email}`);
      }
      return personActor(
        person.id,
        person.organisationId,
        person.roles.filter((r) => r.organisationId === person.organisationId).map((r) => r.role),
      );
    },
  };
}
