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

import type { OrganisationKind } from './organisation-kind.js';

/** A body in the directory: the city, kommunstyrelsen, a board or a company board. */
@Entity('organisations')
/**
 * Names are unique regardless of letter case and white space: a unique index on
 * `lower(regexp_replace(btrim(name), '\s+', ' ', 'g'))`, made by its migration (TypeORM cannot
 * declare an index on an expression).
 */
@Index('uq_organisations_name_key', { synchronize: false })
@Index('uq_organisations_diary_prefix', ['diaryPrefix'], { unique: true, where: 'diary_prefix IS NOT NULL' })
@Check(
  'chk_organisations_kind',
  `kind IN ('city', 'executive_board', 'district_board', 'specialist_board', 'company_board')`,
)
@Check('chk_organisations_diary_prefix', `diary_prefix IS NULL OR diary_prefix ~ '^[A-ZÅÄÖ]{1,6}$'`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The body's name: `Hägersten-Älvsjö stadsdelsnämnd`. */
  @Column('text')
  name!: string;

  @Column('text')
  kind!: OrganisationKind;

  /** The administration that serves the body: `Hägersten-Älvsjö stadsdelsförvaltning`. */
  @Column('text', { nullable: true })
  administrationName!: string | null;

  /** The body's diary series: `HÄ`. */
  @Column('text', { nullable: true })
  diaryPrefix!: string | null;

  @Column('text', { nullable: true })
  streetAddress!: string | null;

  @Column('text', { nullable: true })
  postalCode!: string | null;

  @Column('text', { nullable: true })
  postalTown!: string | null;

  /** The registry's e-mail address, where the public and other bodies send records. */
  @Column('text', { nullable: true })
  registryEmail!: string | null;

  /** The web address printed in document footers (`start.stockholm`). */
  @Column('text', { nullable: true })
  website!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('OrganisationEntity')
  parentId!: string | null;

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
