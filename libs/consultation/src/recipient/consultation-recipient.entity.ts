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

import type { RecipientState } from './recipient-state.js';

/**
 * A body asked to answer a remiss: an organisation of the directory, which gets the remiss in
 * its own registry, or an external body (association, company, ministry) reached by e-mail.
 */
@Entity('consultation_recipients')
@Index('uq_consultation_recipients_organisation', ['consultationId', 'organisationId'], {
  unique: true,
  where: 'organisation_id IS NOT NULL',
})
@Index('uq_consultation_recipients_external_email', ['consultationId', 'externalEmail'], {
  unique: true,
  where: 'external_email IS NOT NULL',
})
@Index('idx_consultation_recipients_organisation_id', ['organisationId'])
@Index('uq_consultation_recipients_case_id', ['caseId'], { unique: true, where: 'case_id IS NOT NULL' })
@Check('chk_consultation_recipients_kind', '(organisation_id IS NULL) <> (external_email IS NULL)')
@Check('chk_consultation_recipients_external', '(external_email IS NULL) = (external_name IS NULL)')
@Check('chk_consultation_recipients_email_lower', 'external_email = lower(external_email)')
@Check(
  'chk_consultation_recipients_state',
  `state IN ('sent', 'registered', 'assigned', 'drafting', 'in_approval', 'decided', 'answered', 'declined')`,
)
@Check('chk_consultation_recipients_declined', `(state = 'declined') = (declined_at IS NOT NULL)`)
@Check(
  'chk_consultation_recipients_decline_decision',
  '(declined_by_person_id IS NULL OR decline_decision_id IS NULL) AND (declined_by_person_id IS NULL) = (declined_by_name IS NULL)',
)
export class ConsultationRecipientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('ConsultationEntity')
  consultationId!: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('OrganisationEntity')
  organisationId!: string | null;

  @Column('text', { nullable: true })
  externalName!: string | null;

  @Column('text', { nullable: true })
  externalEmail!: string | null;

  @Column('text', { default: 'sent' })
  state!: RecipientState;

  /** This recipient's deadline: the remiss's, or a later one granted on request. */
  @Column('date')
  responseDeadline!: string;

  /** The case in the recipient's own registry. */
  @Column('uuid', { nullable: true })
  @ForeignKey('CaseEntity')
  caseId!: string | null;

  @Column('text', { nullable: true })
  diaryNumber!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('DepartmentEntity')
  assignedDepartmentId!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  assignedPersonId!: string | null;

  @Column('timestamptz', { nullable: true })
  answeredAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  declinedAt!: Date | null;

  @Column('text', { nullable: true })
  declineReason!: string | null;

  /**
   * Who decided to decline on the board's behalf (delegation), when the administration decided;
   * with the name and title they had then, as the avstående prints them.
   */
  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  declinedByPersonId!: string | null;

  @Column('text', { nullable: true })
  declinedByName!: string | null;

  @Column('text', { nullable: true })
  declinedByTitle!: string | null;

  /** The board's own decision to decline (its meeting and paragraph), when the board decided. */
  @Column('uuid', { nullable: true })
  @ForeignKey('BoardDecisionEntity')
  declineDecisionId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
