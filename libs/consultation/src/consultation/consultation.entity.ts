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

/** A remiss: drafted and sent by the sender's case officer, in the sender's own case. */
@Entity('consultations')
@Index('idx_consultations_organisation_id', ['organisationId'])
@Check('chk_consultations_status', `status IN ('draft', 'sent')`)
@Check('chk_consultations_sent', `(status = 'sent') = (sent_at IS NOT NULL)`)
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The sender. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** The sender's case the remiss is handled in. */
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
