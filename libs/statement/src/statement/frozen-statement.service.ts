import { RecipientService } from '@app/consultation';
import { DepartmentService, OrganisationService, PersonService } from '@app/directory';
import { Db, mustFind, type Reader } from '@app/platform';
import { CaseService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { BoardDecisionEntity } from '../decision/board-decision.entity.js';
import { BoardMeetingEntity } from '../meeting/board-meeting.entity.js';
import { statementErrors } from '../statement.errors.js';
import type { DecisionView, StatementParts } from '../statement.views.js';
import { StatementStore } from './statement-store.js';
import { toDecisionView } from './statement-views.js';

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
    /** When a substitute (ersättare) approved: the person they stood in for, with title. */
    readonly onBehalfOf: { readonly name: string; readonly title: string } | null;
    readonly approvedAt: Date;
  }[];
  /** As printed: the last approver first. */
  readonly signatories: readonly {
    readonly name: string;
    readonly title: string;
    readonly organisation: string;
    readonly onBehalfOf: { readonly name: string; readonly title: string } | null;
  }[];
  readonly officer: {
    readonly name: string;
    readonly phone: string;
    readonly departmentName: string | null;
    readonly departmentEmail: string | null;
  };
  readonly meetingDate: string | null;
  readonly remissSections: readonly { readonly id: string; readonly title: string }[];
  readonly senderName: string | null;
  /** The sender's postal address lines (a sender outside the directory's). */
  readonly senderAddress: readonly string[];
  /** The sender's reference, "Er referens" on the yttrande. */
  readonly senderReference: string | null;
  readonly attachmentTitles: readonly string[];
  /** When the last step approved: the revision's moment of freezing (for a draft, when it was saved). */
  readonly approvedAt: Date;
}

/** A decision of the board with what its documents print about it. */
export interface BoardDecisionFacts {
  readonly decision: DecisionView;
  readonly boardName: string;
  /** The registrar who recorded it from the minutes. */
  readonly registrar: { readonly name: string; readonly title: string };
  readonly recordedAt: Date;
  readonly confirmedAt: Date | null;
}

export interface DecidedStatement extends BoardDecisionFacts {
  readonly statement: FrozenStatement;
}

