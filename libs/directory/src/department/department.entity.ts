import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An avdelning of an organisation's administration. */
@Entity('departments')
@Index('uq_departments_organisation_name', ['organisationId', 'name'], { unique: true })
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** `Avdelningen för ekonomi och upphandling`. */
  @Column('text')
  name!: string;

  /** The contact e-mail printed in the footer of the department's documents. */
  @Column('text', { nullable: true })
  contactEmail!: string | null;

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
