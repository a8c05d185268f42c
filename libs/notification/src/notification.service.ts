import {
  type Actor,
  Clock,
  Db,
  JobName,
  LiveEvents,
  NotFoundError,
  OutboxService,
  type Role,
  ROLE_LABEL,
  type Tx,
} from '@app/platform';
import { OrganisationService, PersonService, RoleService, roleLabelIn } from '@app/directory';
import { Injectable } from '@nestjs/common';

import { type StaffNotice, StaffMailService } from './mail/staff-mail.service.js';
import { NotificationMessageEntity } from './notification-message.entity.js';
import { NotificationEntity } from './notification.entity.js';

/** Who gets a message: named people, everyone holding one of the roles in the message's organisation, or both. */
export interface NotificationAudience {
  readonly personIds?: readonly string[];
  readonly roles?: readonly Role[];
}

export interface NotificationInput {
  /** What caused the message; posting twice for the same cause delivers once. */
  readonly sourceKey: string;
  /** The organisation in whose inbox the message appears. */
  readonly organisationId: string;
  readonly audience: NotificationAudience;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  /** The diary number of the case it is about: its e-mail carries it in the subject. */
  readonly diaryNumber?: string | null;
  readonly link?: { readonly type: string; readonly id: string };
}

export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: { readonly type: string; readonly id: string } | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface Inbox {
  readonly unread: number;
  readonly total: number;
  readonly items: readonly NotificationView[];
}

/** The inbox's counts and a version that moves whenever any answer of the inbox may change. */
export interface InboxState {
  readonly unread: number;
  readonly total: number;
  readonly version: string;
}

