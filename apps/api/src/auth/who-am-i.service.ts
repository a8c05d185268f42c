import { AuthenticationService, OrganisationService, PersonService, type Session } from '@app/directory';
import type { Role } from '@app/platform';
import { Injectable } from '@nestjs/common';

import type { WhoAmIResponse } from './auth.responses.js';

/** What the login answers and GET /auth/me say about the person behind a token or session. */
@Injectable()
export class WhoAmIService {
  constructor(
    private readonly people: PersonService,
    private readonly organisations: OrganisationService,
    private readonly authentication: AuthenticationService,
  ) {}

  async describe(
    who: { readonly personId: string; readonly organisationId: string; readonly roles: Iterable<Role> },
    session: Session,
  ): Promise<WhoAmIResponse> {
    const [person, organisation, available] = await Promise.all([
      this.people.findById(who.personId),
      this.organisations.findById(who.organisationId),
      this.authentication.organisationsOf(who.personId),
    ]);
    return {
      person: person ? { id: person.id, name: person.name, title: person.title, email: person.email } : null,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
      roles: [...who.roles].sort(),
      organisations: available,
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}
