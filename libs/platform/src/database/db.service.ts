import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';

import { isRetryableTransactionError } from './pg-error.js';

export interface TransactionOptions {
  readonly isolation?: IsolationLevel;
  /** How often to run the work again after a serialization failure or deadlock. */
  readonly retries?: number;
}

/** A transaction's entity manager. Repositories take it; only services open one. */
export type Tx = EntityManager;

/**
 * The database entry point of the services: opens transactions and answers plain reads. Inside
 * a transaction use only its `tx`; a query through the global manager silently runs outside it.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  /** The manager for reads that need no transaction. */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  async transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const { isolation = 'READ COMMITTED', retries = 0 } = options;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(isolation, work);
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