/** The frozen revision's place in this library's tables, as the look-up in `frozen` reads it. */
interface FrozenRow {
  readonly organisation_id: string;
  readonly case_id: string;
  readonly recipient_id: string | null;
  readonly revision_id: string | null;
  readonly submission_id: string | null;
  readonly submitted_at: Date | null;
  readonly approvals: readonly {
    step: number;
    approverId: string;
    onBehalfOfId: string | null;
    approvedAt: string;
  }[];
  readonly meeting_date: string | null;
  readonly saved_at: Date | null;
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
  ) {}

  /**
   * A frozen revision as printed. The meeting is the one named, when the statement was moved to
   * another meeting after approval; the one the revision was approved for otherwise.
   */
  async frozen(
    statementId: string,
    revision: number,
    reader?: Reader,
    meetingId?: string | null,
  ): Promise<FrozenStatement> {
    return this.#read(statementId, revision, { approved: true, meetingId: meetingId ?? null }, reader);
  }

  /**
   * A revision as it would print, approved or not: for the draft preview. Approvals and
   * signatories are those of an approved submission of the revision, none before.
   */
  async draft(statementId: string, revision: number, reader?: Reader): Promise<FrozenStatement> {
    return this.#read(statementId, revision, { approved: false, meetingId: null }, reader);
  }

  async #read(
    statementId: string,
    revision: number,
    options: { readonly approved: boolean; readonly meetingId: string | null },
    reader?: Reader,
  ): Promise<FrozenStatement> {
    const manager = reader ?? this.db.reader;
    // The statement, revision, approved submission, approvals and meeting in one statement (the
    // worker runs this for every document); the directory and the registry answer for their own.
    const [row] = await manager.query<FrozenRow[]>(
      `SELECT s.organisation_id, s.case_id, s.recipient_id, r.id AS revision_id,
              sub.id AS submission_id, sub.submitted_at,
              COALESCE((SELECT json_agg(json_build_object('step', a.step, 'approverId', a.approver_id,
                                                          'onBehalfOfId', a.on_behalf_of_id,
                                                          'approvedAt', a.decided_at) ORDER BY a.step)
                        FROM statement_approvals a
                        WHERE a.submission_id = sub.id AND a.decision = 'approved'), '[]'::json) AS approvals,
              m.meeting_date::text AS meeting_date, r.created_at AS saved_at
       FROM statements s
       LEFT JOIN statement_revisions r ON r.statement_id = s.id AND r.number = $2
       LEFT JOIN statement_submissions sub
              ON sub.statement_id = s.id AND sub.revision_number = $2 AND sub.status = 'approved'
       LEFT JOIN board_meetings m ON m.id = COALESCE($3::uuid, r.meeting_id)
       WHERE s.id = $1`,
      [statementId, revision, options.meetingId],
    );
    if (!row) {
      throw statementErrors.notFound();
    }
    if (!row.revision_id || !row.saved_at) {
      throw statementErrors.revisionNotFound(revision);
    }
    if (options.approved && (!row.submission_id || !row.submitted_at)) {
      throw statementErrors.notApproved();
    }
    const savedAt = row.saved_at;
    const { parts } = await this.store.revision(manager, statementId, revision);
    const people = await this.people.contacts(
      [...row.approvals.flatMap((a) => [a.approverId, ...(a.onBehalfOfId ? [a.onBehalfOfId] : [])]), parts.officerId],
      reader,
    );
    const personOf = new Map(people.map((p) => [p.id, p]));
    const officer = personOf.get(parts.officerId);
    const department = officer?.departmentId
      ? await this.departments.findById(officer.departmentId, reader)
      : undefined;
    const organisation = await this.organisations.findById(row.organisation_id, reader);
    const owner = await this.cases.findById(row.case_id, reader);
    const administration = organisation?.administrationName ?? organisation?.name ?? '';
    const approvals = row.approvals.map((a) => ({
      step: a.step,
      name: personOf.get(a.approverId)?.name ?? '',
      title: personOf.get(a.approverId)?.title ?? '',
      onBehalfOf: a.onBehalfOfId
        ? { name: personOf.get(a.onBehalfOfId)?.name ?? '', title: personOf.get(a.onBehalfOfId)?.title ?? '' }
        : null,
      approvedAt: new Date(a.approvedAt),
    }));
    const context = row.recipient_id ? await this.recipients.contextFor(row.recipient_id, reader) : undefined;
    return {
      statementId,
      organisationId: row.organisation_id,
      caseId: row.case_id,
      diaryNumber: owner?.diaryNumber ?? '',
      recipientId: row.recipient_id,
      revision,
      parts,
      approvals,
      signatories: [...approvals]
        .reverse()
        .map((a) => ({ name: a.name, title: a.title, organisation: administration, onBehalfOf: a.onBehalfOf })),
      officer: {
        name: officer?.name ?? '',
        phone: officer?.phone ?? '',
        departmentName: department?.name ?? null,
        departmentEmail: department?.contactEmail ?? null,
      },
      meetingDate: row.meeting_date,
      remissSections: (context?.sections ?? []).map((x) => ({ id: x.id, title: x.title })),
      senderName: context?.senderName ?? null,
      senderAddress: context?.senderAddress ?? [],
      senderReference: context?.senderReference ?? null,
      attachmentTitles: parts.attachments.map((a) => a.title),
      approvedAt: approvals.at(-1)?.approvedAt ?? row.submitted_at ?? savedAt,
    };
  }

  async decided(decisionId: string, reader?: Reader): Promise<DecidedStatement> {
    const facts = await this.decision(decisionId, reader);
    const { statementId, revisionNumber } = facts.decision;
    if (!statementId || revisionNumber === null) {
      throw statementErrors.decisionNotFound();
    }
    return { ...facts, statement: await this.frozen(statementId, revisionNumber, reader) };
  }

  /** A decision of the board as printed: with its meeting, the board, and the registrar who recorded it. */
  async decision(decisionId: string, reader?: Reader): Promise<BoardDecisionFacts> {
    const manager = reader ?? this.db.reader;
    const decision = await manager.findOneBy(BoardDecisionEntity, { id: decisionId });
    if (!decision) {
      throw statementErrors.decisionNotFound();
    }
    const meeting = await mustFind(
      manager.findOneBy(BoardMeetingEntity, { id: decision.meetingId }),
      statementErrors.meetingNotFound,
    );
    const organisation = await this.organisations.findById(meeting.organisationId, reader);
    const registrar = await this.people.findById(decision.recordedBy, reader);
    return {
      decision: toDecisionView(decision, meeting),
      boardName: organisation?.name ?? '',
      registrar: { name: registrar?.name ?? '', title: registrar?.title ?? 'registrator' },
      recordedAt: decision.recordedAt,
      confirmedAt: decision.confirmedAt,
    };
  }
}
