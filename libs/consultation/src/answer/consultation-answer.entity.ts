import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Position } from './position.js';

/** A recipient's delivered answer: its overall position and its comment, registered in the sender's case. */
@Entity('consultation_answers')
@Index('uq_consultation_answers_recipient_id', ['recipientId'], { unique: true })
@Check('chk_consultation_answers_position', `position IN ('supports', 'supports_in_part', 'opposes', 'no_comment')`)
@Check('chk_consultation_answers_source', `source IN ('statement', 'external')`)
export class ConsultationAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('ConsultationRecipientEntity')
  recipientId!: string;

  @Column('text')
  position!: Position;

  @Column('text', { default: '' })
  comment!: string;

  @Column('text')
  source!: 'statement' | 'external';

  @Column('date')
  answeredOn!: string;

  /** The answer as registered in the sender's case. */
  @Column('uuid', { nullable: true })
  @ForeignKey('RegisteredDocumentEntity')
  senderDocumentId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
