import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One append-only entry of an organisation's audit chain. A trigger refuses UPDATE and DELETE;
 * each record carries the hash of the one before it in the same chain, and a MAC of its own hash
 * under a key kept outside the database. Records written before the MAC have none and are
 * reported as unanchored.
 */
@Entity('audit_records')
@Unique('uq_audit_records_chain_seq', ['organisationId', 'seq'])
@Index('idx_audit_records_entity', ['entityType', 'entityId'])
export class AuditRecordEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The chain this record belongs to. */
  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('bigint')
  seq!: string;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  actorPersonId!: string | null;

  @Column('uuid', { nullable: true })
  @ForeignKey('OrganisationEntity')
  actingOrganisationId!: string | null;

  /** Set when the system acted (the worker), null for a person. */
  @Column('text', { nullable: true })
  actorProcess!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  entityType!: string;

  @Column('text')
  entityId!: string;

  @Column('jsonb', { nullable: true })
  before!: unknown;

  @Column('jsonb', { nullable: true })
  after!: unknown;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column('char', { length: 64 })
  prevHash!: string;

  @Column('char', { length: 64 })
  hash!: string;

  /** The hash keyed with the audit key (AUDIT_KEY), which the database never holds. */
  @Column('char', { length: 64, nullable: true })
  mac!: string | null;
}
