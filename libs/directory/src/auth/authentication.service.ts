import { Db, personActor, type PersonActor, type Role } from '@app/platform';
import { Injectable } from '@nestjs/common';

import { directoryErrors } from '../directory.errors.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { decoyHash, verifyPassword } from '../person/password.js';
import { PersonEntity } from '../person/person.entity.js';
import { RoleAssignmentEntity } from '../role/role-assignment.entity.js';

export interface Credentials {
  readonly email: string;
  readonly password: string;
  /** Required when the person holds roles in more than one organisation. */
  readonly organisationId?: string;
}

export interface Authenticated {
  readonly personId: string;
  readonly organisationId: string;
  readonly roles: readonly Role[];
}

/**
 * Checks credentials and answers who a token's bearer is now. An unknown e-mail, a wrong
 * password and a disabled person give the same answer after the same work.
 */
@Injectable()
export class AuthenticationService {
  constructor(private readonly db: Db) {}

  async authenticate(credentials: Credentials): Promise<Authenticated> {
    const person = await this.db.reader
      .createQueryBuilder(PersonEntity, 'p')
      .addSelect('p.passwordHash')
      .where('p.email = :email', { email: credentials.email.trim().toLowerCase() })
      .getOne();
    const passwordHash = person?.passwordHash ?? (await decoyHash());
    const passwordOk = await verifyPassword(passwordHash, credentials.password);
    if (!person?.passwordHash || !passwordOk || person.disabledAt !== null) {
      throw directoryErrors.invalidCredentials();
    }
    const assignments = await this.db.reader.findBy(RoleAssignmentEntity, { personId: person.id });
    const organisationIds = [...new Set(assignments.map((a) => a.organisationId))];
    let organisationId: string;
    if (credentials.organisationId) {
      if (
        credentials.organisationId !== person.organisationId &&
        !organisationIds.includes(credentials.organisationId)
      ) {
        throw directoryErrors.invalidCredentials();
      }
      organisationId = credentials.organisationId;
    } else if (organisationIds.length > 1) {
      const organisations = await this.db.reader
        .createQueryBuilder(OrganisationEntity, 'o')
        .where('o.id IN (:...ids)', { ids: organisationIds })
        .orderBy('o.name')
        .getMany();
      throw directoryErrors.organisationRequired(organisations.map((o) => ({ id: o.id, name: o.name })));
    } else {
      organisationId = organisationIds[0] ?? person.organisationId;
    }
    return {
      personId: person.id,
      organisationId,
      roles: assignments.filter((a) => a.organisationId === organisationId).map((a) => a.role),
    };
  }

  /**
   * The actor behind a token, read fresh on every request: a disabled person, or one who no
   * longer belongs to the organisation, is refused at once.
   */
  async resolve(personId: string, organisationId: string): Promise<PersonActor> {
    const rows = await this.db.reader.query<{ organisation_id: string; disabled_at: Date | null; roles: Role[] }[]>(
      `SELECT p.organisation_id, p.disabled_at, array_remove(array_agg(ra.role), NULL) AS roles
       FROM people p
       LEFT JOIN role_assignments ra ON ra.person_id = p.id AND ra.organisation_id = $2
       WHERE p.id = $1
       GROUP BY p.id`,
      [personId, organisationId],
    );
    const row = rows[0];
    if (!row || row.disabled_at !== null || (row.roles.length === 0 && row.organisation_id !== organisationId)) {
      throw directoryErrors.sessionInvalid();
    }
    return personActor(personId, organisationId, row.roles);
  }
}
