import {
  DepartmentService,
  type DepartmentView,
  directoryErrors,
  OrganisationKind,
  OrganisationService,
  type OrganisationView,
  PersonService,
  type PersonView,
  RoleService,
} from '@app/directory';
import { mustFind, type Role, systemActor } from '@app/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** The password every factory-made person logs in with. */
export const TEST_PASSWORD = 'test-lösenord-1234';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let sequence = 0;

function unique(): string {
  sequence += 1;
  return `${sequence}-${randomBytes(3).toString('hex')}`;
}

function randomPrefix(): string {
  const bytes = randomBytes(5);
  return [...bytes].map((b) => LETTERS[b % LETTERS.length]).join('');
}

export interface TestPerson extends PersonView {
  readonly password: string;
}

/**
 * Builds directory records for one test through the real services (so they are audited like
 * any other change). Every call makes new, uniquely named records; tests never share them.
 */
export class Factories {
  readonly #actor = systemActor('test');

  constructor(private readonly app: INestApplicationContext) {}

  async organisation(overrides: Partial<Omit<OrganisationView, 'id' | 'active'>> = {}): Promise<OrganisationView> {
    const tag = unique();
    return this.app.get(OrganisationService).create(this.#actor, {
      name: `Testnämnd ${tag}`,
      kind: OrganisationKind.DistrictBoard,
      administrationName: `Testförvaltning ${tag}`,
      diaryPrefix: randomPrefix(),
      streetAddress: 'Testgatan 1',
      postalCode: '111 11',
      postalTown: 'Stockholm',
      registryEmail: `registrator.${tag}@example.se`,
      website: 'start.stockholm',
      ...overrides,
    });
  }

  async department(
    organisationId: string,
    overrides: { name?: string; contactEmail?: string } = {},
  ): Promise<DepartmentView> {
    return this.app.get(DepartmentService).create(this.#actor, organisationId, {
      name: overrides.name ?? `Avdelningen för test ${unique()}`,
      contactEmail: overrides.contactEmail ?? null,
    });
  }

  async person(
    organisationId: string,
    options: {
      roles?: readonly Role[];
      departmentId?: string | null;
      name?: string;
      title?: string;
      email?: string;
      password?: string;
    } = {},
  ): Promise<TestPerson> {
    const tag = unique();
    const password = options.password ?? TEST_PASSWORD;
    const created = await this.app.get(PersonService).create(this.#actor, organisationId, {
      name: options.name ?? `Test Person ${tag}`,
      title: options.title ?? 'handläggare',
      email: options.email ?? `person.${tag}@example.se`,
      phone: '08-5080000',
      departmentId: options.departmentId ?? null,
      password,
    });
    for (const role of options.roles ?? []) {
      await this.app.get(RoleService).grant(this.#actor, created.id, role, organisationId);
    }
    const person = await mustFind(this.app.get(PersonService).findById(created.id), directoryErrors.personNotFound);
    return { ...person, password };
  }
}
