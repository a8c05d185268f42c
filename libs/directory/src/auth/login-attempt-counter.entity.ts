import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A counter of login attempts over a window, kept here only while Redis, where the counters
 * normally live, cannot be reached: logins go on, and so does their limit.
 */
@Entity('login_attempt_counters')
@Index('idx_login_attempt_counters_expires_at', ['expiresAt'])
@Check('chk_login_attempt_counters_attempts', 'attempts >= 0')
export class LoginAttemptCounterEntity {
  /** What is counted: a hashed e-mail or client address, never the value itself. */
  @PrimaryColumn('text')
  key!: string;

  @Column('integer')
  attempts!: number;

  /** The end of the counter's window; after it the next attempt starts a new one. */
  @Column('timestamptz')
  expiresAt!: Date;
}
