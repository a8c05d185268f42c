import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Position } from './position.js';

/** The answer's position and comment on one section of the remiss, where the recipient gave one. */
@Entity('consultation_answer_sections')
@Index('uq_consultation_answer_sections_answer_section', ['answerId', 'sectionId'], { unique: true })
@Check(
  'chk_consultation_answer_sections_position',
  `position IS NULL OR position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')`,
)
export class ConsultationAnswerSectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('ConsultationAnswerEntity')
  answerId!: string;

  @Column('uuid')
  @ForeignKey('ConsultationSectionEntity')
  sectionId!: string;

  @Column('text', { nullable: true })
  position!: Position | null;

  @Column('text', { default: '' })
  comment!: string;
}
