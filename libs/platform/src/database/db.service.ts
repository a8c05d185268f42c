import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';

import { isRetryableTransactionError } from './pg-error.js';

export interface TransactionOptions {
  readonly isolation?: IsolationLevel;
  /** How often to run the work again after a serialization failure or deadlock. */
  readonly retries?: number;
}

declare const openTransaction: unique symbol;

/**
 * A transaction's entity manager. Only `Db.transaction` makes one, so a parameter of this type is
 * checked at compile time to run inside a transaction: `Db.reader` does not pass for it.
 * Repositories take it; only services open one.
 */
export type Tx = EntityManager & { readonly [openTransaction]: true };

/** What a read needs of a manager: a transaction's, or `Db.reader` outside one. */
export type Reader = Pick<
  EntityManager,
  | 'find'
  | 'findBy'
  | 'findOne'
  | 'findOneBy'
  | 'findAndCount'
  | 'count'
  | 'countBy'
  | 'exists'
  | 'existsBy'
  | 'query'
  | 'createQueryBuilder'
>;

/**
 * The database entry point of the services: opens transactions and answers plain reads. Inside
 * a transaction use only its `tx`; a query through the global manager silently runs outside it.
 */
@Injectable()
export class Db {
  /**
   * Marks the async work of an open transaction. A read through `reader` in there would wait for
   * a second pooled connection while the transaction holds its locks; with the pool busy with
   * jobs waiting on those locks, nothing moves again. So it fails loudly instead.
   */
  readonly #open = new AsyncLocalStorage<{ open: boolean }>();
  /** What to do once each open transaction has committed, by its manager. */
  readonly #afterCommit = new WeakMap<Tx, (() => void)[]>();
  /** Told after every commit in this process (e.g. to drop cached data the transaction may have changed). */
  readonly #commitListeners: (() => void)[] = [];

  constructor(readonly dataSource: DataSource) {}

  /** The manager for reads that need no transaction. Inside a transaction, use its `tx`. */
  get reader(): EntityManager {
    if (this.#open.getStore()?.open) {
      throw new Error('Db.reader used inside a transaction: pass the transaction manager (tx) instead');
    }
    return this.dataSource.manager;
  }

  /**
   * Runs `then` once the transaction of `tx` has committed (never when it rolls back or is run
   * again after a serialization failure): for telling the world about a change only when it is
   * there to be read. `then` must not throw.
   */
  afterCommit(tx: Tx, then: () => void): void {
    const pending = this.#afterCommit.get(tx);
    if (!pending) {
      throw new Error('afterCommit needs a transaction opened by Db.transaction');
    }
    pending.push(then);
  }

  /** Calls `listener` after every transaction of this process commits. `listener` must not throw. */
  onEveryCommit(listener: () => void): void {
    this.#commitListeners.push(listener);
  }

  async transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const { isolation = 'READ COMMITTED', retries = 0 } = options;
    for (let attempt = 0; ; attempt++) {
      try {
        const marker = { open: true };
        const committed: (() => void)[] = [];
        const tracked = (tx: Tx): Promise<T> => {
          this.#afterCommit.set(tx, committed);
          return work(tx);
        };
        let result: T;
        try {
          // READ COMMITTED is PostgreSQL's default: asking for it again costs a statement per transaction.
          // The one place a transaction's manager becomes a Tx.
          const inside = (manager: EntityManager): Promise<T> => tracked(manager as Tx);
          result = await this.#open.run(marker, () =>
            isolation === 'READ COMMITTED'
              ? this.dataSource.transaction(inside)
              : this.dataSource.transaction(isolation, inside),
          );
        } finally {
          marker.open = false;
        }
        for (const listener of this.#commitListeners) {
          listener();
        }
        for (const then of committed) {
          then();
        }
        return result;
      } catch (error) {
        if (attempt >= retries || !isRetryableTransactionError(error)) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
      }
    }
  }
}

/** Throws unless `tx` is inside an open transaction: outbox rows and audit records need one. */
export function assertInTransaction(tx: Tx, what: string): void {
  if (!tx.queryRunner?.isTransactionActive) {
    throw new Error(`${what} must be written inside a transaction`);
  }
}

/**
 * Runs an UPDATE or DELETE with RETURNING and gives the returned rows. (TypeORM's `query` hands
 * back `[rows, count]` for those commands, which is easy to mistake for a list of rows.)
 */
export async function returningRows<T>(tx: Tx, sql: string, parameters: unknown[]): Promise<T[]> {
  if (!tx.queryRunner) {
    throw new Error('returningRows needs a transaction');
  }
  const result = await tx.queryRunner.query(sql, parameters, true);
  return result.records as T[];
}
