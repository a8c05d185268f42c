import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person acting for another (ersättare) in an organisation for a period, in their approval steps. */
@Entity('substitutes')
@Index('idx_substitutes_organisation_substitute', ['organisationId', 'substituteId'])
@Check('chk_substitutes_period', 'valid_to >= valid_from')
@Check('chk_substitutes_not_self', 'person_id <> substitute_id')
export class SubstituteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  /** The one who is away. */
  @Column('uuid')
  @ForeignKey('PersonEntity')
  personId!: string;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  substituteId!: string;

  @Column('date')
  validFrom!: string;

  @Column('date')
  validTo!: string;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
