import { oidText, subIdsText } from './ber.ts';
import { compareOids } from './oid.ts';
import { compareOctets, sameOctets, subIdEnd, subIdValue } from './oid-octets.ts';
import type { PackedVarbinds } from './packed-varbinds.ts';
import type { Varbind } from './varbind.ts';
import { asBytes, asCounterText, asNumber } from './varbind.ts';

/** One column of a conceptual table: index text (dotted sub-ids after entry.column) → value. */
export type Column = ReadonlyMap<string, Varbind>;
/** A table's columns: column number → (index text → varbind). */
export type Table = ReadonlyMap<number, Column>;

/** The rows every column of a regular table has, in walk order, and where each row sits. */
class RowIndex {
  readonly keys: readonly string[];
  #position: Map<string, number> | undefined;

  constructor(keys: readonly string[]) {
    this.keys = keys;
  }

  /** Built on the first lookup: a check that only lists rows never needs it. */
  positionOf(index: string): number | undefined {
    if (this.#position === undefined) {
      const position = new Map<string, number>();
      const keys = this.keys;
      for (let i = 0; i < keys.length; i++) position.set(keys[i] ?? '', i);
      this.#position = position;
    }
    return this.#position.get(index);
  }
}

/**
 * Where a regular table's cells are: varbinds already made, or values still packed. Classes,
 * not a closure per table: V8 optimises each closure of a hot function on its own, and a
 * county cycle builds thousands of tables (docs/adr/0021).
 */
interface Cells {
  /** Cell `i`, whose OID text is `prefix` followed by `key` (its row's index). */
  at(i: number, prefix: string, key: string): Varbind | undefined;
  /** `asNumber` of cell `i`. */
  number(i: number): number | undefined;
  /** `asBytes` of cell `i`, perhaps a view of the datagram it came in. */
  bytes(i: number): Uint8Array | undefined;
  /** `asCounterText` of cell `i`. */
  counterText(i: number): string | undefined;
}

