import { consultationErrors, Position, RecipientService, RecipientState, type RecipientView } from '@app/consultation';
import { directoryErrors, OrganisationService } from '@app/directory';
import { DocumentKind, IssuanceService, signedFileOf } from '@app/issuance';
import { parseMarkup, toPlainText } from '@app/markup';
import { NotificationService } from '@app/notification';
import {
  type Actor,
  AuditService,
  Clock,
  Db,
  isIsoDate,
  JobName,
  localDate,
  mustExist,
  mustFind,
  notFoundAs,
  OutboxService,
  requirePerson,
  requireRole,
  Role,
  systemActor,
  type Tx,
} from '@app/platform';
import { assertPrintable } from '@app/pdf';
import { RegisteredDocumentService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { AgendaService } from '../meeting/agenda.service.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { StatementStatus } from '../statement/statement-status.js';
import { StatementStore } from '../statement/statement-store.js';
import { paragraphLabel, StatementViews, toDecisionView } from '../statement/statement-views.js';
import { StatementEntity } from '../statement/statement.entity.js';
import { statementErrors } from '../statement.errors.js';
import type { DecisionView, MeetingView, StatementView } from '../statement.views.js';
import { BoardDecisionEntity, type DecisionOutcome } from './board-decision.entity.js';

export type { DecisionOutcome } from './board-decision.entity.js';

export interface DecisionInput {
  /** The meeting of the board's calendar the decision was made at. */
  readonly meetingId: string;
  /** The paragraph of the minutes: `12` or `§ 12`. */
  readonly paragraph: string;
  /** Pre-filled from the proposed decision when left out. */
  readonly decisionText?: string;
  readonly outcome: Exclude<DecisionOutcome, 'declined'>;
  /** The decision as adopted, when the board changed the proposal. */
  readonly amendedText?: string;
  readonly reservations?: string;
  readonly memberStatements?: string;
  /** Justering: at the meeting, or on a later day. */
  readonly confirmation: { readonly immediate: true } | { readonly on: string };
}

/** The board's own decision to decline a remiss, taken at a meeting and confirmed in the minutes. */
export interface DeclineDecisionInput {
  readonly meetingId: string;
  readonly paragraph: string;
  readonly reason: string;
  /** Justering: at the meeting, or on a day since. */
  readonly confirmation: { readonly immediate: true } | { readonly on: string };
}

const worker = systemActor('worker:statements');

const PARAGRAPH = /^\s*(?:§\s*)?(\d{1,4})\s*$/;

/** The number of a paragraph of the minutes, from `12` or `§ 12`. */
function paragraphNumber(given: string): number {
  const match = PARAGRAPH.exec(given);
  const number = match ? Number(match[1]) : 0;
  if (number < 1) {
    throw statementErrors.paragraphInvalid(given);
  }
  return number;
}

/**
 * The board's decisions, recorded by a registrar from the minutes: on the frozen revision at the
 * meeting it went before, or to decline a remiss. An adopted statement is delivered to the
 * sender once the minutes are confirmed: registered as outgoing in the recipient's case and
 * incoming in the sender's, with its positions recorded.
 */
@Injectable()
export class DecisionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly store: StatementStore,
    private readonly views: StatementViews,
    private readonly recipients: RecipientService,
    private readonly documents: RegisteredDocumentService,
    private readonly organisations: OrganisationService,
    private readonly notifications: NotificationService,
    private readonly issuance: IssuanceService,
    private readonly meetings: MeetingService,
    private readonly agenda: AgendaService,
  ) {}

  async record(actor: Actor, statementId: string, input: DecisionInput): Promise<StatementView> {
    requireRole(actor, Role.Registrar);
    requirePerson(actor);
    const paragraph = paragraphNumber(input.paragraph);
    const amendedText = input.outcome === 'adopted_with_amendments' ? input.amendedText?.trim() : null;
    if (amendedText === undefined || amendedText === '') {
      throw statementErrors.amendedTextRequired();
    }
    assertPrintable({
      decisionText: input.decisionText,
      amendedText: input.amendedText,
      reservations: input.reservations,
      memberStatements: input.memberStatements,
    });
    return this.db.transaction(async (tx) => {
      const statement = await this.store.load(tx, actor, statementId, true);
      if (statement.status === StatementStatus.Adopted || statement.status === StatementStatus.Answered) {
        const earlier = mustExist((await this.views.build(tx, statement)).decision, statementErrors.decisionNotFound);
        throw statementErrors.alreadyDecided(earlier.paragraph, earlier.meetingDate);
      }
      if (statement.status !== StatementStatus.Approved || statement.approvedRevision === null) {
        throw statementErrors.notApproved();
      }
      const meeting = await this.agenda.decidableAt(tx, statement, input.meetingId);
      const confirmationDate = this.#confirmationDate(meeting, input.confirmation, false);
      await this.#assertParagraphFree(tx, meeting, paragraph);
      const { parts } = await this.store.revision(tx, statementId, statement.approvedRevision);
      const immediate = 'immediate' in input.confirmation;
      const now = this.clock.now();
      const decision = await tx.save(
        tx.create(BoardDecisionEntity, {
          statementId,
          revisionNumber: statement.approvedRevision,
          recipientId: null,
          meetingId: meeting.id,
          paragraphNumber: paragraph,
          decisionText:
            input.decisionText?.trim() || parts.proposedDecision.map((p) => toPlainText(parseMarkup(p))).join('\n'),
          outcome: input.outcome,
          amendedText,
          reservations: input.reservations?.trim() ?? '',
          memberStatements: input.memberStatements?.trim() ?? '',
          confirmedImmediately: immediate,
          confirmationDate,
          confirmedAt: immediate ? now : null,
          recordedBy: actor.personId,
          recordedAt: now,
        }),
      );
      const view = toDecisionView(decision, meeting);
      if (input.outcome === 'referred_back') {
        // Återremiss: back to the administration; the next submission starts a new round.
        statement.status = StatementStatus.Drafting;
        statement.approvedRevision = null;
        statement.meetingId = null;
        await tx.save(statement);
        if (statement.recipientId) {
          await this.recipients.advanceIn(tx, actor, statement.recipientId, RecipientState.Drafting);
        }
      } else {
        statement.status = StatementStatus.Adopted;
        await tx.save(statement);
        if (statement.recipientId) {
          await this.recipients.advanceIn(tx, actor, statement.recipientId, RecipientState.Decided);
        }
        if (immediate) {
          await this.#issueDecisionDocuments(tx, statement, decision);
        }
      }
      await this.notifications.post(tx, {
        sourceKey: `statement-decided:${decision.id}`,
        organisationId: statement.organisationId,
        audience: { personIds: [parts.officerId] },
        kind: input.outcome === 'referred_back' ? 'statement_referred_back' : 'statement_adopted',
        title: input.outcome === 'referred_back' ? `Återremitterat: ${parts.title}` : `Beslutat: ${parts.title}`,
        body:
          input.outcome === 'referred_back'
            ? `Nämnden återremitterade ärendet ${view.paragraph} den ${meeting.meetingDate}. Tjänsteutlåtandet kan arbetas om.`
            : `Nämnden fattade beslut ${view.paragraph} den ${meeting.meetingDate}.${immediate ? ' Paragrafen justerades omedelbart.' : ` Protokollet justeras ${confirmationDate}.`}`,
        link: { type: 'statement', id: statement.id },
      });
      await this.audit.record(tx, actor, {
        action: 'statement.decision_recorded',
        entityType: 'statement',
        entityId: statementId,
        before: { status: StatementStatus.Approved },
        after: { status: statement.status, decision: view },
        organisationIds: [statement.organisationId],
      });
      return this.views.build(tx, statement);
    });
  }

  /**
   * The board itself decided at a meeting to decline a remiss: recorded as its decision (the
   * paragraph taken in the minutes), and the recipient declines with it (see RecipientService).
   */
  async recordDecline(actor: Actor, recipientId: string, input: DeclineDecisionInput): Promise<RecipientView> {
    requireRole(actor, Role.Registrar);
    requirePerson(actor);
    const paragraph = paragraphNumber(input.paragraph);
    assertPrintable({ reason: input.reason });
    return this.db.transaction(async (tx) => {
      // The remiss must be the actor's own (404 otherwise) before anything else is looked at.
      await this.recipients.getOwn(actor, recipientId, tx);
      const meeting = await this.meetings.lockOwn(tx, actor.organisationId, input.meetingId);
      if (meeting.cancelled) {
        throw statementErrors.meetingCancelled(meeting.meetingDate);
      }
      this.agenda.assertHeld(meeting);
      const confirmationDate = this.#confirmationDate(meeting, input.confirmation, true);
      await this.#assertParagraphFree(tx, meeting, paragraph);
      const now = this.clock.now();
      const decision = await tx.save(
        tx.create(BoardDecisionEntity, {
          statementId: null,
          revisionNumber: null,
          recipientId,
          meetingId: meeting.id,
          paragraphNumber: paragraph,
          decisionText: input.reason.trim(),
          outcome: 'declined',
          amendedText: null,
          reservations: '',
          memberStatements: '',
          confirmedImmediately: 'immediate' in input.confirmation,
          confirmationDate,
          confirmedAt: now,
          recordedBy: actor.personId,
          recordedAt: now,
        }),
      );
      const view = await this.recipients.declineIn(tx, actor, recipientId, input.reason, {
        by: 'board',
        decisionId: decision.id,
      });
      await this.audit.record(tx, actor, {
        action: 'statement.decline_decision_recorded',
        entityType: 'board_decision',
        entityId: decision.id,
        after: toDecisionView(decision, meeting),
        organisationIds: [actor.organisationId],
      });
      return view;
    });
  }

  /** The minutes are confirmed (justering): the adopted statement goes to the sender. */
  async confirm(actor: Actor, decisionId: string, confirmedOn: string): Promise<DecisionView> {
    requireRole(actor, Role.Registrar);
    if (!isIsoDate(confirmedOn)) {
      throw statementErrors.dateInvalid('confirmedOn');
    }
    return this.db.transaction(async (tx) => {
      const decision = await tx.findOne(BoardDecisionEntity, {
        where: { id: decisionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!decision?.statementId) {
        throw statementErrors.decisionNotFound();
      }
      const statement = await this.store
        .load(tx, actor, decision.statementId, true)
        .catch(notFoundAs(statementErrors.decisionNotFound));
      if (decision.confirmedAt) {
        throw statementErrors.alreadyConfirmed();
      }
      if (decision.outcome === 'referred_back' || statement.status !== StatementStatus.Adopted) {
        throw statementErrors.notApproved();
      }
      const meeting = await mustFind(this.meetings.findById(decision.meetingId, tx), statementErrors.meetingNotFound);
      this.#confirmationDate(meeting, { on: confirmedOn }, true, 'confirmedOn');
      decision.confirmedAt = this.clock.now();
      decision.confirmationDate = confirmedOn;
      await tx.save(decision);
      await this.#issueDecisionDocuments(tx, statement, decision);
      await this.audit.record(tx, actor, {
        action: 'statement.minutes_confirmed',
        entityType: 'board_decision',
        entityId: decision.id,
        before: { confirmed: false },
        after: { confirmed: true, confirmationDate: confirmedOn },
        organisationIds: [statement.organisationId],
      });
      return toDecisionView(decision, meeting);
    });
  }

  /**
   * The day the minutes are confirmed: the meeting's own when confirmed at once; otherwise a day
   * from the meeting on, and not after today when it must already have happened.
   */
  #confirmationDate(
    meeting: MeetingView,
    confirmation: { readonly immediate: true } | { readonly on: string },
    happened: boolean,
    field = 'confirmation.on',
  ): string {
    if ('immediate' in confirmation) {
      return meeting.meetingDate;
    }
    const today = localDate(this.clock.now());
    if (confirmation.on < meeting.meetingDate || (happened && confirmation.on > today)) {
      throw statementErrors.confirmationDateInvalid(
        field,
        confirmation.on,
        meeting.meetingDate,
        happened ? today : null,
      );
    }
    return confirmation.on;
  }

  /** A paragraph number stands once in a meeting's minutes (the meeting row is locked by now). */
  async #assertParagraphFree(tx: Tx, meeting: MeetingView, paragraph: number): Promise<void> {
    if (await tx.existsBy(BoardDecisionEntity, { meetingId: meeting.id, paragraphNumber: paragraph })) {
      throw statementErrors.paragraphTaken(paragraphLabel(paragraph), meeting.meetingDate);
    }
  }

  /**
   * Delivers an adopted statement whose minutes are confirmed (run by the worker). Idempotent:
   * a statement already answered is left as it is.
   */
  async deliver(decisionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const decision = await tx.findOneBy(BoardDecisionEntity, { id: decisionId });
      if (!decision?.confirmedAt || !decision.statementId || decision.outcome === 'referred_back') {
        return;
      }
      const statement = await tx.findOne(StatementEntity, {
        where: { id: decision.statementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!statement || statement.status !== StatementStatus.Adopted) {
        return; // already answered by an earlier run
      }
      const revision = decidedRevision(decision);
      const { parts } = await this.store.revision(tx, statement.id, revision);
      const meeting = await mustFind(this.meetings.findById(decision.meetingId, tx), statementErrors.meetingNotFound);
      const organisation = await mustFind(
        this.organisations.findById(statement.organisationId, tx),
        directoryErrors.organisationNotFound,
      );
      const context = statement.recipientId ? await this.recipients.contextFor(statement.recipientId, tx) : undefined;
      const signed = signedFileOf(await this.issuance.find(DocumentKind.BoardStatement, decision.id, revision, tx));
      if (!signed) {
        throw new Error(`the yttrande of decision ${decision.id} is not signed yet`);
      }
      if (statement.recipientId && context) {
        const comment = [
          toPlainText(parseMarkup(parts.views)),
          ...(decision.amendedText ? [`Nämnden beslutade med ändringar: ${decision.amendedText}`] : []),
        ]
          .filter(Boolean)
          .join('\n\n');
        await this.recipients.deliverAnswerIn(
          tx,
          worker,
          statement.recipientId,
          {
            position: parts.position ?? Position.NoComment,
            comment,
            sections: parts.sections.map((s) => ({ sectionId: s.sectionId, position: s.position, comment: s.comment })),
          },
          {
            title: `Yttrande från ${organisation.name}: ${parts.title} (${paragraphLabel(decision.paragraphNumber)}, ${meeting.meetingDate})`,
            // The sender receives the signed yttrande itself, the same file as in the recipient's case.
            attachment: signed,
          },
        );
      }
      statement.status = StatementStatus.Answered;
      await tx.save(statement);
      await this.audit.record(tx, worker, {
        action: 'statement.answer_delivered',
        entityType: 'statement',
        entityId: statement.id,
        before: { status: StatementStatus.Adopted },
        after: { status: StatementStatus.Answered, decisionId: decision.id },
        organisationIds: [...new Set([statement.organisationId, ...(context ? [context.senderOrganisationId] : [])])],
      });
    });
  }

  /**
   * The minutes are confirmed: the board's statement and the minutes extract are rendered and
   * signed; once the statement is signed the worker delivers it (see `deliver`).
   */
  async #issueDecisionDocuments(tx: Tx, statement: StatementEntity, decision: BoardDecisionEntity): Promise<void> {
    for (const kind of [DocumentKind.BoardStatement, DocumentKind.MinutesExtract]) {
      await this.issuance.request(tx, {
        kind,
        subjectId: decision.id,
        revision: decidedRevision(decision),
        organisationId: statement.organisationId,
        caseId: statement.caseId,
      });
    }
  }

  /** Queues the delivery of an adopted statement once its signed yttrande is stored (called by the worker). */
  async queueDelivery(tx: Tx, decisionId: string): Promise<void> {
    await this.outbox.add(tx, JobName.DeliverAnswer, { decisionId });
  }

  /**
   * When the deadline comes before the board can meet: sends the administration's approved
   * tjänsteutlåtande to the sender now, with the board's decision to follow.
   */
  async sendPreliminary(actor: Actor, statementId: string): Promise<StatementView> {
    requireRole(actor, Role.Registrar, Role.CaseOfficer);
    return this.db.transaction(async (tx) => {
      const statement = await this.store.load(tx, actor, statementId, true);
      const revision = statement.approvedRevision;
      if (statement.status !== StatementStatus.Approved || !statement.recipientId || revision === null) {
        throw statementErrors.notApproved();
      }
      const { parts } = await this.store.revision(tx, statementId, revision);
      const context = await mustFind(
        this.recipients.contextFor(statement.recipientId, tx),
        consultationErrors.recipientNotFound,
      );
      const organisation = await mustFind(
        this.organisations.findById(statement.organisationId, tx),
        directoryErrors.organisationNotFound,
      );
      // What goes to the sender is the signed tjänsteutlåtande itself.
      const file = signedFileOf(await this.issuance.find(DocumentKind.OfficialReport, statement.id, revision, tx));
      if (!file) {
        throw statementErrors.reportNotSignedYet();
      }
      await this.documents.registerIn(
        tx,
        actor,
        statement.caseId,
        {
          direction: 'outgoing',
          kind: 'tjänsteutlåtande',
          title: `Förvaltningens tjänsteutlåtande (nämndens beslut följer): ${parts.title}`,
          counterpart: context.senderName,
          originKey: `statement-preliminary:${statement.id}:${statement.approvedRevision}:recipient`,
        },
        file,
      );
      // A sender outside the directory has no case here: it gets the outgoing copy by post or e-mail.
      if (!context.senderOutside) {
        await this.documents.registerIn(
          tx,
          actor,
          context.senderCaseId,
          {
            direction: 'incoming',
            kind: 'tjänsteutlåtande',
            title: `Preliminärt svar från ${organisation.administrationName ?? organisation.name}: ${parts.title} (nämndens beslut följer)`,
            counterpart: organisation.name,
            originKey: `statement-preliminary:${statement.id}:${statement.approvedRevision}:sender`,
          },
          file,
        );
      }
      await this.audit.record(tx, actor, {
        action: 'statement.preliminary_answer_sent',
        entityType: 'statement',
        entityId: statementId,
        after: { revision: statement.approvedRevision },
        organisationIds: [statement.organisationId, context.senderOrganisationId],
      });
      return this.views.build(tx, statement);
    });
  }
}

/**
 * The revision of the statement a decision took. Only a board's outright decline of a remiss has
 * none, and it has no statement either.
 */
function decidedRevision(decision: BoardDecisionEntity): number {
  if (decision.revisionNumber === null) {
    throw statementErrors.notApproved();
  }
  return decision.revisionNumber;
}
