import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A remiss: drafted and sent by the sender's case officer, in the sender's own case. A remiss from
 * outside the directory (a ministry, an agency, the region) is recorded by the registrar who
 * received it: its sender is then a counterpart named here, and the organisation and case are the
 * receiver's own, where it is both tracked and answered.
 */
@Entity('consultations')
@Index('idx_consultations_organisation_id', ['organisationId'])
@Check('chk_consultations_outside_sender', '(outside_sender_name IS NULL) = (outside_sender_email IS NULL)')
@Check(
  'chk_consultations_outside_details',
  'outside_sender_name IS NOT NULL OR (outside_sender_address IS NULL AND outside_sender_reference IS NULL)',
)
@Check('chk_consultations_status', `status IN ('draft', 'sent')`)
@Check('chk_consultations_sent', `(status = 'sent') = (sent_at IS NOT NULL)`)
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The sender; for a remiss from outside, the organisation that received it. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** The sender's case the remiss is handled in; for a remiss from outside, the receiver's case. */
  @Column('uuid')
  @ForeignKey('CaseEntity')
  caseId!: string;

  @Column('text')
  title!: string;

  /** In the statement markup. */
  @Column('text', { default: '' })
  description!: string;

  /** svarsdatum */
  @Column('date')
  responseDeadline!: string;

  @Column('text', { default: 'draft' })
  status!: 'draft' | 'sent';

  /** The remissunderlag's version: 1 when sent, one more for each correction. */
  @Column('integer', { default: 1 })
  documentsVersion!: number;

  /** The sender outside the directory (`Kulturdepartementet`); null for a remiss from inside. */
  @Column('text', { nullable: true })
  outsideSenderName!: string | null;

  @Column('text', { nullable: true })
  outsideSenderEmail!: string | null;

  /** Postal address, as many lines as it has, separated by newlines. */
  @Column('text', { nullable: true })
  outsideSenderAddress!: string | null;

  /** The sender's own reference (`Ku2025/01234`), printed as "Er referens" on the answer. */
  @Column('text', { nullable: true })
  outsideSenderReference!: string | null;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  createdBy!: string;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  sentBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