class ArrayCells implements Cells {
  readonly #varbinds: readonly Varbind[];
  constructor(varbinds: readonly Varbind[]) {
    this.#varbinds = varbinds;
  }
  at(i: number, _prefix: string, _key: string): Varbind | undefined {
    return this.#varbinds[i];
  }
  number(i: number): number | undefined {
    return asNumber(this.#varbinds[i]);
  }
  bytes(i: number): Uint8Array | undefined {
    return asBytes(this.#varbinds[i]);
  }
  counterText(i: number): string | undefined {
    return asCounterText(this.#varbinds[i]);
  }
}

class PackedCells implements Cells {
  readonly #packed: PackedVarbinds;
  constructor(packed: PackedVarbinds) {
    this.#packed = packed;
  }
  at(i: number, prefix: string, key: string): Varbind {
    // The text is joined, not read from the octets: a cell read costs no digits.
    return this.#packed.atWithOid(i, prefix + key);
  }
  number(i: number): number | undefined {
    return this.#packed.numberAt(i);
  }
  bytes(i: number): Uint8Array | undefined {
    return this.#packed.bytesViewAt(i);
  }
  counterText(i: number): string | undefined {
    return this.#packed.counterTextAt(i);
  }
}

/**
 * A column of a regular table, read through the rows it shares with the table's other
 * columns: one lookup map per table instead of one per column, and no index text per cell.
 */
class SharedRowsColumn implements Column {
  readonly #cells: Cells;
  readonly #start: number;
  readonly #rows: RowIndex;
  /** The column's OID text with a trailing dot: a cell's OID is this and its row's index. */
  readonly #prefix: string;

  constructor(cells: Cells, start: number, rows: RowIndex, prefix: string) {
    this.#cells = cells;
    this.#start = start;
    this.#rows = rows;
    this.#prefix = prefix;
  }

  #cell(at: number): Varbind | undefined {
    return this.#cells.at(this.#start + at, this.#prefix, this.#rows.keys[at] ?? '');
  }

  get rows(): RowIndex {
    return this.#rows;
  }

  get size(): number {
    return this.#rows.keys.length;
  }

  get(index: string): Varbind | undefined {
    const at = this.#rows.positionOf(index);
    return at === undefined ? undefined : this.#cell(at);
  }

  /** `asNumber(get(index))` without making the varbind. */
  numberOf(index: string): number | undefined {
    const at = this.#rows.positionOf(index);
    return at === undefined ? undefined : this.#cells.number(this.#start + at);
  }

  /** `asBytes(get(index))` without making the varbind; a view to read at once, not keep. */
  bytesOf(index: string): Uint8Array | undefined {
    const at = this.#rows.positionOf(index);
    return at === undefined ? undefined : this.#cells.bytes(this.#start + at);
  }

  /** `asCounterText(get(index))` without making the varbind. */
  counterTextOf(index: string): string | undefined {
    const at = this.#rows.positionOf(index);
    return at === undefined ? undefined : this.#cells.counterText(this.#start + at);
  }

  has(index: string): boolean {
    return this.#rows.positionOf(index) !== undefined;
  }

  forEach(callback: (value: Varbind, key: string, map: Column) => void, thisArg?: unknown): void {
    const keys = this.#rows.keys;
    for (let i = 0; i < keys.length; i++) {
      const cell = this.#cell(i);
      if (cell !== undefined) callback.call(thisArg, cell, keys[i] ?? '', this);
    }
  }

  #pairs(): [string, Varbind][] {
    const out: [string, Varbind][] = [];
    this.forEach((cell, key) => out.push([key, cell]));
    return out;
  }

  keys(): MapIterator<string> {
    return this.#rows.keys.values();
  }

  values(): MapIterator<Varbind> {
    const out: Varbind[] = [];
    for (let i = 0; i < this.size; i++) {
      const cell = this.#cell(i);
      if (cell !== undefined) out.push(cell);
    }
    return out.values();
  }

  entries(): MapIterator<[string, Varbind]> {
    return this.#pairs().values();
  }

  [Symbol.iterator](): MapIterator<[string, Varbind]> {
    return this.entries();
  }
}

/** True when the index text after `a`'s prefix equals the one after `b`'s, without slicing. */
function sameIndex(a: string, aStart: number, b: string, bStart: number): boolean {
  if (a.length - aStart !== b.length - bStart) return false;
  for (let i = aStart, j = bStart; i < a.length; i++, j++) {
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  }
  return true;
}

/** The column number after `start` in `oid`, and where its index text begins (0: none). */
function columnAt(oid: string, start: number): { column: number; index: number } {
  let column = 0;
  let i = start;
  for (; i < oid.length; i++) {
    const c = oid.charCodeAt(i);
    if (c === 46) break;
    column = column * 10 + (c - 48);
  }
  // A varbind right at entry.column has no index: not a table cell.
  return { column, index: i >= oid.length - 1 ? 0 : i + 1 };
}

/** The varbinds split into one map per column, each cell keyed by its index text. */
function columnMaps(start: number, varbinds: readonly Varbind[]): Table {
  const columns = new Map<number, Map<string, Varbind>>();
  for (const vb of varbinds) {
    const { column, index } = columnAt(vb.oid, start);
    if (index === 0) continue;
    let col = columns.get(column);
    if (col === undefined) {
      col = new Map();
      columns.set(column, col);
    }
    col.set(vb.oid.slice(index), vb);
  }
  return columns;
}

/**
 * Splits the varbinds of a table entry (in OID order) into columns. Almost every table a
 * device returns is regular: each column holds the same rows in the same order. Then all
 * columns read through one row index over the walk's own array, and a cell costs no map
 * entry, no string and no copy: the interfaces check reads 15 of ifTable's and ifXTable's
 * 41 columns, and a map per column was 10 % of a county agent's allocation. A table with
 * anything else (a row missing from one column, other indexes, a varbind right at
 * entry.column, columns or rows out of order) is split into one map per column.
 */
export function buildTable(entry: string, varbinds: readonly Varbind[]): Table {
  const start = entry.length + 1;
  const columnNumbers: number[] = [];
  /** Position in `varbinds` of each column's first cell; one past the last at the end. */
  const bounds: number[] = [];
  /** Where the index text starts in the OIDs of each column. */
  const indexAt: number[] = [];
  for (let n = 0; n < varbinds.length; n++) {
    const { column, index } = columnAt(varbinds[n]?.oid ?? '', start);
    const last = columnNumbers.at(-1);
    if (column === last && index === indexAt.at(-1)) continue;
    if (index === 0 || (last !== undefined && column <= last)) return columnMaps(start, varbinds);
    columnNumbers.push(column);
    bounds.push(n);
    indexAt.push(index);
  }
  if (columnNumbers.length === 0) return new Map();
  bounds.push(varbinds.length);
  const rowCount = (bounds[1] ?? 0) - (bounds[0] ?? 0);
  const firstIndex = indexAt[0] ?? 0;
  // Rows strictly in OID order, as a walk returns them; a hand-built set may not be.
  for (let k = 1; k < rowCount; k++) {
    if (compareOids(varbinds[k - 1]?.oid ?? '', varbinds[k]?.oid ?? '') >= 0) {
      return columnMaps(start, varbinds);
    }
  }
  for (let c = 1; c < columnNumbers.length; c++) {
    const from = bounds[c] ?? 0;
    const at = indexAt[c] ?? 0;
    if ((bounds[c + 1] ?? 0) - from !== rowCount) return columnMaps(start, varbinds);
    for (let k = 0; k < rowCount; k++) {
      if (!sameIndex(varbinds[from + k]?.oid ?? '', at, varbinds[k]?.oid ?? '', firstIndex)) {
        return columnMaps(start, varbinds);
      }
    }
  }
  const keys: string[] = [];
  for (let k = 0; k < rowCount; k++) keys.push((varbinds[k]?.oid ?? '').slice(firstIndex));
  // The varbinds carry their OIDs already: no prefixes.
  const cells = new ArrayCells(varbinds);
  const columns = new Map<number, Column>();
  const rows = new RowIndex(keys);
  for (let c = 0; c < columnNumbers.length; c++) {
    columns.set(columnNumbers[c] ?? 0, new SharedRowsColumn(cells, bounds[c] ?? 0, rows, ''));
  }
  return columns;
}

/** Values `from`…`to` of one packed walk, in OID order. */
export interface PackedSpan {
  readonly packed: PackedVarbinds;
  readonly from: number;
  readonly to: number;
}

/** One column of a packed table: where its cells lie. */
interface PackedColumn {
  readonly number: number;
  readonly packed: PackedVarbinds;
  /** Position of its first cell in `packed`; its cells follow in row order. */
  readonly start: number;
  readonly count: number;
}

/**
 * buildTable for values still packed in their datagrams: `spans` in OID order, every value
 * below the entry whose OID octets number `entryLength`. The spans are one walk of the
 * whole entry, or one walk per column when a check planned the columns it reads. A regular
 * table is told apart on the OIDs' octets, and its cells become varbinds only when a check
 * reads them; anything else is made into varbinds and split by buildTable.
 */
export function buildPackedTable(
  entry: string,
  entryLength: number,
  spans: readonly PackedSpan[],
): Table {
  const columns = columnLayout(spans, entryLength);
  if (columns === undefined) return madeTable(entry, spans);
  const [first] = columns;
  if (first === undefined) return new Map();
  const starts = rowStarts(first, entryLength);
  if (starts === undefined || !sameRows(columns, starts, entryLength)) {
    return madeTable(entry, spans);
  }
  const keys: string[] = [];
  for (let k = 0; k < first.count; k++) {
    const n = first.start + k;
    keys.push(subIdsText(first.packed.datagram(n), starts[k] ?? 0, first.packed.oidEnd(n)));
  }
  const rows = new RowIndex(keys);
  const table = new Map<number, Column>();
  // One reader per walk, shared by its columns. A loop, not forEach: a closure made per
  // table is optimised per table (docs/adr/0021).
  let cells = new PackedCells(first.packed);
  let cellsOf = first.packed;
  for (const column of columns) {
    const { packed, start } = column;
    if (packed !== cellsOf) {
      cells = new PackedCells(packed);
      cellsOf = packed;
    }
    // The column's text from its first cell's octets: every cell of it shares them, as
    // sameRows checked, so a cell's OID is this prefix and its row's key.
    const end = indexStart(packed, start, entryLength);
    const prefix = `${oidText(packed.datagram(start), packed.oidStart(start), end)}.`;
    table.set(column.number, new SharedRowsColumn(cells, start, rows, prefix));
  }
  return table;
}

/** An irregular table's values made into varbinds and split by buildTable. */
function madeTable(entry: string, spans: readonly PackedSpan[]): Table {
  const varbinds: Varbind[] = [];
  for (const span of spans) {
    for (const vb of span.packed.slice(span.from, span.to)) varbinds.push(vb);
  }
  return buildTable(entry, varbinds);
}

/**
 * The columns of the spans in order, with where each begins and how many cells it has;
 * undefined when a value sits right at entry.column or a column comes after a higher one
 * or again in a later span, which no regular table has.
 */
function columnLayout(
  spans: readonly PackedSpan[],
  entryLength: number,
): PackedColumn[] | undefined {
  const columns: PackedColumn[] = [];
  let last = -1;
  for (const { packed, from, to } of spans) {
    let start = from;
    let number = -1;
    for (let n = from; n < to; n++) {
      const buf = packed.datagram(n);
      const at = packed.oidStart(n) + entryLength;
      const end = packed.oidEnd(n);
      const column = subIdValue(buf, at, end);
      if (subIdEnd(buf, at, end) >= end || column < last) return undefined;
      if (column === number) continue;
      if (column === last) return undefined;
      if (number >= 0) columns.push({ number, packed, start, count: n - start });
      number = column;
      last = column;
      start = n;
    }
    if (number >= 0) columns.push({ number, packed, start, count: to - start });
  }
  return columns;
}

/** Where value `n`'s row index starts: after the entry and the column. */
function indexStart(packed: PackedVarbinds, n: number, entryLength: number): number {
  return subIdEnd(packed.datagram(n), packed.oidStart(n) + entryLength, packed.oidEnd(n));
}

/**
 * Where each row index of the first column starts, or undefined when its rows are not
 * strictly in OID order, as a walk returns them.
 */
function rowStarts(first: PackedColumn, entryLength: number): Int32Array | undefined {
  const { packed, start, count } = first;
  const starts = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const n = start + k;
    starts[k] = indexStart(packed, n, entryLength);
    if (
      k > 0 &&
      compareOctets(
        packed.datagram(n - 1),
        starts[k - 1] ?? 0,
        packed.oidEnd(n - 1),
        packed.datagram(n),
        starts[k] ?? 0,
        packed.oidEnd(n),
      ) >= 0
    )
      return undefined;
  }
  return starts;
}

