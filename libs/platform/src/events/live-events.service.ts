import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

import type { AuditEntry } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Db, type Tx } from '../database/db.service.js';
import { failFastRedis } from '../queue/redis.js';
import { type LiveAudience, type LiveEvent, organisationChannel, personChannel } from './live-event.js';

/**
 * The kinds of record "my work" is made from: a change to one may change anyone's list in the
 * organisation (drafts, approval steps and substitutes, decisions and meetings, remisses to assign,
 * preparation questions, extensions).
 */
const WORK_RECORDS = new Set([
  'statement',
  'consultation_recipient',
  'case',
  'preparation_request',
  'board_meeting',
  'board_decision',
  'substitute',
  'approval_chain',
  'extension_request',
]);

type Listener = (event: LiveEvent) => void;

interface Outgoing {
  readonly channel: string;
  readonly message: string;
}

function statusIn(after: unknown): string | null {
  const status = typeof after === 'object' && after !== null ? (after as { status?: unknown }).status : undefined;
  return typeof status === 'string' ? status : null;
}

/**
 * Live events over Redis pub/sub, so that every API process hears what any process (API or
 * worker) changed. A change is published once its transaction has committed, so whoever is told
 * and asks finds it; a process that dies between commit and publish loses the hint, which the
 * web application makes good by asking again when its stream reconnects (and by polling).
 */
@Injectable()
export class LiveEvents implements OnApplicationShutdown {
  readonly #log = new Logger(LiveEvents.name);
  readonly #prefix: string;
  #publisher: Redis | undefined;
  #subscriber: Redis | undefined;
  readonly #listeners = new Map<string, Set<Listener>>();
  /** What each open transaction will publish, once, when it commits. */
  readonly #pending = new WeakMap<Tx, Map<string, Outgoing>>();

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.#prefix = config.queue.prefix;
  }

  /** Publishes the event when the transaction commits; the same event to the same people once per transaction. */
  afterCommit(tx: Tx, audience: LiveAudience, event: LiveEvent): void {
    let pending = this.#pending.get(tx);
    if (!pending) {
      const batch = new Map<string, Outgoing>();
      pending = batch;
      this.#pending.set(tx, batch);
      this.db.afterCommit(tx, () => void this.#send([...batch.values()]));
    }
    const message = JSON.stringify(event);
    for (const channel of this.#channels(audience)) {
      pending.set(`${channel} ${message}`, { channel, message });
    }
  }

  /** Publishes now, for a change that committed on its own (a single statement). */
  async publish(audience: LiveAudience, event: LiveEvent): Promise<void> {
    const message = JSON.stringify(event);
    await this.#send(this.#channels(audience).map((channel) => ({ channel, message })));
  }

  /**
   * Tells what the audit entries of a transaction changed: statements to their organisations,
   * and "my work" to the organisations of every record it is made from.
   */
  auditedIn(tx: Tx, entries: readonly AuditEntry[]): void {
    for (const entry of entries) {
      const organisationIds = [...new Set(entry.organisationIds)];
      if (entry.entityType === 'statement') {
        this.afterCommit(
          tx,
          { organisationIds },
          { type: 'statement', id: entry.entityId, status: statusIn(entry.after) },
        );
      }
      if (WORK_RECORDS.has(entry.entityType)) {
        for (const organisationId of organisationIds) {
          this.afterCommit(tx, { organisationIds: [organisationId] }, { type: 'work', organisationId });
        }
      }
    }
  }

  /**
   * Listens for the events of a person acting for an organisation; answers the function that
   * stops listening (a channel is unsubscribed when its last listener stops). Rejects when Redis
   * cannot be reached.
   */
  async subscribe(
    audience: { personId: string; organisationId: string },
    listener: Listener,
  ): Promise<() => Promise<void>> {
    const channels = this.#channels({ personIds: [audience.personId], organisationIds: [audience.organisationId] });
    const subscriber = this.#subscriberConnection();
    const fresh: string[] = [];
    for (const channel of channels) {
      let listeners = this.#listeners.get(channel);
      if (!listeners) {
        listeners = new Set();
        this.#listeners.set(channel, listeners);
        fresh.push(channel);
      }
      listeners.add(listener);
    }
    const stop = async (): Promise<void> => {
      const idle: string[] = [];
      for (const channel of channels) {
        const listeners = this.#listeners.get(channel);
        listeners?.delete(listener);
        if (listeners?.size === 0) {
          this.#listeners.delete(channel);
          idle.push(channel);
        }
      }
      if (idle.length > 0) {
        await subscriber.unsubscribe(...idle).catch(() => undefined);
      }
    };
    try {
      if (fresh.length > 0) {
        await subscriber.subscribe(...fresh);
      }
    } catch (error) {
      await stop();
      throw error;
    }
    return stop;
  }

  /** How many channels this process listens on (for tests and health). */
  get channelCount(): number {
    return this.#listeners.size;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const redis of [this.#publisher, this.#subscriber]) {
      if (redis?.status === 'ready') {
        await redis.quit();
      } else {
        redis?.disconnect();
      }
    }
  }

  #channels(audience: LiveAudience): string[] {
    return [
      ...(audience.personIds ?? []).map((id) => personChannel(this.#prefix, id)),
      ...(audience.organisationIds ?? []).map((id) => organisationChannel(this.#prefix, id)),
    ];
  }

  async #send(batch: readonly Outgoing[]): Promise<void> {
    if (batch.length === 0) {
      return;
    }
    try {
      this.#publisher ??= this.#connect('live-events');
      const pipeline = this.#publisher.pipeline();
      for (const { channel, message } of batch) {
        pipeline.publish(channel, message);
      }
      await pipeline.exec();
    } catch (error) {
      // A live event is a hint: the change itself is committed, and the app asks again on reconnect.
      this.#log.warn({ msg: 'live events not published', error: (error as Error).message, count: batch.length });
    }
  }

  #subscriberConnection(): Redis {
    if (!this.#subscriber) {
      const subscriber = this.#connect('live-events-subscriber');
      subscriber.on('message', (channel: string, message: string) => this.#dispatch(channel, message));
      this.#subscriber = subscriber;
    }
    return this.#subscriber;
  }

  #dispatch(channel: string, message: string): void {
    const listeners = this.#listeners.get(channel);
    if (!listeners) {
      return;
    }
    let event: LiveEvent;
    try {
      event = JSON.parse(message) as LiveEvent;
    } catch {
      return;
    }
    for (const listener of listeners) {
      listener(event);
    }
  }

  #connect(name: string): Redis {
    const redis = failFastRedis(this.config, `${this.#prefix}:${name}`);
    redis.on('error', () => undefined);
    return redis;
  }
}
