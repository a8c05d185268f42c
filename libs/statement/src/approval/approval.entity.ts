import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step's answer to a submission: approved (bound to the exact content hash) or changes
 * requested. The unique keys make two people approving the same step at once end with one
 * approval, and keep one person from approving two steps of the same revision.
 */
@Entity('statement_approvals')
@Index('uq_statement_approvals_submission_step', ['submissionId', 'step'], {
  unique: true,
  where: `decision = 'approved'`,
})
@Index('uq_statement_approvals_submission_approver', ['submissionId', 'approverId'], {
  unique: true,
  where: `decision = 'approved'`,
})
@Check('chk_statement_approvals_decision', `decision IN ('approved', 'changes_requested')`)
export class ApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('SubmissionEntity')
  submissionId!: string;

  @Column('uuid')
  @ForeignKey('StatementEntity')
  statementId!: string;

  @Column('integer')
  revisionNumber!: number;

  @Column('char', { length: 64 })
  contentHash!: string;

  /** Position in the chain, from 1. */
  @Column('integer')
  step!: number;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  approverId!: string;

  /** When the approver acts as someone's substitute (ersättare): whom for. */
  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  onBehalfOfId!: string | null;

  @Column('text')
  decision!: 'approved' | 'changes_requested';

  @Column('text', { default: '' })
  comment!: string;

  @Column('timestamptz')
  decidedAt!: Date;
}
