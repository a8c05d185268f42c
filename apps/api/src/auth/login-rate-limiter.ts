import { APP_CONFIG, type AppConfig, DomainError, ErrorKind, failFastRedis } from '@app/platform';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

/** Takes back one attempt from an address's counter, unless the counter has expired meanwhile. */
const GIVE_BACK = `if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0`;

/**
 * Limits failed login attempts per e-mail and per client address over a window. Every attempt
 * counts when it starts, so a burst of parallel guesses is held to the limit too; a successful
 * login then takes its count back. Counters live in Redis so the limit holds across any number
 * of API instances.
 */
@Injectable()
export class LoginRateLimiter implements OnApplicationShutdown {
  readonly #redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.#redis = failFastRedis(config, `${config.queue.prefix}:login-limiter`);
    this.#redis.on('error', () => undefined);
  }

  /** Counts an attempt; throws 429 when either counter is over the limit. */
  async attempt(email: string, clientAddress: string): Promise<void> {
    const { loginMaxAttempts: max, loginWindowSeconds: window } = this.config.auth;
    const keys = [this.#key('email', email.trim().toLowerCase()), this.#key('ip', clientAddress)];
    let counts: number[];
    try {
      const results = await this.#redis
        .multi()
        .incr(keys[0]!)
        .expire(keys[0]!, window, 'NX')
        .incr(keys[1]!)
        .expire(keys[1]!, window, 'NX')
        .exec();
      counts = [Number(results?.[0]?.[1] ?? 0), Number(results?.[2]?.[1] ?? 0)];
    } catch {
      throw new DomainError(
        'auth.unavailable',
        ErrorKind.Unavailable,
        'Inloggningen är tillfälligt otillgänglig. Försök igen om en stund.',
      );
    }
    // Per address the limit is wider: one office network may have many people mistyping.
    if (counts[0]! > max || counts[1]! > max * 10) {
      throw new DomainError(
        'auth.too_many_attempts',
        ErrorKind.TooManyRequests,
        `För många inloggningsförsök. Vänta ${Math.ceil(window / 60)} minuter och försök igen.`,
      );
    }
  }

  /**
   * A successful login clears the e-mail's counter and takes its attempt back from the address's:
   * a whole administration logging in from one office network in the morning is not an attack.
   */
  async succeeded(email: string, clientAddress: string): Promise<void> {
    await this.#redis
      .multi()
      .del(this.#key('email', email.trim().toLowerCase()))
      .eval(GIVE_BACK, 1, this.#key('ip', clientAddress))
      .exec()
      .catch(() => undefined);
  }

  #key(kind: string, value: string): string {
    return `${this.config.queue.prefix}:login:${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
  }

  onApplicationShutdown(): void {
    this.#redis.disconnect();
  }
}
