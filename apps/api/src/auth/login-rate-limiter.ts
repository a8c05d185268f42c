import { LoginAttemptService } from '@app/directory';
import { APP_CONFIG, type AppConfig, DomainError, ErrorKind, failFastRedis } from '@app/platform';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

/** Takes back one attempt from an address's counter, unless the counter has expired meanwhile. */
const GIVE_BACK = `if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0`;

const log = new Logger('login');

/** The connection states of a Redis that has been lost (not one still making its first connection). */
const AWAY: ReadonlySet<string> = new Set(['reconnecting', 'close', 'end']);

/**
 * Limits failed login attempts per e-mail and per client address over a window. Every attempt
 * counts when it starts, so a burst of parallel guesses is held to the limit too; a successful
 * login then takes its count back. Counters live in Redis so the limit holds across any number
 * of API instances; while Redis cannot be reached they live in PostgreSQL, so that logins go on
 * (an office must not be locked out by a cache) and the limit still holds.
 */
@Injectable()
export class LoginRateLimiter implements OnApplicationShutdown {
  readonly #redis: Redis;
  /** Whether the last counting went to PostgreSQL: the switch is logged once each way. */
  #fallingBack = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fallback: LoginAttemptService,
  ) {
    this.#redis = failFastRedis(config, `${config.queue.prefix}:login-limiter`);
    this.#redis.on('error', () => undefined);
  }

  /** Counts an attempt; throws 429 when either counter is over the limit. */
  async attempt(email: string, clientAddress: string): Promise<void> {
    const { loginMaxAttempts: max, loginWindowSeconds: window } = this.config.auth;
    const keys = [this.#key('email', email.trim().toLowerCase()), this.#key('ip', clientAddress)] as const;
    const counted = (await this.#inRedis(keys, window)) ?? {
      counts: await this.#inPostgres(keys, window),
      secondsLeft: window,
    };
    const [byEmail = 0, byAddress = 0] = counted.counts;
    // Per address the limit is wider: one office network may have many people mistyping.
    if (byEmail > max || byAddress > max * 10) {
      const retryAfterSeconds = Math.max(1, Math.min(window, counted.secondsLeft));
      throw new DomainError(
        'auth.too_many_attempts',
        ErrorKind.TooManyRequests,
        `För många inloggningsförsök. Vänta ${Math.ceil(retryAfterSeconds / 60)} minuter och försök igen.`,
        { retryAfterSeconds },
      );
    }
  }

  /**
   * A successful login clears the e-mail's counter and takes its attempt back from the address's:
   * a whole administration logging in from one office network in the morning is not an attack.
   */
  async succeeded(email: string, clientAddress: string): Promise<void> {
    const emailKey = this.#key('email', email.trim().toLowerCase());
    const ipKey = this.#key('ip', clientAddress);
    if (!this.#fallingBack && !AWAY.has(this.#redis.status)) {
      const done = await this.#redis
        .multi()
        .del(emailKey)
        .eval(GIVE_BACK, 1, ipKey)
        .exec()
        .then(() => true)
        .catch(() => false);
      if (done) {
        return;
      }
    }
    await this.fallback.forgive(emailKey, ipKey);
  }

  /**
   * The counts in Redis and the seconds until the longer-lived counter expires, or undefined when
   * Redis cannot be reached now.
   */
  async #inRedis(
    keys: readonly [string, string],
    window: number,
  ): Promise<{ counts: number[]; secondsLeft: number } | undefined> {
    // A Redis known to be away is not waited for: the login answers at once from PostgreSQL.
    if (AWAY.has(this.#redis.status)) {
      return undefined;
    }
    try {
      const results = await this.#redis
        .multi()
        .incr(keys[0])
        .expire(keys[0], window, 'NX')
        .incr(keys[1])
        .expire(keys[1], window, 'NX')
        .ttl(keys[0])
        .ttl(keys[1])
        .exec();
      if (this.#fallingBack) {
        this.#fallingBack = false;
        log.log('Redis is back: login attempts are counted there again');
      }
      return {
        counts: [Number(results?.[0]?.[1] ?? 0), Number(results?.[2]?.[1] ?? 0)],
        secondsLeft: Math.max(Number(results?.[4]?.[1] ?? window), Number(results?.[5]?.[1] ?? window)),
      };
    } catch {
      return undefined;
    }
  }

  async #inPostgres(keys: readonly [string, string], window: number): Promise<number[]> {
    if (!this.#fallingBack) {
      this.#fallingBack = true;
      log.warn('Redis cannot be reached: login attempts are counted in PostgreSQL until it is back');
    }
    try {
      return await this.fallback.count(keys, window);
    } catch {
      throw new DomainError(
        'auth.unavailable',
        ErrorKind.Unavailable,
        'Inloggningen är tillfälligt otillgänglig. Försök igen om en stund.',
      );
    }
  }

  #key(kind: string, value: string): string {
    return `${this.config.queue.prefix}:login:${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
  }

  onApplicationShutdown(): void {
    this.#redis.disconnect();
  }
}
