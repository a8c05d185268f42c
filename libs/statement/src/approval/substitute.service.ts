import { PersonService } from '@app/directory';
import {
  type Actor,
  AuditService,
  Clock,
  Db,
  hasRole,
  isIsoDate,
  localDate,
  type PersonActor,
  requirePerson,
  Role,
} from '@app/platform';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { statementErrors } from '../statement.errors.js';
import type { SubstituteView } from '../statement.views.js';
import { SubstituteEntity } from './substitute.entity.js';

/**
 * A person names a substitute (ersättare) who takes their approval steps for a period; the
 * organisation's administrator may name one for anyone of the organisation (someone fallen ill).
 */
@Injectable()
export class SubstituteService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly people: PersonService,
  ) {}

  async name(
    actor: Actor,
    input: { substituteId: string; validFrom: string; validTo: string; personId?: string },
  ): Promise<SubstituteView> {
    requirePerson(actor);
    const personId = await this.#substituted(actor, input.personId);
    if (!isIsoDate(input.validFrom) || !isIsoDate(input.validTo) || input.validTo < input.validFrom) {
      throw statementErrors.substituteInvalid('Perioden måste ha ett giltigt från- och tilldatum, i den ordningen.');
    }
    if (input.validTo < localDate(this.clock.now())) {
      throw statementErrors.substituteInvalid('Perioden har redan passerat.');
    }
    if (input.substituteId === personId) {
      throw statementErrors.substituteInvalid(
        personId === actor.personId ? 'Du kan inte vara din egen ersättare.' : 'Ingen kan vara sin egen ersättare.',
      );
    }
    const substitute = await this.people.findById(input.substituteId);
    const belongs =
      substitute &&
      (substitute.organisationId === actor.organisationId ||
        substitute.roles.some((r) => r.organisationId === actor.organisationId));
    if (!substitute || substitute.disabled || !belongs) {
      throw statementErrors.substituteInvalid('Ersättaren finns inte i din organisation.');
    }
    return this.db.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(SubstituteEntity, {
          organisationId: actor.organisationId,
          personId,
          substituteId: input.substituteId,
          validFrom: input.validFrom,
          validTo: input.validTo,
          revokedAt: null,
        }),
      );
      await this.audit.record(tx, actor, {
        action: 'substitute.named',
        entityType: 'substitute',
        entityId: saved.id,
        after: {
          personId,
          substituteId: input.substituteId,
          validFrom: input.validFrom,
          validTo: input.validTo,
        },
        organisationIds: [actor.organisationId],
      });
      return {
        id: saved.id,
        personId: saved.personId,
        substitute: { id: substitute.id, name: substitute.name },
        validFrom: saved.validFrom,
        validTo: saved.validTo,
        revoked: false,
      };
    });
  }

  /**
   * Whose substitute is named: the actor's own, or (for the organisation's administrator) the
   * person given, who must belong to the organisation (employed there or holding a role in it).
   */
  async #substituted(actor: PersonActor, personId: string | undefined): Promise<string> {
    if (personId === undefined || personId === actor.personId) {
      return actor.personId;
    }
    if (!hasRole(actor, Role.Administrator)) {
      throw statementErrors.substituteForOthersForbidden();
    }
    const person = await this.people.findById(personId);
    if (
      !person ||
      (person.organisationId !== actor.organisationId &&
        !person.roles.some((r) => r.organisationId === actor.organisationId))
    ) {
      throw statementErrors.substitutedPersonNotFound();
    }
    return person.id;
  }

  /** The substitutes of the actor, or (for the organisation's administrator) of the person given. */
  async mine(actor: Actor, personId?: string): Promise<SubstituteView[]> {
    if (actor.kind !== 'person') {
      return [];
    }
    const rows = await this.db.reader.find(SubstituteEntity, {
      where: { organisationId: actor.organisationId, personId: await this.#substituted(actor, personId) },
      order: { validFrom: 'DESC' },
    });
    const names = new Map((await this.people.findByIds(rows.map((r) => r.substituteId))).map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      substitute: { id: r.substituteId, name: names.get(r.substituteId) ?? '' },
      validFrom: r.validFrom,
      validTo: r.validTo,
      revoked: r.revokedAt !== null,
    }));
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    if (actor.kind !== 'person') {
      return;
    }
    await this.db.transaction(async (tx) => {
      // The organisation's administrator revokes anyone's substitute there; others only their own.
      const row = await tx.findOne(SubstituteEntity, {
        where: hasRole(actor, Role.Administrator)
          ? { id, organisationId: actor.organisationId, revokedAt: IsNull() }
          : { id, personId: actor.personId, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) {
        throw statementErrors.substituteNotFound();
      }
      row.revokedAt = this.clock.now();
      await tx.save(row);
      await this.audit.record(tx, actor, {
        action: 'substitute.revoked',
        entityType: 'substitute',
        entityId: id,
        before: { revoked: false },
        after: { revoked: true },
        organisationIds: [row.organisationId],
      });
    });
  }
}
