import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A token ended before its time (logged out). Kept until the token would have expired anyway,
 * then removed: after that its signature check refuses it on its own.
 */
@Entity('revoked_tokens')
@Index('idx_revoked_tokens_expires_at', ['expiresAt'])
export class RevokedTokenEntity {
  /** The token's `jti`. */
  @PrimaryColumn('uuid')
  tokenId!: string;

  @Column('uuid')
  @ForeignKey('PersonEntity')
  personId!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  revokedAt!: Date;
}
