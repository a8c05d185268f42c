import type { DataSource, EntityManager } from 'typeorm';

import { Db } from './db.service.js';

/** A data source whose transactions hand the work a stand-in manager, as TypeORM's do. */
function fakeDataSource(): DataSource {
  const manager = { name: 'global' } as unknown as EntityManager;
  const txManager = { name: 'tx' } as unknown as EntityManager;
  return {
    manager,
    transaction: (_isolation: string, work: (tx: EntityManager) => Promise<unknown>) => work(txManager),
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
});
