import { RecipientService, RecipientState } from '@app/consultation';
import { directoryErrors, OrganisationService, PersonService, roleLabelIn, wordingOf } from '@app/directory';
import { DocumentKind, IssuanceService } from '@app/issuance';
import { NotificationService } from '@app/notification';
import {
  type Actor,
  AuditService,
  Clock,
  Db,
  DomainError,
  isPgError,
  mustFind,
  PgErrorCode,
  requirePerson,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { CaseService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { AgendaService } from '../meeting/agenda.service.js';
import { StatementRevisionEntity } from '../statement/statement-revision.entity.js';
import { StatementStatus } from '../statement/statement-status.js';
import { StatementStore } from '../statement/statement-store.js';
import { StatementViews } from '../statement/statement-views.js';
import type { StatementEntity } from '../statement/statement.entity.js';
import { statementErrors } from '../statement.errors.js';
import type { ChainStep, StatementView } from '../statement.views.js';
import { ApprovalChainService } from './approval-chain.service.js';
import { ApprovalEntity } from './approval.entity.js';
import { SubmissionEntity } from './submission.entity.js';

/** `Verkställande direktör` at the start of a sentence. */
function capitalisedText(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

/** What an approver saw when deciding: the revision, and the step waiting in it. */
export interface StepSeen {
  readonly revision: number;
  readonly step: number;
}

/**
 * The approval of a tjänsteutlåtande: the officer submits a revision; each step of the chain, in
 * order, approves it or asks for changes. An approval holds for the exact revision (its content
 * hash) it was given on; nobody approves a revision they wrote, or two steps of one revision.
 * The last approval freezes the revision: it goes before the board, signed by its approvers.
 */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: StatementStore,
    private readonly views: StatementViews,
    private readonly chains: ApprovalChainService,
    private readonly recipients: RecipientService,
    private readonly people: PersonService,
    private readonly organisations: OrganisationService,
    private readonly notifications: NotificationService,
    private readonly issuance: IssuanceService,
    private readonly agenda: AgendaService,
    private readonly cases: CaseService,
  ) {}

  async submit(actor: Actor, id: string, revisionNumber: number): Promise<StatementView> {
    requireRole(actor, Role.CaseOfficer);
    requirePerson(actor);
    return this.db.transaction(async (tx) => {
      const statement = await this.store.loadForWriting(tx, actor, id);
      if (statement.status !== StatementStatus.Drafting) {
        throw statementErrors.notDrafting();
      }
      if (revisionNumber !== statement.currentRevision) {
        throw statementErrors.stale(statement.currentRevision);
      }
      // After an återremiss the board wants another text: the approved one cannot go round again.
      if (await tx.existsBy(SubmissionEntity, { statementId: id, revisionNumber, status: 'approved' })) {
        throw statementErrors.alreadyApproved(revisionNumber);
      }
      const { row } = await this.store.revision(tx, id, revisionNumber);
      await this.agenda.assertSubmittable(tx, statement, row.meetingId);
      const chain = await this.chains.chainFor(statement.organisationId, tx);
      const authors = await this.#authorsSinceLastApproval(tx, statement, revisionNumber);
      const submission = await tx.save(
        tx.create(SubmissionEntity, {
          statementId: id,
          revisionNumber,
          contentHash: row.contentHash,
          chain,
          authorIds: authors,
          status: 'open',
          submittedBy: actor.personId,
          submittedAt: this.clock.now(),
          closedAt: null,
        }),
      );
      statement.status = StatementStatus.InApproval;
      await tx.save(statement);
      if (statement.recipientId) {
        await this.recipients.advanceIn(tx, actor, statement.recipientId, RecipientState.InApproval);
      }
      await this.#tellNextStep(tx, statement, chain[0], row.title, submission.id);
      await this.audit.record(tx, actor, {
        action: 'statement.submitted',
        entityType: 'statement',
        entityId: id,
        before: { status: StatementStatus.Drafting },
        after: {
          status: StatementStatus.InApproval,
          revision: revisionNumber,
          contentHash: row.contentHash,
          chain,
          authors,
        },
        organisationIds: [statement.organisationId],
      });
      return this.views.build(tx, statement);
    });
  }

  /** Approves the step the approver saw waiting, if it still waits. */
  async approve(actor: Actor, id: string, seen: StepSeen, comment = ''): Promise<StatementView> {
    return this.#decide(actor, id, seen, 'approved', comment);
  }

  /** Asks for changes with a comment: the statement goes back to drafting and every approval of this round lapses. */
  async requestChanges(actor: Actor, id: string, seen: StepSeen, comment: string): Promise<StatementView> {
    return this.#decide(actor, id, seen, 'changes_requested', comment);
  }

  async #decide(
    actor: Actor,
    id: string,
    seen: StepSeen,
    decision: 'approved' | 'changes_requested',
    comment: string,
  ): Promise<StatementView> {
    requirePerson(actor);
    const { revision: revisionNumber } = seen;
    try {
      return await this.db.transaction(async (tx) => {
        const statement = await this.store.load(tx, actor, id, true);
        if (statement.status !== StatementStatus.InApproval) {
          // The step may have been the last, taken by someone else a moment ago.
          await this.#assertStepNotTaken(tx, id, seen);
          throw statementErrors.notInApproval();
        }
        const submission = await tx.findOne(SubmissionEntity, {
          where: { statementId: id, status: 'open' },
          lock: { mode: 'pessimistic_write' },
        });
        if (!submission) {
          throw statementErrors.notInApproval();
        }
        if (revisionNumber !== submission.revisionNumber || statement.currentRevision !== submission.revisionNumber) {
          throw statementErrors.revisionChanged(submission.revisionNumber, revisionNumber);
        }
        const { row } = await this.store.revision(tx, id, submission.revisionNumber);
        if (row.contentHash !== submission.contentHash) {
          throw statementErrors.revisionChanged(submission.revisionNumber, revisionNumber);
        }
        if (submission.authorIds.includes(actor.personId)) {
          throw statementErrors.selfApproval();
        }
        const approvals = await tx.findBy(ApprovalEntity, { submissionId: submission.id, decision: 'approved' });
        // The approver decides on the step they saw waiting. Had it been taken meanwhile, taking
        // the next one instead would give a decision nobody meant (a head of department who is
        // also the director's substitute would approve for the director).
        const taken = approvals.find((a) => a.step === seen.step);
        if (taken) {
          throw await this.#stepTaken(tx, taken);
        }
        // One person's authority counts once per revision, whether used in person or by a substitute.
        const used = new Set(approvals.flatMap((a) => [a.approverId, ...(a.onBehalfOfId ? [a.onBehalfOfId] : [])]));
        if (used.has(actor.personId)) {
          throw statementErrors.twoSteps();
        }
        const done = new Set(approvals.map((a) => a.step));
        const waiting = submission.chain.find((s) => !done.has(s.step));
        if (!waiting) {
          throw statementErrors.notInApproval(); // every step taken: the revision is approved
        }
        if (seen.step !== waiting.step) {
          throw statementErrors.stepOutOfOrder(waiting.step);
        }
        const officer = await this.people.findById(row.officerId, tx);
        const now = this.clock.now();
        const qualification = await this.chains.qualification(
          tx,
          statement.organisationId,
          actor.personId,
          waiting,
          officer?.departmentId ?? null,
          now,
        );
        if (!qualification) {
          // Qualifying for a later step only means it is not this one's turn yet.
          for (const later of submission.chain.filter((s) => s.step > waiting.step)) {
            if (
              await this.chains.qualification(
                tx,
                statement.organisationId,
                actor.personId,
                later,
                officer?.departmentId ?? null,
                now,
              )
            ) {
              throw statementErrors.stepOutOfOrder(waiting.step);
            }
          }
          throw statementErrors.notYourStep();
        }
        if (qualification.onBehalfOf && submission.authorIds.includes(qualification.onBehalfOf)) {
          throw statementErrors.selfApproval();
        }
        if (qualification.onBehalfOf && used.has(qualification.onBehalfOf)) {
          throw statementErrors.twoSteps();
        }
        await tx.insert(ApprovalEntity, {
          submissionId: submission.id,
          statementId: id,
          revisionNumber: submission.revisionNumber,
          contentHash: submission.contentHash,
          step: waiting.step,
          approverId: actor.personId,
          onBehalfOfId: qualification.onBehalfOf,
          decision,
          comment: comment.trim(),
          decidedAt: now,
        });
        if (decision === 'changes_requested') {
          await this.#returnToDrafting(tx, actor, statement, submission, waiting, comment, row.title, row.officerId);
        } else {
          const next = submission.chain.find((s) => s.step > waiting.step);
          if (next) {
            await this.#tellNextStep(tx, statement, next, row.title, submission.id);
          } else {
            await this.#freeze(tx, actor, statement, submission, row);
          }
        }
        await this.audit.record(tx, actor, {
          action: decision === 'approved' ? 'statement.step_approved' : 'statement.changes_requested',
          entityType: 'statement',
          entityId: id,
          after: {
            step: waiting.step,
            role: waiting.role,
            revision: submission.revisionNumber,
            contentHash: submission.contentHash,
            onBehalfOf: qualification.onBehalfOf,
            comment: comment.trim(),
          },
          organisationIds: [statement.organisationId],
        });
        return this.views.build(tx, statement);
      });
    } catch (error) {
      // Two people taking the same step at once: the unique key lets exactly one through.
      if (isPgError(error, PgErrorCode.UniqueViolation) && !(error instanceof DomainError)) {
        throw statementErrors.stepTaken(seen.step, null);
      }
      throw error;
    }
  }

  /** When the step seen has been approved in the revision's latest round, says by whom. */
  async #assertStepNotTaken(tx: Tx, statementId: string, seen: StepSeen): Promise<void> {
    const latest = await tx.findOne(SubmissionEntity, {
      where: { statementId, revisionNumber: seen.revision },
      order: { submittedAt: 'DESC' },
    });
    const taken = latest
      ? await tx.findOneBy(ApprovalEntity, { submissionId: latest.id, step: seen.step, decision: 'approved' })
      : null;
    if (taken) {
      throw await this.#stepTaken(tx, taken);
    }
  }

  async #stepTaken(tx: Tx, taken: ApprovalEntity): Promise<DomainError> {
    const approver = await this.people.findById(taken.approverId, tx);
    return statementErrors.stepTaken(taken.step, approver?.name ?? null);
  }

  async #freeze(
    tx: Tx,
    actor: Actor,
    statement: StatementEntity,
    submission: SubmissionEntity,
    revision: StatementRevisionEntity,
  ): Promise<void> {
    const { officerId, title } = revision;
    const approvals = await tx.findBy(ApprovalEntity, { submissionId: submission.id, decision: 'approved' });
    // Defensive: every approval must be bound to the very content being frozen.
    if (
      approvals.some((a) => a.contentHash !== submission.contentHash) ||
      approvals.length !== submission.chain.length
    ) {
      throw statementErrors.revisionChanged(submission.revisionNumber, submission.revisionNumber);
    }
    await tx.update(SubmissionEntity, { id: submission.id }, { status: 'approved', closedAt: this.clock.now() });
    statement.status = StatementStatus.Approved;
    statement.approvedRevision = submission.revisionNumber;
    // It goes before the meeting it was approved for (a registrar may move it later).
    statement.meetingId = revision.meetingId;
    await tx.save(statement);
    // The frozen revision's tjänsteutlåtande is rendered and signed by the worker.
    await this.issuance.request(tx, {
      kind: DocumentKind.OfficialReport,
      subjectId: statement.id,
      revision: submission.revisionNumber,
      organisationId: statement.organisationId,
      caseId: statement.caseId,
      snapshot: { meetingId: revision.meetingId },
    });
    const organisation = await mustFind(
      this.organisations.findById(statement.organisationId, tx),
      directoryErrors.organisationNotFound,
    );
    await this.notifications.post(tx, {
      sourceKey: `statement-approved:${submission.id}`,
      organisationId: statement.organisationId,
      audience: { personIds: [officerId], roles: [Role.Registrar] },
      kind: 'statement_approved',
      title: `Godkänt: ${title}`,
      body: `Tjänsteutlåtandet är godkänt i alla steg och låst (version ${submission.revisionNumber}). Det kan nu tas upp av ${wordingOf(organisation.kind).body}.`,
      link: { type: 'statement', id: statement.id },
    });
    await this.audit.record(tx, actor, {
      action: 'statement.approved',
      entityType: 'statement',
      entityId: statement.id,
      before: { status: StatementStatus.InApproval },
      after: {
        status: StatementStatus.Approved,
        revision: submission.revisionNumber,
        contentHash: submission.contentHash,
        approvers: [...approvals]
          .sort((a, b) => a.step - b.step)
          .map((a) => ({ step: a.step, personId: a.approverId, onBehalfOf: a.onBehalfOfId })),
      },
      organisationIds: [statement.organisationId],
    });
  }

  async #returnToDrafting(
    tx: Tx,
    actor: Actor,
    statement: StatementEntity,
    submission: SubmissionEntity,
    step: ChainStep,
    comment: string,
    title: string,
    officerId: string,
  ): Promise<void> {
    await tx.update(
      SubmissionEntity,
      { id: submission.id },
      { status: 'changes_requested', closedAt: this.clock.now() },
    );
    statement.status = StatementStatus.Drafting;
    await tx.save(statement);
    if (statement.recipientId) {
      await this.recipients.advanceIn(tx, actor, statement.recipientId, RecipientState.Drafting);
    }
    const organisation = await mustFind(
      this.organisations.findById(statement.organisationId, tx),
      directoryErrors.organisationNotFound,
    );
    await this.notifications.post(tx, {
      sourceKey: `statement-changes:${submission.id}`,
      organisationId: statement.organisationId,
      audience: { personIds: [officerId] },
      kind: 'statement_changes_requested',
      diaryNumber: (await this.cases.findById(statement.caseId, tx))?.diaryNumber ?? null,
      title: `Ändringar begärs: ${title}`,
      body: `${capitalisedText(roleLabelIn(organisation.kind, step.role))} begär ändringar i version ${submission.revisionNumber}: ${comment.trim()}`,
      link: { type: 'statement', id: statement.id },
    });
  }

  async #tellNextStep(
    tx: Tx,
    statement: StatementEntity,
    step: ChainStep,
    title: string,
    submissionId: string,
  ): Promise<void> {
    const organisation = await mustFind(
      this.organisations.findById(statement.organisationId, tx),
      directoryErrors.organisationNotFound,
    );
    await this.notifications.post(tx, {
      sourceKey: `statement-step:${submissionId}:${step.step}`,
      organisationId: statement.organisationId,
      audience: { roles: [step.role] },
      kind: 'statement_awaiting_approval',
      diaryNumber: (await this.cases.findById(statement.caseId, tx))?.diaryNumber ?? null,
      title: `Att godkänna: ${title}`,
      body: `Tjänsteutlåtandet väntar på godkännande i steg ${step.step} (${roleLabelIn(organisation.kind, step.role)}).`,
      link: { type: 'statement', id: statement.id },
    });
  }

  /** Everyone who saved a revision after the previous submission's revision, up to this one. */
  /**
   * Everyone who wrote a revision since the last one approved in full: that text is in what is
   * submitted now, whoever saved last. (Counting only since the last submission would let an
   * author approve his own text once someone else had saved a typo fix on top of it.)
   */
  async #authorsSinceLastApproval(tx: Tx, statement: StatementEntity, revisionNumber: number): Promise<string[]> {
    const approved = await tx.findOne(SubmissionEntity, {
      where: { statementId: statement.id, status: 'approved' },
      order: { revisionNumber: 'DESC' },
    });
    const from = approved ? approved.revisionNumber + 1 : 1;
    const rows = await tx
      .createQueryBuilder(StatementRevisionEntity, 'r')
      .select('DISTINCT r.author_id', 'author_id')
      .where('r.statement_id = :id AND r.number BETWEEN :from AND :to', { id: statement.id, from, to: revisionNumber })
      .getRawMany<{ author_id: string }>();
    // A resubmission of an unchanged revision still counts its last author.
    const authors = new Set(rows.map((r) => r.author_id));
    if (authors.size === 0) {
      authors.add((await this.store.revision(tx, statement.id, revisionNumber)).row.authorId);
    }
    return [...authors];
  }
}
