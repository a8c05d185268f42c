import {
  type Actor,
  AuditService,
  Db,
  JobName,
  OutboxService,
  type Reader,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';

import { directoryErrors } from '../directory.errors.js';
import type { RoleHeld } from '../directory.views.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { PersonEntity } from '../person/person.entity.js';
import { RoleAssignmentEntity } from './role-assignment.entity.js';

export interface RoleGrant {
  readonly id: string;
  readonly personId: string;
  readonly organisationId: string;
  readonly role: Role;
}

/** Who holds which role where. Granting a role tells the person through the notification inbox. */
@Injectable()
export class RoleService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly organisations: OrganisationService,
  ) {}

  /** Grants `role` in `organisationId` (the actor's own organisation when left out). Granting twice is a no-op. */
  async grant(actor: Actor, personId: string, role: Role, organisationId?: string): Promise<RoleHeld> {
    requireRole(actor, Role.Administrator);
    const orgId = organisationId ?? (actor.kind === 'person' ? actor.organisationId : undefined);
    if (!orgId) {
      throw directoryErrors.organisationNotFound();
    }
    return this.db.transaction(async (tx) => {
      if (
        !(await this.organisations.administers(actor, orgId, tx)) ||
        !(await this.organisations.findById(orgId, tx))
      ) {
        throw directoryErrors.organisationNotFound();
      }
      const person = await tx.findOneBy(PersonEntity, { id: personId });
      if (!person || !(await this.#visibleTo(tx, actor, person))) {
        throw directoryErrors.personNotFound();
      }
      const existing = await tx.findOneBy(RoleAssignmentEntity, { personId, organisationId: orgId, role });
      if (existing) {
        return { id: existing.id, organisationId: existing.organisationId, role: existing.role };
      }
      const saved = await tx.save(tx.create(RoleAssignmentEntity, { personId, organisationId: orgId, role }));
      await this.audit.record(tx, actor, {
        action: 'role.granted',
        entityType: 'role_assignment',
        entityId: saved.id,
        after: { personId, organisationId: orgId, role },
        organisationIds: [orgId],
      });
      await this.outbox.add(tx, JobName.RoleGranted, { roleAssignmentId: saved.id });
      return { id: saved.id, organisationId: orgId, role };
    });
  }

  /** Revokes a role assignment (of `personId`, when given). */
  async revoke(actor: Actor, roleAssignmentId: string, personId?: string): Promise<void> {
    requireRole(actor, Role.Administrator);
    await this.db.transaction(async (tx) => {
      const assignment = await tx.findOne(RoleAssignmentEntity, {
        where: { id: roleAssignmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (
        !assignment ||
        (personId !== undefined && assignment.personId !== personId) ||
        !(await this.organisations.administers(actor, assignment.organisationId, tx))
      ) {
        throw directoryErrors.roleNotFound();
      }
      if (
        assignment.role === Role.Administrator &&
        !(await this.hasOtherActiveAdministrator(tx, assignment.organisationId, assignment.personId))
      ) {
        throw directoryErrors.lastAdministrator();
      }
      await tx.delete(RoleAssignmentEntity, { id: assignment.id });
      await this.audit.record(tx, actor, {
        action: 'role.revoked',
        entityType: 'role_assignment',
        entityId: assignment.id,
        before: { personId: assignment.personId, organisationId: assignment.organisationId, role: assignment.role },
        organisationIds: [assignment.organisationId],
      });
    });
  }

  /**
   * True when the organisation has an active administrator besides the person. Locks the
   * organisation's administrator roles first, so two changes at once (revoking, disabling) cannot
   * remove the last two together.
   */
  async hasOtherActiveAdministrator(tx: Tx, organisationId: string, personId: string): Promise<boolean> {
    await tx.find(RoleAssignmentEntity, {
      where: { organisationId, role: Role.Administrator },
      lock: { mode: 'pessimistic_write' },
    });
    return tx
      .createQueryBuilder(RoleAssignmentEntity, 'ra')
      .innerJoin(PersonEntity, 'p', 'p.id = ra.person_id')
      .where('ra.organisation_id = :organisationId AND ra.role = :role', { organisationId, role: Role.Administrator })
      .andWhere('ra.person_id <> :personId AND p.disabled_at IS NULL', { personId })
      .getExists();
  }

  /** For the worker: the grant a RoleGranted job names, if it still exists. */
  async findGrant(roleAssignmentId: string, reader?: Reader): Promise<RoleGrant | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(RoleAssignmentEntity, { id: roleAssignmentId });
    return row ? { id: row.id, personId: row.personId, organisationId: row.organisationId, role: row.role } : undefined;
  }

  /** The roles a person holds in one organisation. */
  async rolesIn(personId: string, organisationId: string, reader?: Reader): Promise<Role[]> {
    const rows = await (reader ?? this.db.reader).findBy(RoleAssignmentEntity, { personId, organisationId });
    return rows.map((r) => r.role);
  }

  async #visibleTo(tx: Tx, actor: Actor, person: PersonEntity): Promise<boolean> {
    return (
      actor.kind === 'system' ||
      this.organisations.administers(actor, person.organisationId, tx) ||
      person.organisationId === actor.organisationId
    );
  }
}
