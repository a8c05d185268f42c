import { APP_CONFIG, type AppConfig, Clock, Db, JobName, OutboxService, type Reader, type Tx } from '@app/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';

import { composeMail, type MailAddress, type MailAttachment } from './compose-mail.js';
import { type MailAttachmentRef, MailMessageEntity } from './mail-message.entity.js';
import { MailRefused, MailTransport } from './mail-transport.js';

export interface MailInput {
  /** What causes the message; the same cause never gives two messages. */
  readonly causeKey: string;
  readonly kind: string;
  readonly organisationId?: string | null;
  readonly personId?: string | null;
  readonly recipientId?: string | null;
  readonly to: MailAddress;
  readonly replyTo?: string | null;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly attachments?: readonly MailAttachmentRef[];
}

/** The address part of `Name <address>` (or the address itself). */
export function addressOf(mailbox: string): MailAddress {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  return match ? { name: match[1] ?? '', address: match[2] ?? '' } : { name: '', address: mailbox.trim() };
}

/**
 * The mail outbox: messages are written in the transaction of their cause and sent by the
 * worker's `mail.send` job. Sending locks the row, so a job delivered twice sends once; a 5xx
 * answer, or the last attempt failing, marks the message failed with the server's answer.
 */
@Injectable()
export class MailService {
  readonly #log = new Logger('mail');

  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The Message-ID of a cause: the same on every attempt and on every machine. */
  messageIdOf(causeKey: string): string {
    const domain = addressOf(this.config.mail.from).address.split('@')[1] ?? 'remiss.invalid';
    return `<${createHash('sha256').update(causeKey).digest('hex').slice(0, 40)}@${domain}>`;
  }

  /** Writes the message and its send job in the caller's transaction; returns its id, or undefined when the cause already has one. */
  async queue(tx: Tx, input: MailInput): Promise<string | undefined> {
    const inserted = (await tx
      .createQueryBuilder()
      .insert()
      .into(MailMessageEntity)
      .values({
        causeKey: input.causeKey,
        messageId: this.messageIdOf(input.causeKey),
        kind: input.kind,
        organisationId: input.organisationId ?? null,
        personId: input.personId ?? null,
        recipientId: input.recipientId ?? null,
        toName: input.to.name,
        toAddress: input.to.address,
        replyTo: input.replyTo ?? null,
        subject: input.subject,
        text: input.text,
        html: input.html ?? '',
        attachments: [...(input.attachments ?? [])],
        createdAt: this.clock.now(),
      })
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: { id: string }[] };
    const id = inserted.raw[0]?.id;
    if (id) {
      await this.outbox.add(tx, JobName.SendMail, { mailId: id });
    }
    return id;
  }

  /**
   * Sends a failed message again, to a corrected address when one is given. The old answer
   * stays in the audit trail of the caller, not here.
   */
  async resend(tx: Tx, mailId: string, address?: string): Promise<void> {
    await tx.update(
      MailMessageEntity,
      { id: mailId },
      { status: 'pending', attempts: 0, lastError: null, ...(address ? { toAddress: address } : {}) },
    );
    await this.outbox.add(tx, JobName.SendMail, { mailId });
  }

  /**
   * Sends one message, unless it is sent or failed already. Attachments are read through
   * `readFile` (the file store) only now, so the outbox holds references, not copies.
   */
  async send(
    mailId: string,
    job: { readonly lastAttempt: boolean },
    readFile: (blobId: string) => Promise<Buffer>,
  ): Promise<void> {
    let failure: Error | undefined;
    const unlocked = await this.db.reader.findOneBy(MailMessageEntity, { id: mailId });
    if (!unlocked || unlocked.status !== 'pending') {
      return;
    }
    // Read before the transaction: the file store reads outside any transaction.
    const attachments: MailAttachment[] = [];
    for (const a of unlocked.attachments) {
      attachments.push({ fileName: a.fileName, mediaType: a.mediaType, content: await readFile(a.blobId) });
    }
    await this.db.transaction(async (tx) => {
      // The lock keeps a second delivery of the job waiting until this one has recorded the send.
      const row = await tx.findOne(MailMessageEntity, { where: { id: mailId }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.status !== 'pending') {
        return;
      }
      const from = addressOf(this.config.mail.from);
      const raw = await composeMail({
        from,
        to: { name: row.toName, address: row.toAddress },
        replyTo: row.replyTo ? { name: from.name, address: row.replyTo } : null,
        subject: row.subject,
        text: row.text,
        ...(row.html ? { html: row.html } : {}),
        date: this.clock.now(),
        messageId: row.messageId,
        attachments,
      });
      try {
        await this.transport.send(raw, { from: from.address, to: row.toAddress }, `${row.kind}-${row.id}.eml`);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        return;
      }
      await tx.update(
        MailMessageEntity,
        { id: row.id },
        { status: 'sent', sentAt: this.clock.now(), attempts: row.attempts + 1, lastError: null },
      );
      this.#log.log({ msg: 'mail sent', mailId: row.id, kind: row.kind });
    });
    if (failure !== undefined) {
      const answer = failure instanceof MailRefused ? failure.answer : failure.message;
      const final = failure instanceof MailRefused || job.lastAttempt;
      await this.db.reader
        .createQueryBuilder()
        .update(MailMessageEntity)
        .set({ attempts: () => 'attempts + 1', lastError: answer, ...(final ? { status: 'failed' as const } : {}) })
        .where('id = :id AND status = :pending', { id: mailId, pending: 'pending' })
        .execute();
      throw failure;
    }
  }

  /** A message not yet sent goes to the corrected address instead. */
  async readdress(tx: Tx, mailId: string, address: string): Promise<void> {
    await tx.update(MailMessageEntity, { id: mailId, status: 'pending' }, { toAddress: address });
  }

  /** The messages to external recipients of a remiss, newest first: what the status board shows. */
  async forRecipients(recipientIds: readonly string[], reader?: Reader): Promise<MailMessageEntity[]> {
    if (recipientIds.length === 0) {
      return [];
    }
    return (reader ?? this.db.reader)
      .createQueryBuilder(MailMessageEntity, 'm')
      .where('m.recipient_id = ANY(:ids)', { ids: [...recipientIds] })
      .orderBy('m.created_at', 'DESC')
      .getMany();
  }

  async findById(id: string, tx?: Tx): Promise<MailMessageEntity | null> {
    return (tx ?? this.db.reader).findOneBy(MailMessageEntity, { id });
  }
}
