import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The board's decision on a frozen revision, as the registrar records it from the minutes.
 * Adopted (as proposed or with amendments) or referred back (återremiss); final once the
 * minutes are confirmed (justering).
 */
@Entity('board_decisions')
@Index('idx_board_decisions_statement_id', ['statementId'])
@Check('chk_board_decisions_outcome', `outcome IN ('adopted', 'adopted_with_amendments', 'referred_back')`)
@Check('chk_board_decisions_amendment', `(outcome = 'adopted_with_amendments') = (amended_text IS NOT NULL)`)
export class BoardDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('StatementEntity')
  statementId!: string;

  @Column('integer')
  revisionNumber!: number;

  @Column('date')
  meetingDate!: string;

  /** `§ 12` */
  @Column('text')
  paragraph!: string;

  @Column('text')
  decisionText!: string;

  @Column('text')
  outcome!: 'adopted' | 'adopted_with_amendments' | 'referred_back';

  @Column('text', { nullable: true })
  amendedText!: string | null;

  /** Reservationer, as text. */
  @Column('text', { default: '' })
  reservations!: string;

  /** Särskilda uttalanden, as text. */
  @Column('text', { default: '' })
  memberStatements!: string;

  @Column('boolean')
  confirmedImmediately!: boolean;

  /** The day the minutes are (or were) confirmed. */
  @Column('date')
  confirmationDate!: string;

  @Column('timestamptz', { nullable: true })
  confirmedAt!: Date | null;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  recordedBy!: string;

  @Column('timestamptz')
  recordedAt!: Date;
}
