import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A question to another department during the preparation (beredning), and its answer. */
@Entity('preparation_requests')
@Index('idx_preparation_requests_statement_id', ['statementId'])
@Index('idx_preparation_requests_department_open', ['departmentId'], { where: 'answered_at IS NULL' })
export class PreparationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('StatementEntity')
  statementId!: string;

  @Column('uuid')
  @ForeignKey('DepartmentEntity')
  departmentId!: string;

  @Column('text')
  question!: string;

  @Column('date')
  deadline!: string;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  askedBy!: string;

  @Column('timestamptz')
  askedAt!: Date;

  @Column('text', { nullable: true })
  answer!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  answeredBy!: string | null;

  @Column('timestamptz', { nullable: true })
  answeredAt!: Date | null;
}
