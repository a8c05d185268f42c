import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something to tell people: written in the transaction of the change it is about, then
 * delivered to each person of its audience as a notification.
 */
@Entity('notification_messages')
@Index('uq_notification_messages_source_key', ['sourceKey'], { unique: true })
@Check('chk_notification_messages_audience', 'audience_person_ids IS NOT NULL OR audience_roles IS NOT NULL')
export class NotificationMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What caused it (`role-granted:<id>`); the same cause never gives two messages. */
  @Column('text')
  sourceKey!: string;

  /** The organisation in whose inbox it appears. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  /** The diary number of the case it is about, for the subject of its e-mail. */
  @Column('text', { nullable: true })
  diaryNumber!: string | null;

  @Column('text', { nullable: true })
  linkType!: string | null;

  @Column('text', { nullable: true })
  linkId!: string | null;

  /** Named people, and/or … */
  @Column('uuid', { array: true, nullable: true })
  audiencePersonIds!: string[] | null;

  /** … everyone holding one of these roles in the message's organisation when it is delivered. */
  @Column('text', { array: true, nullable: true })
  audienceRoles!: string[] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
