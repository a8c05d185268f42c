import { OrganisationService, PersonService } from '@app/directory';
import { Clock, Db, localDate, mustExist, type Reader } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { consultationErrors } from '../consultation.errors.js';
import type { RecipientView } from '../consultation.views.js';
import { ConsultationRecipientEntity } from './consultation-recipient.entity.js';
import { ExtensionRequestEntity } from './extension-request.entity.js';
import { FINAL_STATES, RECIPIENT_STATE_LABEL } from './recipient-state.js';

/** Turns recipient rows into views, fetching names and pending extension requests in one go. */
@Injectable()
export class RecipientViews {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly organisations: OrganisationService,
    private readonly people: PersonService,
  ) {}

  today(): string {
    return localDate(this.clock.now());
  }

  async one(row: ConsultationRecipientEntity, reader?: Reader): Promise<RecipientView> {
    const [view] = await this.many([row], reader);
    return mustExist(view, consultationErrors.recipientNotFound);
  }

  async many(rows: readonly ConsultationRecipientEntity[], reader?: Reader): Promise<RecipientView[]> {
    if (rows.length === 0) {
      return [];
    }
    const manager = reader ?? this.db.reader;
    // One query at a time: the manager may be a transaction's, which runs one query at once.
    const organisations = await this.organisations.findByIds(
      rows.map((r) => r.organisationId).filter((id): id is string => id !== null),
      reader,
    );
    const people = await this.people.findByIds(
      rows.map((r) => r.assignedPersonId).filter((id): id is string => id !== null),
      reader,
    );
    const pending = await manager.findBy(ExtensionRequestEntity, {
      recipientId: In(rows.map((r) => r.id)),
      status: 'pending',
    });
    const orgName = new Map(organisations.map((o) => [o.id, o.name]));
    const personName = new Map(people.map((p) => [p.id, p.name]));
    const pendingBy = new Map(pending.map((p) => [p.recipientId, p]));
    const today = this.today();
    return rows.map((r) => {
      const extension = pendingBy.get(r.id);
      return {
        id: r.id,
        consultationId: r.consultationId,
        organisationId: r.organisationId,
        name: r.organisationId ? (orgName.get(r.organisationId) ?? '') : (r.externalName ?? ''),
        external: r.organisationId === null,
        email: r.externalEmail,
        state: r.state,
        stateLabel: RECIPIENT_STATE_LABEL[r.state],
        responseDeadline: r.responseDeadline,
        overdue: !FINAL_STATES.has(r.state) && r.responseDeadline < today,
        diaryNumber: r.diaryNumber,
        assignedPerson: r.assignedPersonId
          ? { id: r.assignedPersonId, name: personName.get(r.assignedPersonId) ?? '' }
          : null,
        assignedDepartmentId: r.assignedDepartmentId,
        answeredAt: r.answeredAt?.toISOString() ?? null,
        declinedAt: r.declinedAt?.toISOString() ?? null,
        declineReason: r.declineReason,
        declineDecision: r.declineDecisionId
          ? { by: 'board', decisionId: r.declineDecisionId }
          : r.declinedByPersonId
            ? {
                by: 'administration',
                person: { id: r.declinedByPersonId, name: r.declinedByName ?? '', title: r.declinedByTitle },
              }
            : null,
        pendingExtension: extension
          ? { id: extension.id, requestedDeadline: extension.requestedDeadline, reason: extension.reason }
          : null,
      };
    });
  }
}
