import { PersonService } from '@app/directory';
import { type Actor, AuditService, Db, localDate, type Reader, requirePerson, requireRole, Role } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';

import { statementErrors } from '../statement.errors.js';
import type { ChainStep } from '../statement.views.js';
import { ApprovalChainStepEntity } from './approval-chain-step.entity.js';
import { SubstituteEntity } from './substitute.entity.js';

/** The chain when an organisation has configured none: head of the officer's department, then the director. */
export const DEFAULT_CHAIN: readonly [ChainStep, ...ChainStep[]] = [
  { step: 1, role: Role.HeadOfDepartment, sameDepartment: true },
  { step: 2, role: Role.Director, sameDepartment: false },
];

/** Someone who may take a step: in their own right, or as a substitute for the person named. */
export interface Qualification {
  readonly onBehalfOf: string | null;
}

/** The organisation's approval chain, and who may take each step. */
@Injectable()
export class ApprovalChainService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly people: PersonService,
  ) {}

  /** The organisation's chain, or the default one: never without a step. */
  async chainFor(organisationId: string, reader?: Reader): Promise<[ChainStep, ...ChainStep[]]> {
    const rows = await (reader ?? this.db.reader).find(ApprovalChainStepEntity, {
      where: { organisationId },
      order: { position: 'ASC' },
    });
    const [first, ...rest] = rows.map((r) => ({ step: r.position, role: r.role, sameDepartment: r.sameDepartment }));
    return first ? [first, ...rest] : [...DEFAULT_CHAIN];
  }

  async get(actor: Actor): Promise<ChainStep[]> {
    return actor.kind === 'person' ? this.chainFor(actor.organisationId) : [];
  }

  /** Administrators set the chain: ordered steps, each a role and whether it must be the officer's own department. */
  async set(actor: Actor, steps: readonly { role: Role; sameDepartment: boolean }[]): Promise<ChainStep[]> {
    requireRole(actor, Role.Administrator);
    requirePerson(actor);
    if (steps.length === 0 || steps.length > 6) {
      throw statementErrors.chainInvalid('Kedjan behöver 1–6 steg.');
    }
    if (steps.some((s) => s.role === Role.CaseOfficer)) {
      throw statementErrors.chainInvalid('Handläggare kan inte vara ett godkännandesteg.');
    }
    return this.db.transaction(async (tx) => {
      const before = await this.chainFor(actor.organisationId, tx);
      await tx.delete(ApprovalChainStepEntity, { organisationId: actor.organisationId });
      await tx.insert(
        ApprovalChainStepEntity,
        steps.map((s, i) => ({
          organisationId: actor.organisationId,
          position: i + 1,
          role: s.role,
          sameDepartment: s.sameDepartment,
        })),
      );
      const after = await this.chainFor(actor.organisationId, tx);
      await this.audit.record(tx, actor, {
        action: 'approval_chain.set',
        entityType: 'approval_chain',
        entityId: actor.organisationId,
        before,
        after,
        organisationIds: [actor.organisationId],
      });
      return after;
    });
  }

  /**
   * Whether `personId` may take `step` for a statement whose officer works in
   * `officerDepartmentId`: holding the role (in that department when the step asks), or
   * substituting today for someone who does.
   */
  async qualification(
    reader: Reader,
    organisationId: string,
    personId: string,
    step: ChainStep,
    officerDepartmentId: string | null,
    today: Date,
  ): Promise<Qualification | undefined> {
    if (await this.#holds(reader, organisationId, personId, step, officerDepartmentId)) {
      return { onBehalfOf: null };
    }
    const date = localDate(today);
    const substitutions = await reader.find(SubstituteEntity, {
      where: {
        organisationId,
        substituteId: personId,
        validFrom: LessThanOrEqual(date),
        validTo: MoreThanOrEqual(date),
        revokedAt: IsNull(),
      },
    });
    for (const s of substitutions) {
      if (await this.#holds(reader, organisationId, s.personId, step, officerDepartmentId)) {
        return { onBehalfOf: s.personId };
      }
    }
    return undefined;
  }

  async #holds(
    reader: Reader,
    organisationId: string,
    personId: string,
    step: ChainStep,
    officerDepartmentId: string | null,
  ): Promise<boolean> {
    const person = await this.people.findById(personId, reader);
    if (
      !person ||
      person.disabled ||
      !person.roles.some((r) => r.organisationId === organisationId && r.role === step.role)
    ) {
      return false;
    }
    return !step.sameDepartment || (officerDepartmentId !== null && person.departmentId === officerDepartmentId);
  }
}
