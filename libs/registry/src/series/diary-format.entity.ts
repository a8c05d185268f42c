import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The format of an organisation's diary series, when its registrar set one (a series carried
 * over from an older system keeps the numbers it had); without a row, `PREFIX YEAR/N`.
 */
@Entity('diary_formats')
export class DiaryFormatEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** `{class}-{n}-{yyyy}`: see `DiaryFormat`. */
  @Column('text')
  template!: string;

  @Column('text')
  documentSeparator!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
