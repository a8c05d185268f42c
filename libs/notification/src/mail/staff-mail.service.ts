import { PersonService } from '@app/directory';
import { APP_CONFIG, type AppConfig, Clock, Db, localDate, type Reader, type Tx } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';

import { escapeHtml } from './compose-mail.js';
import { MailService } from './mail.service.js';
import { defaultDelivery, type MailDelivery, NOTIFICATION_KINDS } from './notification-kinds.js';
import { NotificationPreferenceEntity } from './notification-preference.entity.js';

/** What a staff message tells, as the notification message holds it. */
export interface StaffNotice {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly diaryNumber: string | null;
  readonly linkType: string | null;
  readonly linkId: string | null;
}

const DIGEST_WINDOW_MS = 24 * 3600 * 1000;

/**
 * Staff hear by e-mail of what waits for them: each notification they get is mailed at once,
 * gathered in the morning's digest, or not mailed, as they chose for its kind. The mail says
 * what the in-app notification says, whose texts never name a secret-marked document.
 */
@Injectable()
export class StaffMailService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly mail: MailService,
    private readonly people: PersonService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The web application's page of what a notification is about. */
  linkOf(notice: Pick<StaffNotice, 'linkType' | 'linkId'>): string {
    const base = this.config.mail.publicUrl;
    if (notice.linkType === 'statement' && notice.linkId) {
      return `${base}/tjansteutlatanden/${notice.linkId}`;
    }
    if (notice.linkType === 'case' && notice.linkId) {
      return `${base}/arenden/${notice.linkId}`;
    }
    return `${base}/notiser`;
  }

  /** Mails a notification at once to those of its new readers who want that kind at once. */
  async delivered(tx: Tx, notice: StaffNotice, personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) {
      return;
    }
    const chosen = await this.#preferences(tx, personIds, notice.kind);
    const immediate = personIds.filter((id) => (chosen.get(id) ?? defaultDelivery(notice.kind)) === 'immediate');
    for (const person of await this.people.findByIds(immediate, tx)) {
      if (person.disabled) {
        continue;
      }
      const link = this.linkOf(notice);
      await this.mail.queue(tx, {
        causeKey: `notification:${notice.id}:${person.id}`,
        kind: notice.kind,
        organisationId: notice.organisationId,
        personId: person.id,
        to: { name: person.name, address: person.email },
        subject: notice.diaryNumber ? `${notice.diaryNumber} ${notice.title}` : notice.title,
        text: [`Hej ${person.name}!`, '', notice.body, '', `Öppna i Remiss: ${link}`, '', ...FOOTER].join('\n'),
      });
    }
  }

  /**
   * One message per person listing every notification new since the person's last digest (at
   * most a day back) whose kind the person takes in the digest. Run at 07:00 Stockholm time;
   * running it twice on one day sends one digest.
   */
  async sendDigests(): Promise<number> {
    const now = this.clock.now();
    const day = localDate(now);
    const digestKinds = Object.keys(NOTIFICATION_KINDS).filter((k) => defaultDelivery(k) === 'digest');
    const rows = await this.db.reader.query<
      {
        person_id: string;
        organisation_id: string;
        kind: string;
        title: string;
        body: string;
        diary_number: string | null;
        link_type: string | null;
        link_id: string | null;
      }[]
    >(
      `SELECT n.person_id, n.organisation_id, m.kind, m.title, m.body, m.diary_number, m.link_type, m.link_id
       FROM notifications n
       JOIN notification_messages m ON m.id = n.message_id
       LEFT JOIN notification_preferences p ON p.person_id = n.person_id AND p.kind = m.kind
       WHERE n.created_at <= $1
         AND n.created_at > GREATEST($1::timestamptz - make_interval(secs => $2::double precision / 1000),
               COALESCE((SELECT max(d.created_at) FROM mail_messages d WHERE d.person_id = n.person_id AND d.kind = 'digest'), '-infinity'))
         AND COALESCE(p.delivery, CASE WHEN m.kind = ANY($3::text[]) OR NOT (m.kind = ANY($4::text[])) THEN 'digest' ELSE 'immediate' END) = 'digest'
       ORDER BY n.person_id, n.created_at, n.id`,
      [now, DIGEST_WINDOW_MS, digestKinds, Object.keys(NOTIFICATION_KINDS)],
    );
    const byPerson = new Map<string, typeof rows>();
    for (const row of rows) {
      byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
    }
    let sent = 0;
    for (const [personId, items] of byPerson) {
      const person = await this.people.findById(personId);
      if (!person || person.disabled) {
        continue;
      }
      const lines = items.map(
        (i) =>
          `– ${i.diary_number ? `${i.diary_number} ` : ''}${i.title}\n  ${i.body}\n  ${this.linkOf({ linkType: i.link_type, linkId: i.link_id })}`,
      );
      const text = [
        `Hej ${person.name}!`,
        '',
        `Det här är nytt i Remiss sedan förra sammanfattningen (${items.length} ${items.length === 1 ? 'händelse' : 'händelser'}):`,
        '',
        lines.join('\n\n'),
        '',
        ...FOOTER,
      ].join('\n');
      await this.db.transaction(async (tx) => {
        const id = await this.mail.queue(tx, {
          causeKey: `digest:${personId}:${day}`,
          kind: 'digest',
          organisationId: items[0]?.organisation_id ?? null,
          personId,
          to: { name: person.name, address: person.email },
          subject: `Remiss: sammanfattning ${day} (${items.length} nya)`,
          text,
          html: digestHtml(person.name, day, items, (i) => this.linkOf({ linkType: i.link_type, linkId: i.link_id })),
        });
        sent += id ? 1 : 0;
      });
    }
    return sent;
  }

  async preferences(personId: string): Promise<{ kind: string; label: string; delivery: MailDelivery }[]> {
    const chosen = await this.#preferences(this.db.reader, [personId]);
    return Object.entries(NOTIFICATION_KINDS).map(([kind, k]) => ({
      kind,
      label: k.label,
      delivery: chosen.get(`${personId}:${kind}`) ?? k.default,
    }));
  }

  async setPreferences(
    personId: string,
    choices: readonly { kind: string; delivery: MailDelivery }[],
  ): Promise<{ kind: string; label: string; delivery: MailDelivery }[]> {
    await this.db.transaction(async (tx) => {
      for (const c of choices) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(NotificationPreferenceEntity)
          .values({ personId, kind: c.kind, delivery: c.delivery })
          .orUpdate(['delivery'], ['person_id', 'kind'])
          .execute();
      }
    });
    return this.preferences(personId);
  }

  /** Chosen deliveries: by person for one kind, or by `person:kind` for every kind. */
  async #preferences(reader: Reader, personIds: readonly string[], kind?: string): Promise<Map<string, MailDelivery>> {
    const rows = await reader.find(NotificationPreferenceEntity, {
      where: personIds.map((personId) => (kind ? { personId, kind } : { personId })),
    });
    return new Map(rows.map((r) => [kind ? r.personId : `${r.personId}:${r.kind}`, r.delivery]));
  }
}

const FOOTER = [
  '––',
  'Det här meddelandet kommer från Remiss. Du väljer själv vilka e-postmeddelanden du får under Notiser i Remiss.',
];

function digestHtml(
  name: string,
  day: string,
  items: readonly {
    title: string;
    body: string;
    diary_number: string | null;
    link_type: string | null;
    link_id: string | null;
  }[],
  link: (i: { link_type: string | null; link_id: string | null }) => string,
): string {
  const list = items
    .map(
      (i) =>
        `<li><a href="${escapeHtml(link(i))}">${escapeHtml(`${i.diary_number ? `${i.diary_number} ` : ''}${i.title}`)}</a><br>${escapeHtml(i.body)}</li>`,
    )
    .join('\n');
  return `<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"></head><body>\n<p>Hej ${escapeHtml(name)}!</p>\n<p>Det här är nytt i Remiss sedan förra sammanfattningen (${escapeHtml(day)}):</p>\n<ul>\n${list}\n</ul>\n<p>${escapeHtml(FOOTER[1] ?? '')}</p>\n</body></html>\n`;
}
