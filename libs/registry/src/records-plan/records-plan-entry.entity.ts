import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One classification of an organisation's records plan (dokumenthanteringsplan). */
@Entity('records_plan_entries')
@Index('uq_records_plan_entries_organisation_code', ['organisationId', 'code'], { unique: true })
export class RecordsPlanEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** `2.3.1` */
  @Column('text')
  code!: string;

  @Column('text')
  title!: string;

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