/** Every other column has the first column's rows (`starts` of its cells), in its order. */
function sameRows(
  columns: readonly PackedColumn[],
  starts: Int32Array,
  entryLength: number,
): boolean {
  const [first] = columns;
  if (first === undefined) return true;
  const { packed, start, count } = first;
  for (let c = 1; c < columns.length; c++) {
    const column = columns[c];
    if (column === undefined || column.count !== count) return false;
    const other = column.packed;
    for (let k = 0; k < count; k++) {
      const n = column.start + k;
      const at = start + k;
      if (
        !sameOctets(
          other.datagram(n),
          indexStart(other, n, entryLength),
          other.oidEnd(n),
          packed.datagram(at),
          starts[k] ?? 0,
          packed.oidEnd(at),
        )
      )
        return false;
    }
  }
  return true;
}

function sharesRows(columns: readonly Column[], rows: RowIndex): boolean {
  for (const col of columns)
    if (!(col instanceof SharedRowsColumn) || col.rows !== rows) return false;
  return true;
}

/**
 * `asNumber` of a table's cell, read without a varbind where the table's cells are packed.
 * For checks that read many cells of each row (docs/adr/0022).
 */
export function cellNumber(table: Table, column: number, index: string): number | undefined {
  const col = table.get(column);
  return col instanceof SharedRowsColumn ? col.numberOf(index) : asNumber(col?.get(index));
}

