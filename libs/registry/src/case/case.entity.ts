import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A case (ärende) in an organisation's registry, numbered in its series' format (`PREFIX YEAR/N` by default). */
@Entity('cases')
@Index('uq_cases_organisation_year_sequence', ['organisationId', 'year', 'numberingClass', 'sequence'], {
  unique: true,
})
@Index('uq_cases_organisation_diary_number', ['organisationId', 'diaryNumber'], { unique: true })
@Index('uq_cases_origin_key', ['originKey'], { unique: true, where: 'origin_key IS NOT NULL' })
// The diary's sort orders, each with the id last so that a page can start after a row (keyset).
@Index('idx_cases_list_registered_at', ['organisationId', 'registeredAt', 'id'])
@Index('idx_cases_list_diary_number', ['organisationId', 'year', 'sequence', 'id'])
@Index('idx_cases_list_title', ['organisationId', 'title', 'id'])
@Index('idx_cases_responsible_person_id', ['responsiblePersonId'])
// Full text over registry_search_vector(title, counterpart, description): an expression index the migration makes.
@Index('idx_cases_search', { synchronize: false })
@Check('chk_cases_status', `status IN ('open', 'closed')`)
@Check('chk_cases_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('integer')
  year!: number;

  @Column('integer')
  sequence!: number;

  /** The classification the sequence runs within, when the series' format holds one; else empty. */
  @Column('text', { default: '' })
  numberingClass!: string;

  /** `HÄ 2025/578`, `1.5.1-135-2012`: fixed at registration, in the format of the series then. */
  @Column('text')
  diaryNumber!: string;

  /** Between the case's number and a document's running number (`HÄ 2025/578-3`), as the format had it. */
  @Column('text', { default: '-' })
  documentSeparator!: string;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { default: 'open' })
  status!: 'open' | 'closed';

  /** Code from the organisation's records plan. */
  @Column('text', { nullable: true })
  classificationCode!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('DepartmentEntity')
  responsibleDepartmentId!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  responsiblePersonId!: string | null;

  /** Who the case is with: the sender of a remiss, an applicant. */
  @Column('text', { nullable: true })
  counterpart!: string | null;

  /** The same matter's number in the counterpart's registry (`KS 2025/1234`). */
  @Column('text', { nullable: true })
  linkedDiaryNumber!: string | null;

  /** What created the case when the system did (`consultation-recipient:<id>`): never twice. */
  @Column('text', { nullable: true })
  originKey!: string | null;

  @Column('date')
  registeredOn!: string;

  @Column('timestamptz')
  registeredAt!: Date;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  registeredBy!: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  closedBy!: string | null;

  /** The last document number given in the case (`HÄ 2025/578-3`). */
  @Column('integer', { default: 0 })
  lastDocumentNumber!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
