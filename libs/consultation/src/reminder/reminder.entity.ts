import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reminder sent to a recipient. The unique key (recipient, kind, deadline) makes each
 * reminder go out once, however many workers scan at the same time; a new deadline after an
 * extension starts its reminders afresh.
 */
@Entity('consultation_reminders')
@Index('uq_consultation_reminders_recipient_kind_deadline', ['recipientId', 'kind', 'deadline'], { unique: true })
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('ConsultationRecipientEntity')
  recipientId!: string;

  /** `before:7`, `before:1`, `overdue` */
  @Column('text')
  kind!: string;

  @Column('date')
  deadline!: string;

  @Column('timestamptz')
  sentAt!: Date;
}
