import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What the board decided: on a statement's frozen revision, or to decline a remiss without one. */
export type DecisionOutcome = 'adopted' | 'adopted_with_amendments' | 'referred_back' | 'declined';

/**
 * A decision of the board at one of its meetings, as the registrar records it from the minutes:
 * on a frozen revision (adopted, as proposed or with amendments, or referred back — återremiss),
 * or to decline a remiss. Final once the minutes are confirmed (justering). A paragraph number
 * stands once in a meeting's minutes.
 */
@Entity('board_decisions')
@Index('idx_board_decisions_statement_id', ['statementId'])
@Index('idx_board_decisions_recipient_id', ['recipientId'])
@Index('uq_board_decisions_meeting_paragraph', ['meetingId', 'paragraphNumber'], { unique: true })
@Check('chk_board_decisions_outcome', `outcome IN ('adopted', 'adopted_with_amendments', 'referred_back', 'declined')`)
@Check('chk_board_decisions_amendment', `(outcome = 'adopted_with_amendments') = (amended_text IS NOT NULL)`)
@Check(
  'chk_board_decisions_subject',
  `(outcome = 'declined') = (statement_id IS NULL) AND (statement_id IS NULL) = (revision_number IS NULL) AND (outcome = 'declined') = (recipient_id IS NOT NULL)`,
)
@Check('chk_board_decisions_paragraph', 'paragraph_number > 0')
export class BoardDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The statement decided on; none when the board declined a remiss outright. */
  @Column('uuid', { nullable: true })
  @ForeignKey('StatementEntity')
  statementId!: string | null;

  @Column('integer', { nullable: true })
  revisionNumber!: number | null;

  /** The remiss the board declined to answer (outcome `declined` only). */
  @Column('uuid', { nullable: true })
  @ForeignKey('ConsultationRecipientEntity')
  recipientId!: string | null;

  @Column('uuid')
  @ForeignKey('BoardMeetingEntity')
  meetingId!: string;

  /** The paragraph of the minutes: 12 for `§ 12`. */
  @Column('integer')
  paragraphNumber!: number;

  @Column('text')
  decisionText!: string;

  @Column('text')
  outcome!: DecisionOutcome;

  /** The decision as adopted, when the board changed the proposal. */
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
