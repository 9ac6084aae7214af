import type { Cell } from './ber.ts';
import { isValue } from './ber.ts';
import type { WalkResult } from './client.ts';
import type { SnmpError } from './errors.ts';
import { snmpError } from './errors.ts';
import { compareOids, isUnder, normaliseOid } from './oid.ts';
import { noteCell, tableProgress, valuesLeft } from './table-end.ts';
import type { TableProgress } from './table-end.ts';
import type { Varbind } from './varbind.ts';

/** One GETBULK exchange as the engine sees it: cells in wire order, or why there are none. */
export type BulkOutcome =
  | { readonly ok: true; readonly cells: readonly Cell[] }
  | { readonly ok: false; readonly error: SnmpError };

export interface BulkReadOptions {
  /** Values one response may carry (columns × repetitions); halved on tooBig or silence. */
  readonly maxVarbinds: number;
  /**
   * The most a request may grow back to after a failure shrank it (default `maxVarbinds`).
   * Each tooBig or silence lowers it to ¾ of the size that failed, for the rest of the read.
   */
  readonly growTo?: number;
  /** Largest max-repetitions to ask for. */
  readonly maxRepetitions: number;
  /** Tries of a request at the smallest size before the item it holds is given up. */
  readonly retries: number;
  readonly maxRows: number;
  deadlinePassed(): boolean;
  /** Asked after an item timed out at the smallest size: false when the device is gone. */
  isAlive(): Promise<boolean>;
  /** Counts a retry (a shrink or a repeat) in the client's stats. */
  onRetry(): void;
}

export interface BulkReadResult {
  /** Every requested `.0` scalar: its value, or undefined when the device has none. */
  readonly scalars: ReadonlyMap<string, Varbind | undefined>;
  readonly scalarErrors: ReadonlyMap<string, SnmpError>;
  readonly walks: ReadonlyMap<string, WalkResult>;
  /** Values stored (scalars found plus walked values). */
  readonly values: number;
  /** The size that last worked, for the next read of this device. */
  readonly maxVarbinds: number;
  /** The most the next read may grow back to: below any size that failed. */
  readonly growTo: number;
}

/** Answers in a row at one size before it is doubled back towards `growTo`. */
const GROW_AFTER = 2;

interface Cursor {
  readonly root: string;
  oid: string;
  readonly out: Varbind[];
  error?: SnmpError;
  done: boolean;
  asked: boolean;
  /** For a standard table walked whole: where the walk stands, to ask no further than its end. */
  readonly table: TableProgress | undefined;
}

interface Scalar {
  readonly oid: string;
  /** GETNEXT from the object's OID finds its `.0` instance when there is one. */
  readonly ask: string;
  done: boolean;
}

type Item =
  { readonly kind: 'scalar'; readonly s: Scalar } | { readonly kind: 'walk'; readonly c: Cursor };

/** Applies one column of a response to its cursor; returns the values stored. */
function advance(c: Cursor, cell: Cell, maxRows: number): number {
  if (cell.type === 'endOfMibView') {
    c.done = true;
    return 0;
  }
  // Order is checked before the subtree: a device that answers with an OID at or before
  // the one asked is looping or stepping back, wherever that OID lies, and the rows after
  // it were not read. Taking it as the subtree's end would report a short table as whole.
  if (compareOids(cell.oid, c.oid) <= 0) {
    c.done = true;
    c.error = snmpError(
      'WALK_LOOP',
      `the device returned ${cell.oid} after ${c.oid} while walking ${c.root}: OIDs must increase, stopped instead of looping`,
    );
    return 0;
  }
  if (!isUnder(cell.oid, c.root)) {
    c.done = true;
    return 0;
  }
  c.oid = cell.oid;
  if (c.table !== undefined) noteCell(c.table, c.root, cell.oid);
  if (!isValue(cell)) return 0;
  c.out.push(cell);
  if (c.out.length >= maxRows) {
    c.done = true;
    c.error = snmpError('WALK_ROW_CAP', `stopped walking ${c.root} after ${maxRows} values`);
  }
  return 1;
}

