import { DepartmentService, PersonService } from '@app/directory';
import { NotificationService } from '@app/notification';
import {
  type Actor,
  AuditService,
  Clock,
  Db,
  isIsoDate,
  notFoundAs,
  requirePerson,
  requireRole,
  Role,
} from '@app/platform';
import { CaseService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { FROZEN, STATEMENT_STATUS_LABEL } from '../statement/statement-status.js';
import { StatementStore } from '../statement/statement-store.js';
import { statementErrors } from '../statement.errors.js';
import type { PreparationRequestView } from '../statement.views.js';
import { PreparationRequestEntity } from './preparation-request.entity.js';

/**
 * The preparation (beredning): the case officer asks other departments for input; their answers
 * are kept with the statement, and the departments asked count as consulted.
 */
@Injectable()
export class PreparationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: StatementStore,
    private readonly departments: DepartmentService,
    private readonly people: PersonService,
    private readonly notifications: NotificationService,
    private readonly cases: CaseService,
  ) {}

  async ask(
    actor: Actor,
    statementId: string,
    input: { departmentId: string; question: string; deadline: string },
  ): Promise<PreparationRequestView> {
    requireRole(actor, Role.CaseOfficer);
    requirePerson(actor);
    if (!isIsoDate(input.deadline)) {
      throw statementErrors.dateInvalid('deadline');
    }
    return this.db.transaction(async (tx) => {
      const statement = await this.store.loadForWriting(tx, actor, statementId);
      if (FROZEN.has(statement.status)) {
        // The preparation part of an approved text is what the approvers signed.
        throw statementErrors.frozen(STATEMENT_STATUS_LABEL[statement.status]);
      }
      const department = await this.departments.findById(input.departmentId, tx);
      if (department?.organisationId !== statement.organisationId) {
        throw statementErrors.departmentUnknown();
      }
      const saved = await tx.save(
        tx.create(PreparationRequestEntity, {
          statementId,
          departmentId: department.id,
          question: input.question.trim(),
          deadline: input.deadline,
          askedBy: actor.personId,
          askedAt: this.clock.now(),
          answer: null,
          answeredBy: null,
          answeredAt: null,
        }),
      );
      const heads = (await this.people.holdersOf(statement.organisationId, Role.HeadOfDepartment, tx)).filter(
        (p) => p.departmentId === department.id,
      );
      const question = `${input.question.trim()} Svar senast ${input.deadline}.`;
      // A department without a head still gets its question; the registrars see that it has
      // nobody to receive it and can appoint one or pass it on.
      await this.notifications.post(tx, {
        sourceKey: `preparation-asked:${saved.id}`,
        organisationId: statement.organisationId,
        kind: 'preparation_requested',
        diaryNumber: (await this.cases.findById(statement.caseId, tx))?.diaryNumber ?? null,
        link: { type: 'preparation_request', id: saved.id },
        ...(heads.length > 0
          ? {
              audience: { personIds: heads.map((p) => p.id) },
              title: `Beredningsfråga till ${department.name}`,
              body: question,
            }
          : {
              audience: { roles: [Role.Registrar] },
              title: `Beredningsfråga till ${department.name}, som saknar avdelningschef`,
              body: `${department.name} har ingen avdelningschef som kan ta emot frågan. Utse en avdelningschef eller lämna frågan vidare till avdelningen: ${question}`,
            }),
      });
      await this.audit.record(tx, actor, {
        action: 'preparation.asked',
        entityType: 'preparation_request',
        entityId: saved.id,
        after: { statementId, departmentId: department.id, question: saved.question, deadline: saved.deadline },
        organisationIds: [statement.organisationId],
      });
      return this.#view(saved, department.name);
    });
  }

  /** Someone in the asked department answers. */
  async answer(actor: Actor, requestId: string, answer: string): Promise<PreparationRequestView> {
    requirePerson(actor);
    return this.db.transaction(async (tx) => {
      const request = await tx.findOne(PreparationRequestEntity, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) {
        throw statementErrors.preparationNotFound();
      }
      await this.store.load(tx, actor, request.statementId).catch(notFoundAs(statementErrors.preparationNotFound));
      if (request.answeredAt) {
        throw statementErrors.preparationAnswered();
      }
      const me = await this.people.findById(actor.personId, tx);
      if (me?.departmentId !== request.departmentId) {
        throw statementErrors.notInDepartment();
      }
      Object.assign(request, { answer: answer.trim(), answeredBy: actor.personId, answeredAt: this.clock.now() });
      await tx.save(request);
      await this.notifications.post(tx, {
        sourceKey: `preparation-answered:${request.id}`,
        organisationId: actor.organisationId,
        audience: { personIds: [request.askedBy] },
        kind: 'preparation_answered',
        title: 'Svar på beredningsfråga',
        body: answer.trim().slice(0, 500),
        link: { type: 'statement', id: request.statementId },
      });
      await this.audit.record(tx, actor, {
        action: 'preparation.answered',
        entityType: 'preparation_request',
        entityId: request.id,
        before: { answered: false },
        after: { answered: true, answer: request.answer },
        organisationIds: [actor.organisationId],
      });
      const department = await this.departments.findById(request.departmentId, tx);
      return this.#view(request, department?.name ?? '');
    });
  }

  async list(actor: Actor, statementId: string): Promise<PreparationRequestView[]> {
    await this.store.load(this.db.reader, actor, statementId);
    const rows = await this.db.reader.find(PreparationRequestEntity, {
      where: { statementId },
      order: { askedAt: 'ASC' },
    });
    const names = new Map(
      (await this.departments.findByIds(rows.map((r) => r.departmentId))).map((d) => [d.id, d.name]),
    );
    return rows.map((r) => this.#view(r, names.get(r.departmentId) ?? ''));
  }

  #view(r: PreparationRequestEntity, departmentName: string): PreparationRequestView {
    return {
      id: r.id,
      statementId: r.statementId,
      department: { id: r.departmentId, name: departmentName },
      question: r.question,
      deadline: r.deadline,
      askedBy: r.askedBy,
      askedAt: r.askedAt.toISOString(),
      answer: r.answer,
      answeredBy: r.answeredBy,
      answeredAt: r.answeredAt?.toISOString() ?? null,
    };
  }
}
