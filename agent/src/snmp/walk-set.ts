import type { SnmpError } from './errors.ts';
import { compareOids, indexAfter, isUnder, normaliseOid } from './oid.ts';
import type { Varbind } from './varbind.ts';

/** One column of a conceptual table: index text (dotted sub-ids after entry.column) → value. */
export type Column = ReadonlyMap<string, Varbind>;

/**
 * What one poll read: the subtrees it walked and the scalars it fetched. Checks read only
 * from here, so a check can be tested with any set of varbinds and the poller walks each
 * subtree once even when several checks need it.
 */
export class WalkSet {
  readonly #walks = new Map<string, { varbinds: readonly Varbind[]; error?: SnmpError }>();
  readonly #scalars = new Map<string, Varbind | undefined>();

  addWalk(root: string, varbinds: readonly Varbind[], error?: SnmpError): void {
    this.#walks.set(normaliseOid(root), error === undefined ? { varbinds } : { varbinds, error });
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
  subtree(prefix: string): Varbind[] {
    const key = normaliseOid(prefix);
    const out: Varbind[] = [];
    for (const [root, walk] of this.#walks) {
      if (root === key || isUnder(root, key) || isUnder(key, root)) {
        for (const vb of walk.varbinds) if (isUnder(vb.oid, key)) out.push(vb);
      }
    }
    out.sort((a, b) => compareOids(a.oid, b.oid));
    // Two overlapping walks may hold the same OID; keep one.
    return out.filter((vb, i) => i === 0 || out[i - 1]?.oid !== vb.oid);
  }

  /** True when anything exists below `prefix`. */
  has(prefix: string): boolean {
    return this.subtree(prefix).length > 0;
  }

  /** A table's columns: column number → (index text → varbind). */
  table(entryOid: string): Map<number, Map<string, Varbind>> {
    const entry = normaliseOid(entryOid);
    const columns = new Map<number, Map<string, Varbind>>();
    for (const vb of this.subtree(entry)) {
      const sub = indexAfter(vb.oid, entry);
      if (sub === undefined || sub.length < 2) continue;
      const column = sub[0] ?? 0;
      const index = vb.oid.slice(entry.length + 1 + String(column).length + 1);
      let col = columns.get(column);
      if (col === undefined) {
        col = new Map();
        columns.set(column, col);
      }
      col.set(index, vb);
    }
    return columns;
  }

  /** Every row index that appears in any column of the table, in OID order. */
  static rowIndexes(table: ReadonlyMap<number, Column>): string[] {
    const seen = new Set<string>();
    for (const col of table.values()) for (const index of col.keys()) seen.add(index);
    return [...seen].sort(compareOids);
  }
}
