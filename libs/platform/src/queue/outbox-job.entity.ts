import { Check, Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job written in the same transaction as the state change that calls for it. The relay
 * hands it to BullMQ with this row's id as the job id; the row stays the truth about whether
 * the job has been done.
 */
@Entity('outbox_jobs')
@Index('idx_outbox_jobs_pending', ['seq'], { where: 'relayed_at IS NULL AND settled_at IS NULL' })
@Index('idx_outbox_jobs_unsettled', ['relayedAt'], { where: 'relayed_at IS NOT NULL AND settled_at IS NULL' })
@Check('chk_outbox_jobs_outcome', `outcome IS NULL OR outcome IN ('completed', 'failed')`)
export class OutboxJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Commit order, for relaying oldest first. */
  @Column('bigint')
  @Generated('increment')
  seq!: string;

  @Column('text')
  queue!: string;

  @Column('text')
  name!: string;

  @Column('jsonb')
  payload!: unknown;

  @Column('timestamptz', { default: () => 'now()' })
  availableAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  relayedAt!: Date | null;

  @Column('integer', { default: 0 })
  relayCount!: number;

  @Column('timestamptz', { nullable: true })
  settledAt!: Date | null;

  @Column('text', { nullable: true })
  outcome!: 'completed' | 'failed' | null;

  @Column('text', { nullable: true })
  lastError!: string | null;
}
