import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * The newest link of each organisation's audit chain. Writers lock it (FOR UPDATE) before
 * appending, so concurrent changes queue up instead of forking the chain.
 */
@Entity('audit_chain_heads')
export class AuditChainHeadEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('bigint')
  seq!: string;

  @Column('char', { length: 64 })
  hash!: string;

  /** The head's seq and hash keyed with the audit key: a chain cut short cannot be given a head that passes. */
  @Column('char', { length: 64, nullable: true })
  mac!: string | null;
}
