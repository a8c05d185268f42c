import { PersonService } from '@app/directory';
import { NotificationService } from '@app/notification';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  Db,
  daysBetween,
  localDate,
  Role,
  systemActor,
} from '@app/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { ReminderEntity } from './reminder.entity.js';

interface Candidate {
  recipient_id: string;
  organisation_id: string;
  consultation_organisation_id: string;
  response_deadline: string;
  assigned_person_id: string | null;
  diary_number: string | null;
  title: string;
}

const actor = systemActor('worker:reminders');

/**
 * Reminds recipients that have not answered: N days before their deadline (REMINDER_DAYS_BEFORE)
 * and on the day after it passed. Each reminder is a row with a unique key written in the same
 * transaction as its notification, so it goes out once however many workers scan, and again
 * after a worker restarts only if it never went out.
 */
@Injectable()
export class ReminderService {
  readonly #log = new Logger(ReminderService.name);

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly people: PersonService,
    private readonly notifications: NotificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Which reminder, if any, is due for a deadline today. */
  dueKind(deadline: string, today: string): string | undefined {
    const daysLeft = daysBetween(today, deadline);
    if (daysLeft < 0) {
      return 'overdue';
    }
    // The nearest threshold the deadline is within: 5 days left with thresholds 7 and 1 → 7.
    const thresholds = [...this.config.reminders.daysBefore].sort((a, b) => a - b);
    const threshold = thresholds.find((n) => daysLeft <= n);
    return threshold === undefined ? undefined : `before:${threshold}`;
  }

  /** Sends the reminders due now; returns how many went out. */
  async scan(): Promise<number> {
    const today = localDate(this.clock.now());
    const horizon = Math.max(0, ...this.config.reminders.daysBefore);
    const candidates = await this.db.reader.query<Candidate[]>(
      `SELECT r.id AS recipient_id, r.organisation_id, c.organisation_id AS consultation_organisation_id,
              to_char(r.response_deadline, 'YYYY-MM-DD') AS response_deadline, r.assigned_person_id, r.diary_number, c.title
       FROM consultation_recipients r JOIN consultations c ON c.id = r.consultation_id
       WHERE c.status = 'sent' AND r.organisation_id IS NOT NULL
         AND r.state NOT IN ('answered', 'declined')
         AND r.response_deadline <= $1::date + $2::int`,
      [today, horizon],
    );
    let sent = 0;
    for (const candidate of candidates) {
      const kind = this.dueKind(candidate.response_deadline, today);
      try {
        if (kind && (await this.#send(candidate, kind, today))) {
          sent++;
        }
      } catch (error) {
        // One recipient's failure must not cost every recipient after it its reminder; this one
        // is tried again on the next scan.
        this.#log.error({
          msg: 'could not send a reminder; the next scan tries again',
          recipientId: candidate.recipient_id,
          kind,
          error: String(error),
        });
      }
    }
    return sent;
  }

  async #send(c: Candidate, kind: string, today: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(ReminderEntity)
        .values({ recipientId: c.recipient_id, kind, deadline: c.response_deadline, sentAt: this.clock.now() })
        .orIgnore()
        .returning(['id'])
        .execute();
      const reminderId = (inserted.raw as { id: string }[])[0]?.id;
      if (!reminderId) {
        return false; // already sent, by this worker earlier or by another one just now
      }
      const registrars = await this.people.holdersOf(c.organisation_id, Role.Registrar, tx);
      const personIds = [
        ...new Set([...registrars.map((p) => p.id), ...(c.assigned_person_id ? [c.assigned_person_id] : [])]),
      ];
      const daysLeft = daysBetween(today, c.response_deadline);
      const when =
        kind === 'overdue'
          ? `Svarsdatumet ${c.response_deadline} har passerat`
          : daysLeft === 0
            ? 'Sista svarsdag är i dag'
            : `Svar senast ${c.response_deadline}, om ${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagar'}`;
      await this.notifications.post(tx, {
        sourceKey: `reminder:${reminderId}`,
        organisationId: c.organisation_id,
        // Nobody holds the registrar's role just now: whoever takes it gets the reminder.
        audience: personIds.length > 0 ? { personIds } : { roles: [Role.Registrar] },
        kind: kind === 'overdue' ? 'consultation_overdue' : 'consultation_reminder',
        diaryNumber: c.diary_number,
        title: `${kind === 'overdue' ? 'Försenad remiss' : 'Påminnelse'}: ${c.title}`,
        body: `${when} för remissen ”${c.title}”${c.diary_number ? ` (${c.diary_number})` : ''}. Svara eller begär anstånd.`,
        link: { type: 'consultation_recipient', id: c.recipient_id },
      });
      await this.audit.record(tx, actor, {
        action: 'consultation.reminder_sent',
        entityType: 'consultation_recipient',
        entityId: c.recipient_id,
        after: { kind, deadline: c.response_deadline },
        organisationIds: [c.organisation_id],
      });
      return true;
    });
  }
}
