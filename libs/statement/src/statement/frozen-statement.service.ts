import { RecipientService } from '@app/consultation';
import { DepartmentService, OrganisationService, PersonService } from '@app/directory';
import { Db, type Tx } from '@app/platform';
import { CaseService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { ApprovalEntity } from '../approval/approval.entity.js';
import { SubmissionEntity } from '../approval/submission.entity.js';
import { BoardDecisionEntity } from '../decision/board-decision.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { statementErrors } from '../statement.errors.js';
import type { DecisionView, StatementParts } from '../statement.views.js';
import { StatementStore } from './statement-store.js';
import { toDecisionView } from './statement-views.js';
import { StatementEntity } from './statement.entity.js';

/** Everything a document needs about a frozen revision, gathered once. */
export interface FrozenStatement {
  readonly statementId: string;
  readonly organisationId: string;
  readonly caseId: string;
  readonly diaryNumber: string;
  readonly recipientId: string | null;
  readonly revision: number;
  readonly parts: StatementParts;
  /** In chain order. */
  readonly approvals: readonly {
    readonly step: number;
    readonly name: string;
    readonly title: string;
    readonly approvedAt: Date;
  }[];
  /** As printed: the last approver first. */
  readonly signatories: readonly { readonly name: string; readonly title: string; readonly organisation: string }[];
  readonly officer: {
    readonly name: string;
    readonly phone: string;
    readonly departmentName: string | null;
    readonly departmentEmail: string | null;
  };
  readonly meetingDate: string | null;
  readonly remissSections: readonly { readonly id: string; readonly title: string }[];
  readonly senderName: string | null;
  readonly attachmentTitles: readonly string[];
  /** When the last step approved: the revision's moment of freezing. */
  readonly approvedAt: Date;
}

export interface DecidedStatement {
  readonly decision: DecisionView;
  readonly statement: FrozenStatement;
  readonly boardName: string;
  readonly registrar: { readonly name: string; readonly title: string };
}

/** Reads a frozen revision and its decision the way the documents print them. */
@Injectable()
export class FrozenStatementService {
  constructor(
    private readonly db: Db,
    private readonly store: StatementStore,
    private readonly cases: CaseService,
    private readonly recipients: RecipientService,
    private readonly people: PersonService,
    private readonly departments: DepartmentService,
    private readonly organisations: OrganisationService,
    private readonly meetings: MeetingService,
  ) {}

  async frozen(statementId: string, revision: number, tx?: Tx): Promise<FrozenStatement> {
    const manager = tx ?? this.db.reader;
    const statement = await manager.findOneBy(StatementEntity, { id: statementId });
    if (!statement) {
      throw statementErrors.notFound();
    }
    const { parts } = await this.store.revision(manager, statementId, revision);
    const submission = await manager.findOneBy(SubmissionEntity, {
      statementId,
      revisionNumber: revision,
      status: 'approved',
    });
    if (!submission) {
      throw statementErrors.notApproved();
    }
    const rows = await manager.find(ApprovalEntity, {
      where: { submissionId: submission.id, decision: 'approved' },
      order: { step: 'ASC' },
    });
    const people = await this.people.contacts([...rows.map((r) => r.approverId), parts.officerId], tx);
    const organisation = await this.organisations.findById(statement.organisationId, tx);
    const administration = organisation?.administrationName ?? organisation?.name ?? '';
    const approvals = rows.map((r) => {
      const p = people.find((x) => x.id === r.approverId);
      return { step: r.step, name: p?.name ?? '', title: p?.title ?? '', approvedAt: r.decidedAt };
    });
    const officer = people.find((p) => p.id === parts.officerId);
    const department = officer?.departmentId ? await this.departments.findById(officer.departmentId, tx) : undefined;
    const owner = await this.cases.findById(statement.caseId, tx);
    const context = statement.recipientId ? await this.recipients.contextFor(statement.recipientId, tx) : undefined;
    const meeting = parts.meetingId ? await this.meetings.findById(parts.meetingId, tx) : undefined;
    return {
      statementId,
      organisationId: statement.organisationId,
      caseId: statement.caseId,
      diaryNumber: owner?.diaryNumber ?? '',
      recipientId: statement.recipientId,
      revision,
      parts,
      approvals,
      signatories: [...approvals]
        .reverse()
        .map((a) => ({ name: a.name, title: a.title, organisation: administration })),
      officer: {
        name: officer?.name ?? '',
        phone: officer?.phone ?? '',
        departmentName: department?.name ?? null,
        departmentEmail: department?.contactEmail ?? null,
      },
      meetingDate: meeting?.meetingDate ?? null,
      remissSections: (context?.sections ?? []).map((s) => ({ id: s.id, title: s.title })),
      senderName: context?.senderName ?? null,
      attachmentTitles: parts.attachments.map((a) => a.title),
      approvedAt: approvals.length ? approvals[approvals.length - 1]!.approvedAt : submission.submittedAt,
    };
  }

  async decided(decisionId: string, tx?: Tx): Promise<DecidedStatement> {
    const manager = tx ?? this.db.reader;
    const decision = await manager.findOneBy(BoardDecisionEntity, { id: decisionId });
    if (!decision) {
      throw statementErrors.decisionNotFound();
    }
    const statement = await this.frozen(decision.statementId, decision.revisionNumber, tx);
    const organisation = await this.organisations.findById(statement.organisationId, tx);
    const registrar = await this.people.findById(decision.recordedBy, tx);
    return {
      decision: toDecisionView(decision),
      statement,
      boardName: organisation?.name ?? '',
      registrar: { name: registrar?.name ?? '', title: registrar?.title ?? 'registrator' },
    };
  }
}
