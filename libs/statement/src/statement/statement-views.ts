import { RecipientService } from '@app/consultation';
import { DepartmentService, OrganisationService, PersonService } from '@app/directory';
import type { Reader } from '@app/platform';
import { CaseService } from '@app/registry';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { ApprovalChainService } from '../approval/approval-chain.service.js';
import { ApprovalEntity } from '../approval/approval.entity.js';
import { SubmissionEntity } from '../approval/submission.entity.js';
import { BoardDecisionEntity } from '../decision/board-decision.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { PreparationRequestEntity } from '../preparation/preparation-request.entity.js';
import type { ApprovalView, ChainStep, DecisionView, RevisionView, StatementView } from '../statement.views.js';
import { STATEMENT_STATUS_LABEL } from './statement-status.js';
import { StatementStore } from './statement-store.js';
import type { StatementEntity } from './statement.entity.js';

/** A paragraph of the minutes as it is written: `§ 12`. */
export function paragraphLabel(paragraphNumber: number): string {
  return `§ ${paragraphNumber}`;
}

/** A decision as shown, with the date of the meeting it was made at. */
export function toDecisionView(d: BoardDecisionEntity, meeting: { readonly meetingDate: string }): DecisionView {
  return {
    id: d.id,
    statementId: d.statementId,
    revisionNumber: d.revisionNumber,
    recipientId: d.recipientId,
    meetingId: d.meetingId,
    meetingDate: meeting.meetingDate,
    paragraphNumber: d.paragraphNumber,
    paragraph: paragraphLabel(d.paragraphNumber),
    decisionText: d.decisionText,
    outcome: d.outcome,
    amendedText: d.amendedText,
    reservations: d.reservations,
    memberStatements: d.memberStatements,
    confirmedImmediately: d.confirmedImmediately,
    confirmationDate: d.confirmationDate,
    confirmed: d.confirmedAt !== null,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt.toISOString(),
  };
}

/** Builds the full view of a statement: its current revision, chain, approvals, schedule and decision. */
@Injectable()
export class StatementViews {
  constructor(
    private readonly store: StatementStore,
    private readonly chains: ApprovalChainService,
    private readonly meetings: MeetingService,
    private readonly cases: CaseService,
    private readonly recipients: RecipientService,
    private readonly people: PersonService,
    private readonly departments: DepartmentService,
    private readonly organisations: OrganisationService,
  ) {}

  async build(manager: Reader, statement: StatementEntity): Promise<StatementView> {
    const { row, parts } = await this.store.revision(manager, statement.id, statement.currentRevision);
    const revision: RevisionView = {
      number: row.number,
      parts,
      contentHash: row.contentHash,
      authorId: row.authorId,
      savedAt: row.createdAt.toISOString(),
    };
    const submission = await manager.findOne(SubmissionEntity, {
      where: { statementId: statement.id, status: In(['open', 'approved']) },
      order: { submittedAt: 'DESC' },
    });
    const chain: ChainStep[] = submission
      ? submission.chain
      : await this.chains.chainFor(statement.organisationId, manager);
    const approvals = submission ? await this.approvals(manager, submission) : [];
    const approvedSteps = new Set(approvals.filter((a) => a.decision === 'approved').map((a) => a.step));
    const nextStep = submission?.status === 'open' ? (chain.find((s) => !approvedSteps.has(s.step)) ?? null) : null;
    // One query at a time: the manager may be a transaction's, which runs one query at once.
    const owner = await this.cases.findById(statement.caseId, manager);
    const context = statement.recipientId
      ? await this.recipients.contextFor(statement.recipientId, manager)
      : undefined;
    const decision = await manager.findOne(BoardDecisionEntity, {
      where: { statementId: statement.id },
      order: { recordedAt: 'DESC' },
    });
    const meetingId = statement.meetingId ?? parts.meetingId;
    // The decision's meeting and the statement's, in one read.
    const meetings = new Map(
      (
        await this.meetings.findByIds(
          [decision?.meetingId, meetingId].filter((id): id is string => typeof id === 'string'),
          manager,
        )
      ).map((m) => [m.id, m]),
    );
    const decisionMeeting = decision ? meetings.get(decision.meetingId) : undefined;
    const meeting = meetingId ? (meetings.get(meetingId) ?? null) : null;
    const consulted = await this.consulted(manager, statement.id, parts.preparation.consultedDepartmentIds);
    const organisation = await this.organisations.findById(statement.organisationId, manager);
    const administration = organisation?.administrationName ?? organisation?.name ?? '';
    const signatories =
      submission?.status === 'approved'
        ? [...approvals]
            .filter((a) => a.decision === 'approved')
            .sort((a, b) => b.step - a.step)
            .map((a) => ({
              name: a.approver.name,
              title: a.approver.title,
              organisation: administration,
              onBehalfOf: a.onBehalfOf,
            }))
        : [];
    return {
      id: statement.id,
      organisationId: statement.organisationId,
      caseId: statement.caseId,
      diaryNumber: owner?.diaryNumber ?? '',
      recipientId: statement.recipientId,
      status: statement.status,
      statusLabel: STATEMENT_STATUS_LABEL[statement.status],
      currentRevision: statement.currentRevision,
      approvedRevision: statement.approvedRevision,
      revision,
      chain,
      approvals,
      nextStep,
      signatories,
      remissSections: (context?.sections ?? []).map((s) => ({ id: s.id, position: s.position, title: s.title })),
      schedule: context
        ? await this.meetings.schedule(statement.organisationId, context.recipient.responseDeadline, manager)
        : null,
      meeting,
      decision: decision && decisionMeeting ? toDecisionView(decision, decisionMeeting) : null,
      consultedDepartments: consulted,
    };
  }

  async approvals(manager: Reader, submission: SubmissionEntity): Promise<ApprovalView[]> {
    const rows = await manager.find(ApprovalEntity, {
      where: { submissionId: submission.id },
      order: { step: 'ASC', decidedAt: 'ASC' },
    });
    const roleOf = new Map(submission.chain.map((s) => [s.step, s.role]));
    const people = await this.people.findByIds(
      rows.flatMap((r) => [r.approverId, ...(r.onBehalfOfId ? [r.onBehalfOfId] : [])]),
      manager,
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    return rows.map((r) => ({
      step: r.step,
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- an approval takes a step of its submission's chain
      role: roleOf.get(r.step)!,
      approver: {
        id: r.approverId,
        name: byId.get(r.approverId)?.name ?? '',
        title: byId.get(r.approverId)?.title ?? null,
      },
      onBehalfOf: r.onBehalfOfId
        ? {
            id: r.onBehalfOfId,
            name: byId.get(r.onBehalfOfId)?.name ?? '',
            title: byId.get(r.onBehalfOfId)?.title ?? null,
          }
        : null,
      decision: r.decision,
      comment: r.comment,
      decidedAt: r.decidedAt.toISOString(),
      revisionNumber: r.revisionNumber,
    }));
  }

  /** The departments consulted: named in the preparation part, or asked through the preparation. */
  async consulted(
    manager: Reader,
    statementId: string,
    named: readonly string[],
  ): Promise<{ id: string; name: string }[]> {
    const asked = await manager.find(PreparationRequestEntity, { where: { statementId } });
    const ids = [...new Set([...named, ...asked.map((a) => a.departmentId)])];
    const departments = await this.departments.findByIds(ids, manager);
    return departments.map((d) => ({ id: d.id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }
}
