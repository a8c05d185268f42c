import { Db, type Reader } from '@app/platform';
import { Injectable } from '@nestjs/common';

/**
 * Directory data every view repeats (organisations, departments, people, a person's roles), kept
 * in this process while the directory stands still. Every change to the directory tables moves
 * one counter (`directory_version`, by trigger, in the changing transaction), and the API reads
 * that counter in the same query that checks the actor on every request: when it moved, the
 * cache starts empty. A change made through any process is thus seen by the very next request
 * through every other one, with no message that could be lost or late. A commit in this process
 * drops the cache too (its own change is seen before the next request reads the counter).
 *
 * Off unless a process turns it on: only a process that observes the counter on every unit of
 * work (the API) may trust it. Reads inside a transaction never use it.
 */
@Injectable()
export class DirectoryCache {
  #enabled = false;
  /** The counter last observed; undefined (nothing cached) until observed, and after a commit here. */
  #version: string | undefined;
  #entries = new Map<string, unknown>();

  constructor(private readonly db: Db) {
    db.onEveryCommit(() => this.#forget());
  }

  /** Turns the cache on for this process (the API, which observes the counter on each request). */
  enable(): void {
    this.#enabled = true;
  }

  /** The directory counter as read now: when it moved, everything cached goes. */
  observe(version: string): void {
    if (version !== this.#version) {
      this.#version = version;
      this.#entries = new Map();
    }
  }

  #forget(): void {
    this.#version = undefined;
    this.#entries = new Map();
  }

  #usable(reader: Reader | undefined): boolean {
    return (
      this.#enabled && this.#version !== undefined && (reader === undefined || reader === this.db.dataSource.manager)
    );
  }

  /** One value by key: from the cache, or loaded (and kept, unless the cache moved on meanwhile). */
  async one<T>(key: string, reader: Reader | undefined, load: () => Promise<T>): Promise<T> {
    if (!this.#usable(reader)) {
      return load();
    }
    const entries = this.#entries;
    if (entries.has(key)) {
      return entries.get(key) as T;
    }
    const value = await load();
    entries.set(key, value);
    return value;
  }

  /**
   * Values by id, in one load for all those not cached; ids that load nothing are remembered as
   * absent. The answer holds each found id once, cached ones first.
   */
  async many<T extends { readonly id: string }>(
    kind: string,
    ids: readonly string[],
    reader: Reader | undefined,
    load: (missing: readonly string[]) => Promise<T[]>,
  ): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (!this.#usable(reader)) {
      return load(unique);
    }
    const entries = this.#entries;
    const found: T[] = [];
    const missing: string[] = [];
    for (const id of unique) {
      const key = `${kind}:${id}`;
      if (entries.has(key)) {
        const value = entries.get(key) as T | null;
        if (value) {
          found.push(value);
        }
      } else {
        missing.push(id);
      }
    }
    if (missing.length > 0) {
      const loaded = await load(missing);
      const byId = new Map(loaded.map((v) => [v.id, v]));
      for (const id of missing) {
        entries.set(`${kind}:${id}`, byId.get(id) ?? null);
      }
      found.push(...loaded);
    }
    return found;
  }
}
