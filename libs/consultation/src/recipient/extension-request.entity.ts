import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A recipient's request for a later deadline (anstånd), and the sender's answer. */
@Entity('extension_requests')
@Index('uq_extension_requests_pending', ['recipientId'], { unique: true, where: `status = 'pending'` })
@Check('chk_extension_requests_status', `status IN ('pending', 'granted', 'refused')`)
@Check('chk_extension_requests_decided', `(status = 'pending') = (decided_at IS NULL)`)
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('ConsultationRecipientEntity')
  recipientId!: string;

  @Column('date')
  requestedDeadline!: string;

  @Column('text')
  reason!: string;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  requestedBy!: string;

  @Column('timestamptz')
  requestedAt!: Date;

  @Column('text', { default: 'pending' })
  status!: 'pending' | 'granted' | 'refused';

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('text', { nullable: true })
  comment!: string | null;
}
