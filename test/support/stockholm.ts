import { DEMO_PASSWORD, DirectorySeeder, OrganisationService, PersonService, STOCKHOLM } from '@app/directory';

import type { TestContext } from './test-context.js';

export interface SeededPerson {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
}

/** Loads the City of Stockholm into the test's own database and gives handy ways in. */
export async function seedStockholm(ctx: TestContext): Promise<Stockholm> {
  await ctx.get(DirectorySeeder).seed(STOCKHOLM, DEMO_PASSWORD);
  return new Stockholm(ctx);
}

export class Stockholm {
  constructor(private readonly ctx: TestContext) {}

  async organisation(name: string): Promise<{ id: string; name: string; diaryPrefix: string | null }> {
    const o = await this.ctx.get(OrganisationService).findByName(name);
    if (!o) {
      throw new Error(`no organisation ${name}`);
    }
    return o;
  }

  async person(email: string): Promise<SeededPerson> {
    const p = await this.ctx.get(PersonService).findByEmail(email);
    if (!p) {
      throw new Error(`no person ${email}`);
    }
    return {
      id: p.id,
      email: p.email,
      password: DEMO_PASSWORD,
      organisationId: p.organisationId,
      departmentId: p.departmentId,
    };
  }

  async as(email: string): Promise<Record<string, string>> {
    return this.ctx.as({ email, password: DEMO_PASSWORD });
  }
}