/**
 * `asBytes` of a table's cell, read without a varbind where the table's cells are packed:
 * then a view of the datagram, so it is for turning into text at once, not for keeping.
 */
export function cellBytes(table: Table, column: number, index: string): Uint8Array | undefined {
  const col = table.get(column);
  return col instanceof SharedRowsColumn ? col.bytesOf(index) : asBytes(col?.get(index));
}

/**
 * `asCounterText` of a table's cell (a counter as a report carries it), read without a
 * varbind or a BigInt where the table's cells are packed.
 */
export function cellCounterText(table: Table, column: number, index: string): string | undefined {
  const col = table.get(column);
  return col instanceof SharedRowsColumn
    ? col.counterTextOf(index)
    : asCounterText(col?.get(index));
}

/** Every row index that appears in any column of the table, in OID order. */
export function rowIndexes(table: Table): string[] {
  const columns = [...table.values()];
  const [first] = columns;
  if (first === undefined) return [];
  // A regular table's columns share their rows, already checked to be in order.
  const shared = first instanceof SharedRowsColumn ? first.rows : undefined;
  if (shared !== undefined && sharesRows(columns, shared)) return [...shared.keys];
  // Each column is in walk (OID) order; when no column has a row the first lacks, its keys are the answer.
  const keys = [...first.keys()];
  const inOrder = keys.every((k, i) => i === 0 || compareOids(keys[i - 1] ?? '', k) < 0);
  if (
    inOrder &&
    columns.every((col) => col === first || [...col.keys()].every((k) => first.has(k)))
  ) {
    return keys;
  }
  const seen = new Set<string>();
  for (const col of columns) for (const index of col.keys()) seen.add(index);
  return [...seen].sort(compareOids);
}
