/**
 * What a page derived from the database, and the span of time in which it holds while no row
 * changes: from the moment it was read until `until` (ms since the epoch, exclusive), e.g.
 * the instant the next agent turns stale or the next mail is due. Infinity: time alone never
 * changes it.
 */
export interface Derived<V> {
  readonly value: V;
  readonly until: number;
}

interface Entry<V> {
  readonly change: string;
  /** When the reading started; a clock set back before it cannot reuse the value. */
  readonly from: number;
  readonly made: Promise<Derived<V>>;
}

/**
 * Values derived from the database, kept per key while the database's change key
 * (db/change-key.ts), read by the caller on each request before this, is the same as when
 * they were read, and while the time is inside their span. Without a change key (PostgreSQL,
 * a transaction) every call reads anew. Callers that miss together share one reading, as the
 * page cache does; a failed reading is not kept. A small least-recently-used map: entries of
 * an old key are never served, only aged out.
 */
export class FreshCache<V> {
  readonly #max: number;
  readonly #entries = new Map<string, Entry<V>>();

  constructor(max: number) {
    this.#max = max;
  }

  async get(
    key: string,
    change: string | undefined,
    now: number,
    read: () => Promise<Derived<V>>,
  ): Promise<V> {
    if (change === undefined) return (await read()).value;
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.change === change && entry.from <= now) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      const derived = await entry.made;
      if (now < derived.until) return derived.value;
    }
    const made = read();
    const fresh: Entry<V> = { change, from: now, made };
    this.#entries.delete(key);
    this.#entries.set(key, fresh);
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
    made.catch(() => {
      if (this.#entries.get(key) === fresh) this.#entries.delete(key);
    });
    return (await made).value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
