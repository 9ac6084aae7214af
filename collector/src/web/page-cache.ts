/**
 * A small least-recently-used map for rendered page parts. Keys carry a version read from
 * the database (see getCountyDayVersion) on each request, or again whenever the database's
 * change key moved (web/county-reads.ts), so an entry is never served after the data behind
 * it changed, on this instance or another; old versions simply age out.
 */
export class RenderCache<V> {
  readonly #max: number;
  readonly #entries = new Map<string, V>();

  constructor(max: number) {
    this.#max = max;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** Drops the entry, if it is still `value` when one is given. */
  delete(key: string, value?: V): void {
    if (value === undefined || this.#entries.get(key) === value) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
