import type { DataSource, EntityManager } from 'typeorm';

import { JobName } from '../queue/job-contract.js';
import type { OutboxService } from '../queue/outbox.service.js';
import { assertInTransaction, Db, type Reader, returningRows, type Tx } from './db.service.js';

type Work = (tx: EntityManager) => Promise<unknown>;

/**
 * A data source whose transactions hand the work a stand-in manager, as TypeORM's do (called
 * with the work alone, or with an isolation level first); it notes the levels asked for.
 */
function fakeDataSource(isolations: (string | undefined)[] = []): DataSource {
  const manager = { name: 'global' } as unknown as EntityManager;
  const txManager = { name: 'tx' } as unknown as EntityManager;
  return {
    manager,
    transaction: (first: string | Work, second?: Work) => {
      isolations.push(typeof first === 'string' ? first : undefined);
      return (typeof first === 'string' ? second! : first)(txManager);
    },
  } as unknown as DataSource;
}

describe(Db.name, () => {
  it('answers plain reads through the global manager outside a transaction', () => {
    const db = new Db(fakeDataSource());
    expect(db.reader).toBe(db.dataSource.manager);
  });

  it('refuses a read through the global manager inside a transaction, which would need a second connection', async () => {
    const db = new Db(fakeDataSource());
    await expect(db.transaction(() => Promise.resolve(db.reader))).rejects.toThrow(/inside a transaction/);
    await expect(
      db.transaction(async () => {
        await Promise.resolve();
        return db.reader;
      }),
    ).rejects.toThrow(/inside a transaction/);
  });

  it('allows it again once the transaction is over, even in work the transaction started', async () => {
    const db = new Db(fakeDataSource());
    let later: Promise<unknown> | undefined;
    await db.transaction(() => {
      later = new Promise((resolve) => setTimeout(resolve, 10)).then(() => db.reader);
      return Promise.resolve();
    });
    await expect(later).resolves.toBe(db.dataSource.manager);
  });

  it('leaves READ COMMITTED, PostgreSQL’s default, unsaid, and asks for any other level', async () => {
    const isolations: (string | undefined)[] = [];
    const db = new Db(fakeDataSource(isolations));
    await db.transaction(() => Promise.resolve());
    await db.transaction(() => Promise.resolve(), { isolation: 'READ COMMITTED' });
    await db.transaction(() => Promise.resolve(), { isolation: 'SERIALIZABLE' });
    expect(isolations).toEqual([undefined, undefined, 'SERIALIZABLE']);
  });
});

/*
 * What the compiler refuses. `npm run check` compiles this file: each `@ts-expect-error` fails
 * the type check if the line under it ever compiles.
 */
describe('transaction types', () => {
  const mustBeInside = (tx: Tx): Tx => tx;
  const readsWith = (reader: Reader): Reader => reader;

  it('hand the work a transaction, which serves where a transaction or a reader is asked for', async () => {
    const db = new Db(fakeDataSource());
    const seen = await db.transaction((tx) => Promise.resolve([mustBeInside(tx), readsWith(tx)]));
    expect(seen).toEqual([{ name: 'tx' }, { name: 'tx' }]);
    expect(readsWith(db.reader)).toBe(db.dataSource.manager);
  });

  it('refuse the reader, or any manager not made by Db.transaction, where a transaction is required', () => {
    const outsideATransaction = (db: Db, outbox: OutboxService, manager: EntityManager): unknown[] => [
      // @ts-expect-error Db.reader is no transaction
      mustBeInside(db.reader),
      // @ts-expect-error nor is the data source's own manager
      mustBeInside(db.dataSource.manager),
      // @ts-expect-error an outbox row written outside a transaction would commit without the change it belongs to
      outbox.add(db.reader, JobName.ScanReminders, {}),
      // @ts-expect-error an audit record too
      assertInTransaction(manager, 'An audit record'),
      // @ts-expect-error a reader is no transaction either
      returningRows(readsWith(db.reader), 'UPDATE t SET x = 1 RETURNING x', []),
    ];
    expect(outsideATransaction).toBeInstanceOf(Function);
  });
});
