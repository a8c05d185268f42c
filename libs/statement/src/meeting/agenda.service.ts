import { DocumentKind, IssuanceService } from '@app/issuance';
import { NotificationService } from '@app/notification';
import { type Actor, AuditService, Clock, Db, localDate, requireRole, Role, type Tx } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { BoardDecisionEntity } from '../decision/board-decision.entity.js';

import { StatementStatus } from '../statement/statement-status.js';
import { StatementStore } from '../statement/statement-store.js';
import { StatementViews } from '../statement/statement-views.js';
import { StatementEntity } from '../statement/statement.entity.js';
import { statementErrors } from '../statement.errors.js';
import type { MeetingView, StatementView } from '../statement.views.js';
import { MeetingService } from './meeting.service.js';

/**
 * Which meeting a statement goes before. The meeting is part of what is approved: a revision is
 * submitted only when it names a coming, not cancelled meeting of the board's calendar, and the
 * approved tjänsteutlåtande prints it. After approval a registrar may move the statement to
 * another meeting, which issues the tjänsteutlåtande anew with that date and needs no new
 * approval; a statement whose meeting is cancelled waits for such a move. A decision is recorded
 * only at the meeting the statement went before, once that meeting has been held.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: StatementStore,
    private readonly views: StatementViews,
    private readonly meetings: MeetingService,
    private readonly issuance: IssuanceService,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * The statements on a meeting's agenda, oldest case first: those that go before it now and
   * those the board decided on there (one referred back no longer goes before any meeting).
   * Another organisation's meeting, or none, is unknown (404).
   */
  async statementsAt(actor: Actor, meetingId: string): Promise<StatementView[]> {
    const meeting = await this.meetings.findById(meetingId);
    if (!meeting || actor.kind !== 'person' || meeting.organisationId !== actor.organisationId) {
      throw statementErrors.meetingNotFound();
    }
    const reader = this.db.reader;
    const decided = await reader.find(BoardDecisionEntity, { where: { meetingId }, select: { statementId: true } });
    const decidedIds = decided.flatMap((d) => (d.statementId ? [d.statementId] : []));
    const rows = await reader.find(StatementEntity, {
      where: [
        { organisationId: meeting.organisationId, meetingId },
        ...(decidedIds.length > 0 ? [{ organisationId: meeting.organisationId, id: In(decidedIds) }] : []),
      ],
      order: { createdAt: 'ASC' },
    });
    const views: StatementView[] = [];
    for (const row of rows) {
      views.push(await this.views.build(reader, row));
    }
    return views;
  }

  /** A revision goes for approval only addressed to a coming meeting that is not cancelled. */
  async assertSubmittable(tx: Tx, statement: StatementEntity, meetingId: string | null): Promise<void> {
    if (!meetingId) {
      throw statementErrors.meetingRequired();
    }
    const meeting = await this.meetings.lockOwn(tx, statement.organisationId, meetingId);
    if (meeting.cancelled) {
      throw statementErrors.meetingCancelled(meeting.meetingDate);
    }
    const today = localDate(this.clock.now());
    if (meeting.meetingDate < today) {
      throw statementErrors.meetingPassed(meeting.meetingDate, today);
    }
  }

  /**
   * The meeting a decision on the approved statement is recorded at: the one it goes before,
   * held by now, not cancelled, and not before the approval. Locked for the caller's transaction.
   */
  async decidableAt(tx: Tx, statement: StatementEntity, meetingId: string): Promise<MeetingView> {
    const meeting = await this.meetings.lockOwn(tx, statement.organisationId, meetingId);
    if (statement.meetingId !== meeting.id) {
      const scheduled = statement.meetingId ? await this.meetings.findById(statement.meetingId, tx) : undefined;
      throw statementErrors.meetingMismatch(scheduled?.meetingDate ?? null, meeting.meetingDate);
    }
    if (meeting.cancelled) {
      throw statementErrors.meetingCancelled(meeting.meetingDate);
    }
    this.assertHeld(meeting);
    await this.#assertAfterApproval(tx, statement, meeting);
    return meeting;
  }

  /** A board decision belongs to a meeting that has been held (in Stockholm's calendar). */
  assertHeld(meeting: MeetingView): void {
    const today = localDate(this.clock.now());
    if (meeting.meetingDate > today) {
      throw statementErrors.meetingNotHeld(meeting.meetingDate, today);
    }
  }

  /**
   * A registrar moves an approved statement to another meeting of the board: the
   * tjänsteutlåtande is issued anew with the new meeting's date, its text and approvals unchanged.
   */
  async move(actor: Actor, statementId: string, meetingId: string): Promise<StatementView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const statement = await this.store.load(tx, actor, statementId, true);
      if (statement.status !== StatementStatus.Approved || statement.approvedRevision === null) {
        throw statementErrors.notMovable();
      }
      const target = await this.meetings.lockOwn(tx, statement.organisationId, meetingId);
      if (target.cancelled) {
        throw statementErrors.meetingCancelled(target.meetingDate);
      }
      if (statement.meetingId === target.id) {
        throw statementErrors.meetingUnchanged(target.meetingDate);
      }
      await this.#assertAfterApproval(tx, statement, target);
      const before = statement.meetingId ? await this.meetings.findById(statement.meetingId, tx) : undefined;
      statement.meetingId = target.id;
      await tx.save(statement);
      const latest = await this.issuance.find(
        DocumentKind.OfficialReport,
        statement.id,
        statement.approvedRevision,
        tx,
      );
      const reissued = await this.issuance.request(tx, {
        kind: DocumentKind.OfficialReport,
        subjectId: statement.id,
        revision: statement.approvedRevision,
        edition: (latest?.edition ?? 0) + 1,
        organisationId: statement.organisationId,
        caseId: statement.caseId,
        snapshot: { meetingId: target.id },
      });
      const { parts } = await this.store.revision(tx, statement.id, statement.approvedRevision);
      await this.notifications.post(tx, {
        sourceKey: `statement-moved:${statement.id}:${reissued.edition}`,
        organisationId: statement.organisationId,
        audience: { personIds: [parts.officerId] },
        kind: 'statement_moved',
        title: `Flyttat till sammanträdet ${target.meetingDate}: ${parts.title}`,
        body: `Tjänsteutlåtandet tas upp av nämnden ${target.meetingDate}${before ? ` i stället för ${before.meetingDate}` : ''}. Det utfärdas på nytt med det datumet; texten och godkännandena är desamma.`,
        link: { type: 'statement', id: statement.id },
      });
      await this.audit.record(tx, actor, {
        action: 'statement.meeting_moved',
        entityType: 'statement',
        entityId: statement.id,
        before: { meetingId: before?.id ?? null, meetingDate: before?.meetingDate ?? null },
        after: {
          meetingId: target.id,
          meetingDate: target.meetingDate,
          reissuedDocumentId: reissued.id,
          edition: reissued.edition,
        },
        organisationIds: [statement.organisationId],
      });
      return this.views.build(tx, statement);
    });
  }

  /** The board cannot have taken up a text at a meeting held before the text was approved. */
  async #assertAfterApproval(tx: Tx, statement: StatementEntity, meeting: MeetingView): Promise<void> {
    const approvedOn = localDate(await this.store.approvedAt(tx, statement));
    if (meeting.meetingDate < approvedOn) {
      throw statementErrors.meetingBeforeApproval(meeting.meetingDate, approvedOn);
    }
  }
}
