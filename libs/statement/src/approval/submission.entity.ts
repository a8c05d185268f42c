import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ChainStep } from '../statement.views.js';

/**
 * A revision sent for approval. Its chain and its authors are fixed when it is submitted; it is
 * open until the last step approves, a step asks for changes, or the text changes.
 */
@Entity('statement_submissions')
@Index('uq_statement_submissions_open', ['statementId'], { unique: true, where: `status = 'open'` })
@Check('chk_statement_submissions_status', `status IN ('open', 'approved', 'changes_requested', 'withdrawn')`)
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('StatementEntity')
  statementId!: string;

  @Column('integer')
  revisionNumber!: number;

  @Column('char', { length: 64 })
  contentHash!: string;

  @Column('jsonb')
  chain!: ChainStep[];

  /** Everyone who saved a revision since the previous submission: none of them may approve. */
  @Column('uuid', { array: true })
  authorIds!: string[];

  @Column('text', { default: 'open' })
  status!: 'open' | 'approved' | 'changes_requested' | 'withdrawn';

  @Column('uuid')
  @ForeignKey('PersonEntity')
  submittedBy!: string;

  @Column('timestamptz')
  submittedAt!: Date;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;
}
