import type { DataSource } from 'typeorm';

interface Queryable {
  query: (...args: unknown[]) => unknown;
}

/**
 * Records the SQL the API's own connection pool sends (the in-process worker has a pool of its
 * own, so its polling is not counted) while `during` runs.
 */
export class QueryRecorder {
  #recording: string[] | undefined;
  readonly #wrapped = new WeakSet<object>();

  constructor(dataSource: DataSource) {
    const driver = dataSource.driver as unknown as { obtainMasterConnection: () => Promise<[Queryable, unknown]> };
    const obtain = driver.obtainMasterConnection.bind(driver);
    driver.obtainMasterConnection = async () => {
      const connection = await obtain();
      const client = connection[0];
      if (!this.#wrapped.has(client)) {
        this.#wrapped.add(client);
        const query = client.query.bind(client);
        client.query = (...args: unknown[]) => {
          const first = args[0];
          this.#recording?.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
          return query(...args);
        };
      }
      return connection;
    };
  }

  /** The statements sent while `work` ran. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const recording: string[] = [];
    this.#recording = recording;
    try {
      await work();
    } finally {
      this.#recording = undefined;
    }
    return recording;
  }
}
