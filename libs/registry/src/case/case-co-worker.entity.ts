import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A person the registrar has added to a case to work in it beside its responsible officer:
 * they write its statement and register documents in it, as the responsible officer does.
 */
@Entity('case_co_workers')
@Index('idx_case_co_workers_person_id', ['personId'])
export class CaseCoWorkerEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('CaseEntity')
  caseId!: string;

  @PrimaryColumn('uuid')
  @ForeignKey('PersonEntity')
  personId!: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  addedBy!: string | null;

  @Column('timestamptz')
  addedAt!: Date;
}
