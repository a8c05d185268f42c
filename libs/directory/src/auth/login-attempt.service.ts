import { Clock, Db } from '@app/platform';
import { Injectable } from '@nestjs/common';

import { LoginAttemptCounterEntity } from './login-attempt-counter.entity.js';

/** Expired counters removed per attempt: the table stays small without a sweeper of its own. */
const PRUNE_BATCH = 100;

/**
 * Login attempt counters in PostgreSQL: where the login rate limit counts while Redis is away, so
 * that an office is never locked out by a cache, nor a password guesser let loose by its outage.
 */
@Injectable()
export class LoginAttemptService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt against each key; answers each key's count within its window. */
  async count(keys: readonly string[], windowSeconds: number): Promise<number[]> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + windowSeconds * 1000);
    return this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM login_attempt_counters
         WHERE key IN (SELECT key FROM login_attempt_counters WHERE expires_at <= $1 LIMIT ${PRUNE_BATCH})`,
        [now],
      );
      const counts: number[] = [];
      for (const key of keys) {
        const [row] = await tx.query<{ attempts: number }[]>(
          `INSERT INTO login_attempt_counters (key, attempts, expires_at) VALUES ($1, 1, $3)
           ON CONFLICT (key) DO UPDATE SET
             attempts = CASE WHEN login_attempt_counters.expires_at <= $2 THEN 1
                             ELSE login_attempt_counters.attempts + 1 END,
             expires_at = CASE WHEN login_attempt_counters.expires_at <= $2 THEN EXCLUDED.expires_at
                               ELSE login_attempt_counters.expires_at END
           RETURNING attempts`,
          [key, now, expiresAt],
        );
        // INSERT … ON CONFLICT DO UPDATE … RETURNING returns its one row in either case.
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
        counts.push(row!.attempts);
      }
      return counts;
    });
  }

  /** A successful login: the first key's counter is cleared, one attempt given back to the second's. */
  async forgive(cleared: string, givenBack: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(LoginAttemptCounterEntity, { key: cleared });
      await tx.query(
        `UPDATE login_attempt_counters SET attempts = attempts - 1
         WHERE key = $1 AND attempts > 0 AND expires_at > $2`,
        [givenBack, this.clock.now()],
      );
    });
  }
}
