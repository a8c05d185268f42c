import {
  type Actor,
  AuditService,
  Clock,
  Db,
  isIsoDate,
  isPgError,
  localDate,
  PgErrorCode,
  type Reader,
  requirePerson,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In, MoreThanOrEqual } from 'typeorm';

import { statementErrors } from '../statement.errors.js';
import type { MeetingView, ScheduleView } from '../statement.views.js';
import { BoardMeetingEntity } from './board-meeting.entity.js';

export function toMeetingView(m: BoardMeetingEntity): MeetingView {
  return {
    id: m.id,
    organisationId: m.organisationId,
    meetingDate: m.meetingDate,
    agendaDeadline: m.agendaDeadline,
    cancelled: m.cancelled,
  };
}

/** A board's meeting calendar (sammanträdesplan), kept by its registrars. */
@Injectable()
export class MeetingService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, options: { from?: string } = {}): Promise<MeetingView[]> {
    if (actor.kind !== 'person') {
      return [];
    }
    const rows = await this.db.reader.find(BoardMeetingEntity, {
      where: {
        organisationId: actor.organisationId,
        ...(options.from ? { meetingDate: MoreThanOrEqual(options.from) } : {}),
      },
      order: { meetingDate: 'ASC' },
    });
    return rows.map(toMeetingView);
  }

  async add(actor: Actor, input: { meetingDate: string; agendaDeadline: string }): Promise<MeetingView> {
    requireRole(actor, Role.Registrar);
    requirePerson(actor);
    for (const field of ['meetingDate', 'agendaDeadline'] as const) {
      if (!isIsoDate(input[field])) {
        throw statementErrors.dateInvalid(field);
      }
    }
    if (input.agendaDeadline > input.meetingDate) {
      throw statementErrors.agendaDeadlineAfterMeeting(input.agendaDeadline, input.meetingDate);
    }
    return this.db.transaction(async (tx) => {
      try {
        await tx.query('SAVEPOINT meeting_insert');
        const saved = await tx.save(
          tx.create(BoardMeetingEntity, { organisationId: actor.organisationId, ...input, cancelled: false }),
        );
        await this.audit.record(tx, actor, {
          action: 'meeting.added',
          entityType: 'board_meeting',
          entityId: saved.id,
          after: toMeetingView(saved),
          organisationIds: [actor.organisationId],
        });
        return toMeetingView(saved);
      } catch (error) {
        if (isPgError(error, PgErrorCode.UniqueViolation)) {
          throw statementErrors.meetingExists(input.meetingDate);
        }
        throw error;
      }
    });
  }

  async cancel(actor: Actor, id: string): Promise<MeetingView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const row = await tx.findOne(BoardMeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || actor.kind !== 'person' || row.organisationId !== actor.organisationId) {
        throw statementErrors.meetingNotFound();
      }
      row.cancelled = true;
      await tx.save(row);
      await this.audit.record(tx, actor, {
        action: 'meeting.cancelled',
        entityType: 'board_meeting',
        entityId: id,
        before: { cancelled: false },
        after: { cancelled: true },
        organisationIds: [row.organisationId],
      });
      return toMeetingView(row);
    });
  }

  /**
   * One of the organisation's own meetings, locked for the caller's transaction: decisions at a
   * meeting, and moves to it, queue up behind each other (paragraph numbers, cancellation).
   * Another organisation's meeting, or none, is refused as unknown.
   */
  async lockOwn(tx: Tx, organisationId: string, id: string): Promise<MeetingView> {
    const row = await tx.findOne(BoardMeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (row?.organisationId !== organisationId) {
      throw statementErrors.meetingUnknown();
    }
    return toMeetingView(row);
  }

  async findById(id: string, reader?: Reader): Promise<MeetingView | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(BoardMeetingEntity, { id });
    return row ? toMeetingView(row) : undefined;
  }

  /** Several meetings at once, for a list that dates them (absent ids are left out). */
  async findByIds(ids: readonly string[], reader?: Reader): Promise<MeetingView[]> {
    if (ids.length === 0) {
      return [];
    }
    return (await (reader ?? this.db.reader).findBy(BoardMeetingEntity, { id: In([...new Set(ids)]) })).map(
      toMeetingView,
    );
  }

  /**
   * When the board can take a matter up against a deadline: its next meeting whose agenda is
   * still open, and the latest such meeting on or before the deadline.
   */
  async schedule(organisationId: string, responseDeadline: string | null, reader?: Reader): Promise<ScheduleView> {
    const today = localDate(this.clock.now());
    const open = (
      await (reader ?? this.db.reader).find(BoardMeetingEntity, {
        where: { organisationId, cancelled: false, agendaDeadline: MoreThanOrEqual(today) },
        order: { meetingDate: 'ASC' },
      })
    ).map(toMeetingView);
    const next = open[0] ?? null;
    const within = responseDeadline
      ? ([...open].reverse().find((m) => m.meetingDate <= responseDeadline) ?? null)
      : next;
    const late = responseDeadline !== null && (next === null || next.meetingDate > responseDeadline);
    return {
      responseDeadline,
      nextUsableMeeting: next,
      meetingWithinDeadline: within,
      deadlineBeforeNextMeeting: late,
      options: late
        ? [
            {
              action: 'request_extension',
              label: 'Begär anstånd hos avsändaren till efter nämndens nästa sammanträde.',
            },
            {
              action: 'answer_from_administration',
              label:
                'Svara med förvaltningens godkända tjänsteutlåtande inom svarstiden och låt nämndens beslut följa efter sammanträdet.',
            },
          ]
        : [],
    };
  }
}
