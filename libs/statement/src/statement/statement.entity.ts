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

import type { StatementStatus } from './statement-status.js';

/**
 * A tjänsteutlåtande: the administration's report and proposal to its board, drafted in
 * numbered revisions in a recipient's case. Its status says who may act on it next.
 */
@Entity('statements')
@Index('uq_statements_case_id', ['caseId'], { unique: true })
@Index('idx_statements_organisation_status', ['organisationId', 'status'])
@Check('chk_statements_status', `status IN ('drafting', 'in_approval', 'approved', 'adopted', 'answered')`)
@Check('chk_statements_frozen', `(status IN ('approved', 'adopted', 'answered')) = (approved_revision IS NOT NULL)`)
export class StatementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The board's organisation whose administration writes the report. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** The case in the organisation's registry. */
  @Column('uuid')
  @ForeignKey('CaseEntity')
  caseId!: string;

  /** The remiss recipient the report answers for, when it answers a remiss. */
  @Column('uuid', { nullable: true })
  @ForeignKey('ConsultationRecipientEntity')
  recipientId!: string | null;

  @Column('text', { default: 'drafting' })
  status!: StatementStatus;

  /** The newest revision's number; a save names the number it started from. */
  @Column('integer')
  currentRevision!: number;

  /** The revision frozen by the last approval: the one put before the board. */
  @Column('integer', { nullable: true })
  approvedRevision!: number | null;

  /**
   * The meeting the approved revision goes before: the one it was approved for, or the one a
   * registrar moved it to since. None while the text is drafted (the revision names its meeting).
   */
  @Column('uuid', { nullable: true })
  @ForeignKey('BoardMeetingEntity')
  meetingId!: string | null;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
