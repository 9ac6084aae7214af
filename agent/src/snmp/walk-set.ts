import { sharedOidContent } from './ber.ts';
import type { SnmpError } from './errors.ts';
import { compareOids, isUnder, normaliseOid } from './oid.ts';
import { PackedVarbinds } from './packed-varbinds.ts';
import { buildPackedTable, buildTable, rowIndexes } from './table-view.ts';
import type { PackedSpan, Table } from './table-view.ts';
import type { Varbind } from './varbind.ts';

export type { Column, Table } from './table-view.ts';
export { cellBytes, cellCounterText, cellNumber } from './table-view.ts';

interface Walk {
  /** Values still in their datagrams (bulkRead), read where a check asks; or undefined. */
  readonly packed: PackedVarbinds | undefined;
  /** The values as varbinds: given, or for a packed walk made when first needed whole. */
  varbinds: readonly Varbind[] | undefined;
  readonly error: SnmpError | undefined;
}

function varbindsOf(walk: Walk | undefined): readonly Varbind[] {
  if (walk === undefined) return [];
  walk.varbinds ??= walk.packed?.all() ?? [];
  return walk.varbinds;
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
  /** Walks added with an error: most polls have none, and then no OID needs its root found. */
  #failed = 0;

  addWalk(root: string, values: readonly Varbind[] | PackedVarbinds, error?: SnmpError): void {
    const packed = values instanceof PackedVarbinds ? values : undefined;
    const key = normaliseOid(root);
    if (this.#walks.get(key)?.error !== undefined) this.#failed--;
    if (error !== undefined) this.#failed++;
    this.#walks.set(key, {
      packed,
      varbinds: packed === undefined ? (values as readonly Varbind[]) : undefined,
      error,
    });
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
    if (this.#failed === 0) return undefined;
    const root = this.#coveringRoot(normaliseOid(oid));
    return root === undefined ? undefined : this.#walks.get(root)?.error;
  }

  scalar(oid: string): Varbind | undefined {
    const key = normaliseOid(oid);
    if (this.#scalars.has(key)) return this.#scalars.get(key);
    const root = this.#coveringRoot(key);
    if (root === undefined) return undefined;
    const walk = this.#walks.get(root);
    const packed = walk?.packed;
    if (packed !== undefined && walk?.varbinds === undefined) {
      const at = packed.indexOf(sharedOidContent(key));
      return at < 0 ? undefined : packed.at(at);
    }
    return varbindsOf(walk).find((vb) => vb.oid === key);
  }

  /**
   * The values below `key` when one packed walk holds them all (its root is `key` or above
   * it, and no other walk reaches below `key`), without making them into varbinds.
   */
  #packedRange(key: string): PackedSpan | undefined {
    let found: string | undefined;
    for (const root of this.#walks.keys()) {
      if (root === key || isUnder(root, key) || isUnder(key, root)) {
        if (found !== undefined || isUnder(root, key)) return undefined;
        found = root;
      }
    }
    const packed = found === undefined ? undefined : this.#walks.get(found)?.packed;
    if (packed === undefined) return undefined;
    if (found === key) return { packed, from: 0, to: packed.length };
    const { from, to } = packed.rangeUnder(sharedOidContent(key));
    return { packed, from, to };
  }

  /**
   * The walks below `entry` when a check walked a table column by column: each packed, none
   * inside another, in OID order. Undefined when any walk covers the entry or is not packed.
   */
  #packedColumns(entry: string): PackedSpan[] | undefined {
    const roots: string[] = [];
    for (const root of this.#walks.keys()) {
      if (isUnder(root, entry)) roots.push(root);
      else if (root === entry || isUnder(entry, root)) return undefined;
    }
    if (roots.length === 0) return undefined;
    roots.sort(compareOids);
    const spans: PackedSpan[] = [];
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i] ?? '';
      if (i > 0 && isUnder(root, roots[i - 1] ?? '')) return undefined;
      const packed = this.#walks.get(root)?.packed;
      if (packed === undefined) return undefined;
      spans.push({ packed, from: 0, to: packed.length });
    }
    return spans;
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
    const range = this.#packedRange(key);
    if (range !== undefined) {
      return range.from === 0 && range.to === range.packed.length
        ? range.packed.all()
        : range.packed.slice(range.from, range.to);
    }
    const roots = [...this.#walks.keys()].filter(
      (root) => root === key || isUnder(root, key) || isUnder(key, root),
    );
    if (roots.length === 1 && roots[0] === key) return varbindsOf(this.#walks.get(key));
    roots.sort(compareOids);
    // Walks are in OID order, so disjoint roots in order need no sort; nested ones do.
    const disjoint = roots.every((root, i) => i === 0 || !isUnder(root, roots[i - 1] ?? ''));
    const out: Varbind[] = [];
    for (const root of roots) {
      for (const vb of varbindsOf(this.#walks.get(root))) if (isUnder(vb.oid, key)) out.push(vb);
    }
    if (disjoint) return out;
    out.sort((a, b) => compareOids(a.oid, b.oid));
    // Two overlapping walks may hold the same OID; keep one.
    return out.filter((vb, i) => i === 0 || out[i - 1]?.oid !== vb.oid);
  }

  /** True when anything exists below `prefix`. */
  has(prefix: string): boolean {
    const key = normaliseOid(prefix);
    const range = this.#subtrees.has(key) ? undefined : this.#packedRange(key);
    return range === undefined ? this.subtree(key).length > 0 : range.to > range.from;
  }

  /** A table's columns: column number → (index text → varbind). */
  table(entryOid: string): Table {
    const entry = normaliseOid(entryOid);
    let found = this.#tables.get(entry);
    if (found === undefined) {
      const range = this.#packedRange(entry);
      const spans = range === undefined ? this.#packedColumns(entry) : [range];
      found =
        spans === undefined
          ? buildTable(entry, this.subtree(entry))
          : buildPackedTable(entry, sharedOidContent(entry).length, spans);
      this.#tables.set(entry, found);
    }
    return found;
  }

  /** Every row index that appears in any column of the table, in OID order. */
  static rowIndexes(table: Table): string[] {
    return rowIndexes(table);
  }
}