/**
 * The in-app notification inbox. A message is written in the transaction of the change it
 * tells about; named people get it in that same commit, a role audience through a fan-out job
 * that resolves who holds the role when it runs.
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly people: PersonService,
    private readonly roles: RoleService,
    private readonly organisations: OrganisationService,
    private readonly live: LiveEvents,
    private readonly staffMail: StaffMailService,
  ) {}

  async post(tx: Tx, input: NotificationInput): Promise<void> {
    const audience = input.audience;
    // The application's clock, as for every other time the change records (not the database's).
    const createdAt = this.clock.now();
    const inserted = (await tx
      .createQueryBuilder()
      .insert()
      .into(NotificationMessageEntity)
      .values({
        sourceKey: input.sourceKey,
        organisationId: input.organisationId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        diaryNumber: input.diaryNumber ?? null,
        linkType: input.link?.type ?? null,
        linkId: input.link?.id ?? null,
        audiencePersonIds: audience.personIds?.length ? [...audience.personIds] : null,
        audienceRoles: audience.roles?.length ? [...audience.roles] : null,
        createdAt,
      })
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: { id: string }[] };
    const messageId = inserted.raw[0]?.id;
    if (!messageId) {
      return;
    }
    // Named people get it in this same commit; who holds a role is resolved when the job runs.
    if (audience.personIds?.length) {
      const notice: StaffNotice = {
        id: messageId,
        organisationId: input.organisationId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        diaryNumber: input.diaryNumber ?? null,
        linkType: input.link?.type ?? null,
        linkId: input.link?.id ?? null,
      };
      await this.#deliver(tx, notice, audience.personIds, createdAt);
    }
    if (audience.roles?.length) {
      await this.outbox.add(tx, JobName.FanOutNotification, { messageId });
    }
  }

  /** Delivers a role-audience message to everyone holding the roles now. Safe to run twice. */
  async fanOut(messageId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const message = await tx.findOneBy(NotificationMessageEntity, { id: messageId });
      if (!message) {
        return 0;
      }
      const personIds = new Set(message.audiencePersonIds ?? []);
      if (message.audienceRoles) {
        for (const role of message.audienceRoles) {
          for (const p of await this.people.holdersOf(message.organisationId, role as Role, tx)) {
            personIds.add(p.id);
          }
        }
      }
      // Each copy bears the time of the change it tells about, however late the fan-out runs.
      return this.#deliver(tx, message, [...personIds], message.createdAt);
    });
  }

  /** Tells a person about a role they were granted. */
  async announceRoleGranted(roleAssignmentId: string): Promise<void> {
    const grant = await this.roles.findGrant(roleAssignmentId);
    if (!grant) {
      return; // revoked before the job ran: nothing to announce
    }
    const organisation = await this.organisations.findById(grant.organisationId);
    // A company's director is its verkställande direktör, not a förvaltningschef.
    const role = organisation ? roleLabelIn(organisation.kind, grant.role) : ROLE_LABEL[grant.role];
    await this.db.transaction(async (tx) => {
      await this.post(tx, {
        sourceKey: `role-granted:${grant.id}`,
        organisationId: grant.organisationId,
        audience: { personIds: [grant.personId] },
        kind: 'role_granted',
        title: `Du är nu ${role}`,
        body: `Du har fått rollen ${role} i ${organisation?.name ?? 'organisationen'}.`,
        link: { type: 'organisation', id: grant.organisationId },
      });
    });
  }

  /**
   * The inbox's counts, with a version for an ETag: a notification arriving, read or removed moves
   * it (the count, the newest arrival, the latest reading). One indexed read; a poller whose
   * version is unchanged needs nothing more.
   */
  async inboxState(actor: Actor): Promise<InboxState> {
    if (actor.kind !== 'person') {
      return { unread: 0, total: 0, version: 'none' };
    }
    const [row] = await this.db.reader.query<
      { total: number; unread: number; newest: Date | null; last_read: Date | null }[]
    >(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread,
              max(created_at) AS newest, max(read_at) AS last_read
       FROM notifications n WHERE n.person_id = $1 AND n.organisation_id = $2`,
      [actor.personId, actor.organisationId],
    );
    const total = row?.total ?? 0;
    const unread = row?.unread ?? 0;
    return {
      total,
      unread,
      version: [total, unread, row?.newest?.getTime() ?? 0, row?.last_read?.getTime() ?? 0].join('.'),
    };
  }

  /** The inbox, newest first; `state` when the caller has just read it (for its ETag). */
  async inbox(
    actor: Actor,
    options: { unreadOnly?: boolean; limit?: number; offset?: number } = {},
    state?: InboxState,
  ): Promise<Inbox> {
    if (actor.kind !== 'person') {
      return { unread: 0, total: 0, items: [] };
    }
    const limit = Math.min(options.limit ?? 50, 200);
    const where = `n.person_id = $1 AND n.organisation_id = $2${options.unreadOnly ? ' AND n.read_at IS NULL' : ''}`;
    const [counts, rows] = await Promise.all([
      state ?? this.inboxState(actor),
      this.db.reader.query<RawNotification[]>(
        `SELECT n.id, m.kind, m.title, m.body, m.link_type, m.link_id, n.created_at, n.read_at
         FROM notifications n JOIN notification_messages m ON m.id = n.message_id
         WHERE ${where} ORDER BY n.created_at DESC, n.id LIMIT $3 OFFSET $4`,
        [actor.personId, actor.organisationId, limit, options.offset ?? 0],
      ),
    ]);
    return {
      unread: counts.unread,
      total: counts.total,
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link_type && r.link_id ? { type: r.link_type, id: r.link_id } : null,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at?.toISOString() ?? null,
      })),
    };
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (actor.kind !== 'person') {
      return;
    }
    const row = await this.db.reader.findOneBy(NotificationEntity, {
      id,
      personId: actor.personId,
      organisationId: actor.organisationId,
    });
    if (!row) {
      throw new NotFoundError('notification.not_found', 'Notisen finns inte i din inkorg.');
    }
    if (!row.readAt) {
      await this.db.reader.update(NotificationEntity, { id }, { readAt: this.clock.now() });
      await this.#announceRead(actor.personId, actor.organisationId);
    }
  }

  async markAllRead(actor: Actor): Promise<number> {
    if (actor.kind !== 'person') {
      return 0;
    }
    const result = await this.db.reader
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: this.clock.now() })
      .where('person_id = :p AND organisation_id = :o AND read_at IS NULL', {
        p: actor.personId,
        o: actor.organisationId,
      })
      .execute();
    if (result.affected) {
      await this.#announceRead(actor.personId, actor.organisationId);
    }
    return result.affected ?? 0;
  }

  /** Tells the person's other windows that the inbox changed. */
  async #announceRead(personId: string, organisationId: string): Promise<void> {
    await this.live.publish({ personIds: [personId] }, { type: 'notifications', organisationId, reason: 'read' });
  }

  /** Each new reader also gets the e-mail of it that they chose (at once, in the digest, or none). */
  async #deliver(tx: Tx, notice: StaffNotice, personIds: readonly string[], createdAt: Date): Promise<number> {
    if (personIds.length === 0) {
      return 0;
    }
    const { id: messageId, organisationId } = notice;
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(personIds.map((personId) => ({ messageId, personId, organisationId, createdAt })))
      .orIgnore()
      .returning(['id', 'personId'])
      .execute();
    const delivered = (result.raw as { person_id: string }[]).map((row) => row.person_id);
    await this.staffMail.delivered(tx, notice, delivered);
    if (delivered.length > 0) {
      this.live.afterCommit(tx, { personIds: delivered }, { type: 'notifications', organisationId, reason: 'created' });
    }
    return delivered.length;
  }
}

interface RawNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link_type: string | null;
  link_id: string | null;
  created_at: Date;
  read_at: Date | null;
}
