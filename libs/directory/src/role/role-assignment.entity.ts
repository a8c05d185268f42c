import type { Role } from '@app/platform';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A role a person holds in an organisation. A person may hold several, in several organisations. */
@Entity('role_assignments')
@Index('uq_role_assignments_person_organisation_role', ['personId', 'organisationId', 'role'], { unique: true })
@Index('idx_role_assignments_organisation_role', ['organisationId', 'role'])
@Check(
  'chk_role_assignments_role',
  `role IN ('case_officer', 'head_of_department', 'director', 'registrar', 'administrator')`,
)
export class RoleAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  personId!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('text')
  role!: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
