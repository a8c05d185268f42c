import { AuditService, Clock, Db, personActor, type PersonActor, type Role, type Tx } from '@app/platform';
import { Injectable } from '@nestjs/common';

import { DirectoryCache } from '../cache/directory-cache.js';
import { directoryErrors } from '../directory.errors.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { decoyHash, verifyPassword } from '../person/password.js';
import { PersonEntity } from '../person/person.entity.js';
import { RoleAssignmentEntity } from '../role/role-assignment.entity.js';
import { RevokedTokenEntity } from './revoked-token.entity.js';

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
  /** The person's credentials version now; a token carries it and dies when it changes. */
  readonly credentialsVersion: number;
}

/** What a signed token says about its bearer: everything the session check needs. */
export interface Session {
  readonly personId: string;
  /** The organisation the person acts for. */
  readonly organisationId: string;
  /** The person's credentials version when the token was issued. */
  readonly credentialsVersion: number;
  /** The token's own id (`jti`), by which it alone can be ended. */
  readonly tokenId: string;
  /** When the token expires on its own. */
  readonly expiresAt: Date;
}

/**
 * Checks credentials and answers who a token's bearer is now. An unknown e-mail, a wrong
 * password and a disabled person give the same answer after the same work.
 */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cache: DirectoryCache,
  ) {}

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
      throw directoryErrors.organisationRequired(await this.#named(organisationIds));
    } else {
      organisationId = organisationIds[0] ?? person.organisationId;
    }
    return {
      personId: person.id,
      organisationId,
      roles: assignments.filter((a) => a.organisationId === organisationId).map((a) => a.role),
      credentialsVersion: person.credentialsVersion,
    };
  }

  /**
   * The organisations a person may act for, by name: those where they hold a role, or their own
   * when they hold none.
   */
  async organisationsOf(personId: string): Promise<{ id: string; name: string }[]> {
    return this.cache.one(`organisations-of:${personId}`, undefined, () => this.#organisationsOf(personId));
  }

  async #organisationsOf(personId: string): Promise<{ id: string; name: string }[]> {
    const person = await this.db.reader.findOneBy(PersonEntity, { id: personId });
    if (!person) {
      return [];
    }
    const assignments = await this.db.reader.findBy(RoleAssignmentEntity, { personId });
    const ids = [...new Set(assignments.map((a) => a.organisationId))];
    return this.#named(ids.length > 0 ? ids : [person.organisationId]);
  }

  /**
   * Ends the session and answers who the person is in another of their organisations, for a new
   * session there; the move is audited in both organisations.
   */
  async switchOrganisation(actor: PersonActor, session: Session, organisationId: string): Promise<Authenticated> {
    const available = await this.organisationsOf(actor.personId);
    if (!available.some((o) => o.id === organisationId)) {
      throw directoryErrors.organisationNotAvailable();
    }
    const [person, assignments] = await Promise.all([
      this.db.reader.findOneByOrFail(PersonEntity, { id: actor.personId }),
      this.db.reader.findBy(RoleAssignmentEntity, { personId: actor.personId, organisationId }),
    ]);
    await this.db.transaction(async (tx) => {
      await this.#revoke(tx, session);
      await this.audit.record(tx, actor, {
        action: 'person.organisation_switched',
        entityType: 'person',
        entityId: actor.personId,
        before: { organisationId: session.organisationId, tokenId: session.tokenId },
        after: { organisationId },
        organisationIds: [...new Set([session.organisationId, organisationId])],
      });
    });
    return {
      personId: actor.personId,
      organisationId,
      roles: assignments.map((a) => a.role),
      credentialsVersion: person.credentialsVersion,
    };
  }

  async #named(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    const organisations = await this.db.reader
      .createQueryBuilder(OrganisationEntity, 'o')
      .where('o.id IN (:...ids)', { ids })
      .orderBy('o.name')
      .getMany();
    return organisations.map((o) => ({ id: o.id, name: o.name }));
  }

  /**
   * The actor behind a token, checked on every request with one primary-key read: a disabled
   * person, one whose credentials changed since the token was issued (a password change or
   * reset), and a token that was ended are all refused at once, and a failing database refuses
   * too. The same read gives the directory's version, so the person's roles may come from the
   * directory cache: a removed role moves that version and is gone on the next request.
   */
  async resolve(session: Session): Promise<PersonActor> {
    const rows = await this.db.reader.query<
      {
        organisation_id: string;
        disabled_at: Date | null;
        credentials_version: number;
        revoked: boolean;
        directory_version: string;
      }[]
    >(
      `SELECT p.organisation_id, p.disabled_at, p.credentials_version,
              EXISTS (SELECT 1 FROM revoked_tokens rt WHERE rt.token_id = $2) AS revoked,
              (SELECT dv.version::text FROM directory_version dv WHERE dv.id = 1) AS directory_version
       FROM people p
       WHERE p.id = $1`,
      [session.personId, session.tokenId],
    );
    const row = rows[0];
    if (!row || row.disabled_at !== null || row.revoked || row.credentials_version !== session.credentialsVersion) {
      throw directoryErrors.sessionInvalid();
    }
    this.cache.observe(row.directory_version);
    const roles = await this.cache.one(`roles:${session.personId}:${session.organisationId}`, undefined, async () =>
      (
        await this.db.reader.findBy(RoleAssignmentEntity, {
          personId: session.personId,
          organisationId: session.organisationId,
        })
      ).map((a) => a.role),
    );
    // One who no longer belongs to the organisation (no role there, and not their own) is out.
    if (roles.length === 0 && row.organisation_id !== session.organisationId) {
      throw directoryErrors.sessionInvalid();
    }
    return personActor(session.personId, session.organisationId, roles);
  }

  /**
   * Ends one token now (logging out); the person's other tokens live on. Its id is kept until
   * the token would have expired, and ids past that are cleared on the way.
   */
  async end(actor: PersonActor, session: Session): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.#revoke(tx, session);
      await this.audit.record(tx, actor, {
        action: 'person.logged_out',
        entityType: 'person',
        entityId: session.personId,
        after: { tokenId: session.tokenId },
        organisationIds: [session.organisationId],
      });
    });
  }

  /** Puts the session's token on the list of ended ones, clearing those past their expiry on the way. */
  async #revoke(tx: Tx, session: Session): Promise<void> {
    await tx.query(`DELETE FROM revoked_tokens WHERE expires_at < $1`, [this.clock.now()]);
    await tx
      .createQueryBuilder()
      .insert()
      .into(RevokedTokenEntity)
      .values({ tokenId: session.tokenId, personId: session.personId, expiresAt: session.expiresAt })
      .orIgnore()
      .execute();
  }
}
