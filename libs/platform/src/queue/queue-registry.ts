import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ALL_QUEUES, type QueueName } from './job-contract.js';
import { failFastRedis } from './redis.js';

/**
 * The BullMQ queues of this deployment, under the configured key prefix. Producers use them
 * only through the outbox relay; the API also shows them on the queue dashboard.
 */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  readonly #queues = new Map<QueueName, Queue>();
  #connection: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get prefix(): string {
    return this.config.queue.prefix;
  }

  /** The producers' Redis connection, shared by every queue of the registry. */
  connection(): Redis {
    if (!this.#connection) {
      this.#connection = failFastRedis(this.config, `${this.prefix}:producer`);
      this.#connection.on('error', () => undefined);
    }
    return this.#connection;
  }

  get(name: QueueName): Queue {
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection(), prefix: this.prefix, skipWaitingForReady: true });
      queue.on('error', () => undefined);
      this.#queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Drops every queue object and the connection, so the next `get` starts afresh. Called after
   * a failure talking to Redis: a queue whose connection failed during start-up stays broken.
   */
  async reset(): Promise<void> {
    const queues = [...this.#queues.values()];
    const connection = this.#connection;
    this.#queues.clear();
    this.#connection = undefined;
    await Promise.allSettled(queues.map((q) => q.close()));
    connection?.disconnect();
  }

  all(): Queue[] {
    return ALL_QUEUES.map((name) => this.get(name));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.#queues.values()].map((q) => q.close()));
    this.#queues.clear();
    this.#connection?.disconnect();
    this.#connection = undefined;
  }
}
