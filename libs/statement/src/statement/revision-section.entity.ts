import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Position } from '@app/consultation';

/** A revision's position and comment on one section of the remiss (printed only where given). */
@Entity('statement_revision_sections')
@Index('uq_statement_revision_sections_revision_section', ['revisionId', 'sectionId'], { unique: true })
@Check(
  'chk_statement_revision_sections_position',
  `position IS NULL OR position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')`,
)
export class RevisionSectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('StatementRevisionEntity')
  revisionId!: string;

  @Column('uuid')
  @ForeignKey('ConsultationSectionEntity')
  sectionId!: string;

  /** Where the entry stands in the revision: the order of the remiss's sections. */
  @Column('integer')
  ordinal!: number;

  @Column('text', { nullable: true })
  position!: Position | null;

  @Column('text', { default: '' })
  comment!: string;
}
