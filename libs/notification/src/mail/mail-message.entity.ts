import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A file a message carries, read from the file store when the message is sent. */
export interface MailAttachmentRef {
  readonly fileName: string;
  readonly mediaType: string;
  readonly blobId: string;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

/**
 * One e-mail to one address: written in the transaction of the change that causes it, sent by
 * the worker. The cause gives it a stable Message-ID, so one cause never gives two messages and
 * a re-delivered job finds its message sent.
 */
@Entity('mail_messages')
@Index('uq_mail_messages_cause_key', ['causeKey'], { unique: true })
@Index('uq_mail_messages_message_id', ['messageId'], { unique: true })
@Index('idx_mail_messages_recipient', ['recipientId'])
@Index('idx_mail_messages_person_kind', ['personId', 'kind', 'createdAt'])
@Check('chk_mail_messages_status', `status IN ('pending', 'sent', 'failed')`)
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What caused it (`consultation-recipient:<id>:remiss`, `notification:<id>`, `digest:<person>:<day>`). */
  @Column('text')
  causeKey!: string;

  /** The RFC 5322 Message-ID, derived from the cause. */
  @Column('text')
  messageId!: string;

  @Column('text')
  kind!: string;

  /** The organisation that sends it (whose registrar sees a failed delivery). */
  @Column('uuid', { nullable: true })
  @ForeignKey('OrganisationEntity')
  organisationId!: string | null;

  /** The member of staff it goes to, when it goes to one. */
  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  personId!: string | null;

  /** The external recipient of a remiss it goes to, when it goes to one. */
  @Column('uuid', { nullable: true })
  recipientId!: string | null;

  @Column('text')
  toName!: string;

  @Column('text')
  toAddress!: string;

  @Column('text', { nullable: true })
  replyTo!: string | null;

  @Column('text')
  subject!: string;

  @Column('text')
  text!: string;

  @Column('text')
  html!: string;

  @Column('jsonb')
  attachments!: MailAttachmentRef[];

  @Column('text', { default: 'pending' })
  status!: MailStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  /** The server's answer (or the connection error) of the last failed attempt. */
  @Column('text', { nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;
}
