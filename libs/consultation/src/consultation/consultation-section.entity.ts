import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A part of the remiss the recipients are asked to comment on (a focus area with its goals). */
@Entity('consultation_sections')
@Index('uq_consultation_sections_consultation_position', ['consultationId', 'position'], { unique: true })
export class ConsultationSectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('ConsultationEntity')
  consultationId!: string;

  @Column('integer')
  position!: number;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  description!: string;
}
