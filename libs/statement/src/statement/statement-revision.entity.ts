import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Position } from '@app/consultation';

/**
 * One saved version of a tjänsteutlåtande's parts, each part its own column. Never changed once
 * written; the content hash is what approvals are bound to.
 */
@Entity('statement_revisions')
@Index('uq_statement_revisions_statement_number', ['statementId', 'number'], { unique: true })
@Check(
  'chk_statement_revisions_position',
  `position IS NULL OR position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')`,
)
export class StatementRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('StatementEntity')
  statementId!: string;

  @Column('integer')
  number!: number;

  @Column('text')
  title!: string;

  /** `Yttrande till kommunstyrelsen` */
  @Column('text')
  heading!: string;

  /** Förvaltningens förslag till beslut: one entry per decision point (markup). */
  @Column('text', { array: true })
  proposedDecision!: string[];

  @Column('text', { default: '' })
  summary!: string;

  @Column('text', { default: '' })
  background!: string;

  /** Ärendet */
  @Column('text', { default: '' })
  matter!: string;

  /** Ärendets beredning, as written. */
  @Column('text', { default: '' })
  preparationText!: string;

  @Column('uuid', { array: true, default: () => "'{}'" })
  consultedDepartmentIds!: string[];

  @Column('date', { nullable: true })
  unionsInformedOn!: string | null;

  @Column('text', { nullable: true })
  unionForum!: string | null;

  /** Förvaltningens synpunkter och förslag */
  @Column('text', { default: '' })
  views!: string;

  /** The overall position on the remiss. */
  @Column('text', { nullable: true })
  position!: Position | null;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  officerId!: string;

  /** The board meeting the report goes to. */
  @Column('uuid', { nullable: true })
  @ForeignKey('BoardMeetingEntity')
  meetingId!: string | null;

  @Column('date')
  documentDate!: string;

  @Column('char', { length: 64 })
  contentHash!: string;

  /** Who saved this revision. */
  @Column('uuid')
  @ForeignKey('PersonEntity')
  authorId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
