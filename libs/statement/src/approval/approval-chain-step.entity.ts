import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Role } from '@app/platform';

/**
 * One step of an organisation's approval chain, in order. Without configured steps the chain is
 * the city's usual one: the head of the officer's own department, then the director.
 */
@Entity('approval_chain_steps')
@Index('uq_approval_chain_steps_organisation_position', ['organisationId', 'position'], { unique: true })
@Check(
  'chk_approval_chain_steps_role',
  `role IN ('case_officer', 'head_of_department', 'director', 'registrar', 'administrator')`,
)
export class ApprovalChainStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('integer')
  position!: number;

  @Column('text')
  role!: Role;

  /** The approver must belong to the case officer's own department. */
  @Column('boolean', { default: false })
  sameDepartment!: boolean;
}