/**
 * Values past a table's end that are worth one more request to avoid. On snmpsim a request
 * costs what 5 to 6 values do (BENCHMARKS.md, poller round 9); a device across a county WAN
 * also pays a round trip, so the reply is cut only for a clear saving.
 */
const SPILL_WORTH_A_REQUEST = 16;

/**
 * Repetitions for a batch that would otherwise get `planned`. A reply runs every subtree in
 * it the same number of steps, so where a standard table's end is known (table-end.ts):
 * no further than the longest of them when all are known, and no further than the end of
 * one that would otherwise be overrun by more values than a request costs.
 */
function repetitionsFor(batch: readonly Item[], planned: number): number {
  let longest = 0;
  let unknown = false;
  let cut = planned;
  for (const item of batch) {
    if (item.kind !== 'walk') continue;
    const left = item.c.table === undefined ? undefined : valuesLeft(item.c.table);
    if (left === undefined) {
      unknown = true;
      continue;
    }
    longest = Math.max(longest, left);
    if (planned - left > SPILL_WORTH_A_REQUEST) cut = Math.min(cut, left);
  }
  return Math.max(1, Math.min(cut, unknown || longest === 0 ? planned : longest));
}

/**
 * Reads `.0` scalars and whole subtrees of one device, sharing requests between them. The
 * first GETBULK asks once (one repetition) for every scalar and subtree, which tells empty
 * subtrees apart at the cost of one value each; later ones walk every unfinished subtree
 * side by side, repetitions = budget ÷ columns, so the budget is spent on data and a
 * subtree's end costs fewer values past it than a walk of its own would. Scalars are asked
 * as GETNEXT of their object (`x` for `x.0`), which answers `x.0` when it exists.
 */
