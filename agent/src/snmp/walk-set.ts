import type { SnmpError } from './errors.ts';
import { compareOids, isUnder, normaliseOid } from './oid.ts';
import { buildTable, rowIndexes } from './table-view.ts';
import type { Table } from './table-view.ts';
import type { Varbind } from './varbind.ts';

export type { Column, Table } from './table-view.ts';

interface Walk {
  readonly varbinds: readonly Varbind[];
  readonly error?: SnmpError;
}

/**
 * What one poll read: the subtrees it walked and the scalars it fetched. Checks read only
 * from here, so a check can be tested with any set of varbinds and the poller walks each
 * subtree once even when several checks need it. Subtrees and tables are computed once per
 * prefix and kept until the set changes; what it returns must not be modified.
 */
export class WalkSet {
  readonly #walks = new Map<string, Walk>();
  readonly #scalars = new Map<string, Varbind | undefined>();
  readonly #subtrees = new Map<string, readonly Varbind[]>();
  readonly #tables = new Map<string, Table>();

  addWalk(root: string, varbinds: readonly Varbind[], error?: SnmpError): void {
    this.#walks.set(normaliseOid(root), error === undefined ? { varbinds } : { varbinds, error });
    this.#subtrees.clear();
    this.#tables.clear();
  }

  addScalar(oid: string, varbind: Varbind | undefined): void {
    this.#scalars.set(normaliseOid(oid), varbind);
  }

  /** The walked root that covers `oid` (equal or above it), if any. */
  #coveringRoot(oid: string): string | undefined {
    let best: string | undefined;
    for (const root of this.#walks.keys()) {
      if (
        (root === oid || isUnder(oid, root)) &&
        (best === undefined || root.length > best.length)
      ) {
        best = root;
      }
    }
    return best;
  }

  /** True when the poller walked a subtree covering `oid`. */
  covers(oid: string): boolean {
    return this.#coveringRoot(normaliseOid(oid)) !== undefined;
  }

  /** The error of the walk (or scalar fetch) covering `oid`, if it failed. */
  errorFor(oid: string): SnmpError | undefined {
    const root = this.#coveringRoot(normaliseOid(oid));
    return root === undefined ? undefined : this.#walks.get(root)?.error;
  }

  scalar(oid: string): Varbind | undefined {
    const key = normaliseOid(oid);
    if (this.#scalars.has(key)) return this.#scalars.get(key);
    const root = this.#coveringRoot(key);
    if (root === undefined) return undefined;
    return this.#walks.get(root)?.varbinds.find((vb) => vb.oid === key);
  }

  /** Every varbind below `prefix`, in OID order. */
  subtree(prefix: string): readonly Varbind[] {
    const key = normaliseOid(prefix);
    let found = this.#subtrees.get(key);
    if (found === undefined) {
      found = this.#collect(key);
      this.#subtrees.set(key, found);
    }
    return found;
  }

  #collect(key: string): readonly Varbind[] {
    const roots = [...this.#walks.keys()].filter(
      (root) => root === key || isUnder(root, key) || isUnder(key, root),
    );
    if (roots.length === 1 && roots[0] === key) return this.#walks.get(key)?.varbinds ?? [];
    roots.sort(compareOids);
    // Walks are in OID order, so disjoint roots in order need no sort; nested ones do.
    const disjoint = roots.every((root, i) => i === 0 || !isUnder(root, roots[i - 1] ?? ''));
    const out: Varbind[] = [];
    for (const root of roots) {
      for (const vb of this.#walks.get(root)?.varbinds ?? [])
        if (isUnder(vb.oid, key)) out.push(vb);
    }
    if (disjoint) return out;
    out.sort((a, b) => compareOids(a.oid, b.oid));
    // Two overlapping walks may hold the same OID; keep one.
    return out.filter((vb, i) => i === 0 || out[i - 1]?.oid !== vb.oid);
  }

  /** True when anything exists below `prefix`. */
  has(prefix: string): boolean {
    return this.subtree(prefix).length > 0;
  }

  /** A table's columns: column number → (index text → varbind). */
  table(entryOid: string): Table {
    const entry = normaliseOid(entryOid);
    let found = this.#tables.get(entry);
    if (found === undefined) {
      found = buildTable(entry, this.subtree(entry));
      this.#tables.set(entry, found);
    }
    return found;
  }

  /** Every row index that appears in any column of the table, in OID order. */
  static rowIndexes(table: Table): string[] {
    return rowIndexes(table);
  }
}
