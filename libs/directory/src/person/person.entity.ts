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

/** A person who works in an organisation, with the credentials they log in with. */
@Entity('people')
@Index('uq_people_email', ['email'], { unique: true })
@Index('idx_people_organisation_id', ['organisationId'])
@Check('chk_people_email_lower', 'email = lower(email)')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The employing organisation. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('DepartmentEntity')
  departmentId!: string | null;

  @Column('text')
  name!: string;

  /** The title printed under the name: `avdelningschef`. */
  @Column('text', { nullable: true })
  title!: string | null;

  @Column('text')
  email!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  /** argon2id; null for a person who cannot log in. */
  @Column('text', { nullable: true, select: false })
  passwordHash!: string | null;

  @Column('timestamptz', { nullable: true })
  disabledAt!: Date | null;

  /**
   * Carried by every token issued to the person and raised whenever their credentials change
   * (a new password, a reset, being disabled or enabled): a token with an older value is refused.
   */
  @Column('integer', { default: 1 })
  credentialsVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