export async function bulkRead(
  send: (
    oids: readonly string[],
    nonRepeaters: number,
    maxRepetitions: number,
  ) => Promise<BulkOutcome>,
  scalarOids: readonly string[],
  subtrees: readonly string[],
  options: BulkReadOptions,
): Promise<BulkReadResult> {
  const scalars = scalarOids.map((oid) => ({ oid, ask: oid.slice(0, -2), done: false }));
  const cursors: Cursor[] = subtrees.map((root) => {
    const r = normaliseOid(root);
    return { root: r, oid: r, out: [], done: false, asked: false, table: tableProgress(r) };
  });
  const scalarValues = new Map<string, Varbind | undefined>();
  const scalarErrors = new Map<string, SnmpError>();
  let budget = Math.max(1, options.maxVarbinds);
  let growTo = Math.max(budget, options.growTo ?? budget);
  let answered = 0;
  let attempts = 0;
  let values = 0;
  let gone: SnmpError | undefined;

  const fail = (item: Item, error: SnmpError): void => {
    if (item.kind === 'scalar') {
      item.s.done = true;
      scalarErrors.set(item.s.oid, error);
      scalarValues.set(item.s.oid, undefined);
    } else {
      item.c.done = true;
      item.c.error = error;
    }
  };

  // Made once, compacted in place and the batch reused, not rebuilt as new arrays for each
  // of the 14,000 requests of a county cycle.
  const items: Item[] = [
    ...scalars.map((s) => ({ kind: 'scalar' as const, s })),
    ...cursors.map((c) => ({ kind: 'walk' as const, c })),
  ];
  const isDone = (i: Item): boolean => (i.kind === 'scalar' ? i.s.done : i.c.done);
  // Every item is asked for once before repetitions are spent: most empty subtrees then
  // cost one value each instead of a full reply past their end.
  const isUnasked = (i: Item): boolean => i.kind === 'scalar' || !i.c.asked;
  const batch: Item[] = [];
  for (;;) {
    let live = 0;
    for (const item of items) if (!isDone(item)) items[live++] = item;
    items.length = live;
    if (items.length === 0) break;
    if (gone !== undefined) {
      const message = `not read: the device stopped answering earlier in this poll (${gone.message})`;
      for (const item of items) fail(item, { ...gone, message });
      break;
    }
    if (options.deadlinePassed()) {
      for (const item of items) {
        const what = item.kind === 'scalar' ? item.s.oid : item.c.root;
        fail(item, snmpError('DEADLINE', `deadline passed while reading ${what}`));
      }
      break;
    }
    const probing = items.some(isUnasked);
    batch.length = 0;
    let nonRepeaters = 0;
    for (const item of items) {
      if (batch.length >= budget) break;
      if (probing && !isUnasked(item)) continue;
      batch.push(item);
      if (item.kind === 'scalar') nonRepeaters++;
    }
    const columns = batch.length - nonRepeaters;
    const repetitions =
      columns === 0 || probing
        ? 1
        : repetitionsFor(
            batch,
            Math.max(
              1,
              Math.min(options.maxRepetitions, Math.floor((budget - nonRepeaters) / columns)),
            ),
          );
    const oids = batch.map((i) => (i.kind === 'scalar' ? i.s.ask : i.c.oid));
    const outcome = await send(oids, nonRepeaters, repetitions);
    if (!outcome.ok) {
      const shrinkable = outcome.error.code === 'TIMEOUT' || outcome.error.code === 'TOO_BIG';
      answered = 0;
      if (batch.length > 1 || (repetitions > 1 && shrinkable)) {
        // Silence and tooBig both shrink the request; other errors isolate the culprit.
        // The size that failed is not asked again in this read: a device that drops large
        // answers costs a few timeouts while the cap settles, not one per regrowth.
        const asked = nonRepeaters + columns * repetitions;
        growTo = Math.max(1, Math.min(growTo, Math.floor((asked * 3) / 4)));
        budget = Math.max(
          1,
          Math.floor(
            (batch.length === 1 ? repetitions : Math.min(budget, batch.length * repetitions)) / 2,
          ),
        );
        options.onRetry();
        continue;
      }
      if (outcome.error.code === 'TIMEOUT' && attempts < options.retries) {
        attempts++;
        options.onRetry();
        continue;
      }
      attempts = 0;
      const [only] = batch;
      if (only !== undefined) fail(only, outcome.error);
      if (outcome.error.code === 'TIMEOUT' && !(await options.isAlive())) gone = outcome.error;
      continue;
    }
    attempts = 0;
    // Silence is often one lost datagram, not a size the device cannot answer: after a few
    // answers the size doubles back towards the cap, so one loss does not slow the whole walk.
    if (budget < growTo && ++answered >= GROW_AFTER) {
      budget = Math.min(growTo, budget * 2);
      answered = 0;
    }
    const cells = outcome.cells;
    for (let i = 0; i < nonRepeaters; i++) {
      const item = batch[i];
      if (item?.kind !== 'scalar') continue;
      const cell = cells[i];
      item.s.done = true;
      const found =
        cell !== undefined && cell.oid === item.s.oid && isValue(cell) ? cell : undefined;
      scalarValues.set(item.s.oid, found);
      if (found !== undefined) values++;
    }
    if (cells.length <= nonRepeaters && nonRepeaters === 0) {
      // Nothing at all for the subtrees ends them, as an empty walk would; a reply cut short
      // after the scalars only means the subtrees are asked again on their own.
      for (const item of batch) if (item.kind === 'walk') item.c.done = true;
      continue;
    }
    for (let i = nonRepeaters; i < cells.length; i++) {
      const item = batch[nonRepeaters + ((i - nonRepeaters) % columns)];
      const cell = cells[i];
      if (item?.kind !== 'walk' || cell === undefined) continue;
      item.c.asked = true;
      if (!item.c.done) values += advance(item.c, cell, options.maxRows);
    }
  }

  const walks = new Map<string, WalkResult>();
  for (const c of cursors) {
    walks.set(
      c.root,
      c.error === undefined ? { varbinds: c.out } : { varbinds: c.out, error: c.error },
    );
  }
  return { scalars: scalarValues, scalarErrors, walks, values, maxVarbinds: budget, growTo };
}
