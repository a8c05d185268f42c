import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One person's copy of a message in their inbox, read or unread. */
@Entity('notifications')
@Index('uq_notifications_message_person', ['messageId', 'personId'], { unique: true })
@Index('idx_notifications_inbox', ['personId', 'organisationId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('NotificationMessageEntity')
  messageId!: string;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  personId!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('timestamptz', { nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
