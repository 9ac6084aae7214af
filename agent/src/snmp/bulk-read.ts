import type { OidRef, OidSpan, VarbindSpans } from './ber.ts';
import {
  cellAt,
  END_OF_MIB_VIEW,
  isValue,
  isValueTag,
  oidText,
  sharedOidContent,
  SPAN,
} from './ber.ts';
import type { WalkResult } from './client.ts';
import type { SnmpError } from './errors.ts';
import { snmpError } from './errors.ts';
import { normaliseOid } from './oid.ts';
import { compareOctets, isUnderOctets, sameOctets, subIdValue } from './oid-octets.ts';
import { PackedVarbinds, PackedWalk } from './packed-varbinds.ts';
import { noteColumn, tableProgress, valuesLeft } from './table-end.ts';
import type { TableProgress } from './table-end.ts';
import type { Varbind } from './varbind.ts';

/** One GETBULK exchange as the engine sees it: the reply's varbinds, or why there are none. */
export type BulkOutcome =
  | { readonly ok: true; readonly reply: VarbindSpans }
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
  readonly rootOctets: Uint8Array;
  /** The last OID read, in the datagram it came in: the next request asks on from it. */
  readonly last: OidSpan;
  readonly out: PackedVarbinds;
  error?: SnmpError;
  done: boolean;
  asked: boolean;
  /** For a standard table walked whole: where the walk stands, to ask no further than its end. */
  readonly table: TableProgress | undefined;
}

interface Scalar {
  readonly oid: string;
  readonly octets: Uint8Array;
  /** GETNEXT from the object's OID finds its `.0` instance when there is one. */
  readonly ask: string;
  done: boolean;
}

type Item =
  { readonly kind: 'scalar'; readonly s: Scalar } | { readonly kind: 'walk'; readonly c: Cursor };

/** Applies value `k` of a reply to the cursor of its column; returns the values stored. */
function advance(c: Cursor, reply: VarbindSpans, k: number, maxRows: number): number {
  const { buf, spans } = reply;
  const oidStart = spans[SPAN * k] ?? 0;
  const oidEnd = spans[SPAN * k + 1] ?? 0;
  const tag = buf[oidEnd];
  if (tag === END_OF_MIB_VIEW) {
    c.done = true;
    return 0;
  }
  // Order is checked before the subtree: a device that answers with an OID at or before
  // the one asked is looping or stepping back, wherever that OID lies, and the rows after
  // it were not read. Taking it as the subtree's end would report a short table as whole.
  // Both OIDs begin with the root when the answer is inside the subtree (the cursor always
  // does), so the comparison starts after it.
  const root = c.rootOctets;
  const inside = isUnderOctets(buf, oidStart, oidEnd, root);
  const last = c.last;
  if (
    compareOctets(
      buf,
      oidStart,
      oidEnd,
      last.buf,
      last.start,
      last.end,
      inside ? root.length : 0,
    ) <= 0
  ) {
    c.done = true;
    c.error = snmpError(
      'WALK_LOOP',
      `the device returned ${oidText(buf, oidStart, oidEnd)} after ${oidText(last.buf, last.start, last.end)} while walking ${c.root}: OIDs must increase, stopped instead of looping`,
    );
    return 0;
  }
  if (!inside) {
    c.done = true;
    return 0;
  }
  // Most values of a reply share its datagram: storing it again would pay the write
  // barrier of a long-lived cursor pointing at a young buffer, once a value.
  if (last.buf !== buf) last.buf = buf;
  last.start = oidStart;
  last.end = oidEnd;
  if (c.table !== undefined) noteColumn(c.table, subIdValue(buf, oidStart + root.length, oidEnd));
  if (!isValueTag(tag)) return 0;
  c.out.push(buf, oidStart, oidEnd, spans[SPAN * k + 2] ?? 0, spans[SPAN * k + 3] ?? 0);
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

/** Varbind `i` of a reply when it is the value at exactly `oid` (octets), else undefined. */
function scalarAt(reply: VarbindSpans, i: number, oid: Uint8Array): Varbind | undefined {
  const { buf, spans } = reply;
  const start = spans[SPAN * i] ?? 0;
  const end = spans[SPAN * i + 1] ?? 0;
  if (!sameOctets(buf, start, end, oid, 0, oid.length)) return undefined;
  const cell = cellAt(reply, i);
  return isValue(cell) ? cell : undefined;
}

/** What one GETBULK asks for. */
interface BulkRequest {
  readonly oids: readonly OidRef[];
  readonly nonRepeaters: number;
  readonly repetitions: number;
}

const isDone = (i: Item): boolean => (i.kind === 'scalar' ? i.s.done : i.c.done);
// Every item is asked for once before repetitions are spent: most empty subtrees then
// cost one value each instead of a full reply past their end.
const isUnasked = (i: Item): boolean => i.kind === 'scalar' || !i.c.asked;

/**
 * The state of one device's read, stepped by `bulkRead`: which request comes next, and what
 * an answer or a failure does to the walks. Synchronous and in small methods, so V8 compiles
 * each once; as one async function its loop was recompiled whole (about 45 ms each time)
 * whenever a path it had not yet seen ran, four times in a county cycle.
 */
class BulkWalk {
  readonly #options: BulkReadOptions;
  readonly #cursors: readonly Cursor[];
  readonly #scalarValues = new Map<string, Varbind | undefined>();
  readonly #scalarErrors = new Map<string, SnmpError>();
  // Made once, compacted in place and the batch reused, not rebuilt as new arrays for each
  // of the 14,000 requests of a county cycle.
  readonly #items: Item[] = [];
  readonly #batch: Item[] = [];
  #budget: number;
  #growTo: number;
  #answered = 0;
  #attempts = 0;
  #values = 0;
  #gone: SnmpError | undefined;
  /** The request in flight: its scalars, its columns and the repetitions asked. */
  #nonRepeaters = 0;
  #columns = 0;
  #repetitions = 0;

  constructor(
    scalarOids: readonly string[],
    subtrees: readonly string[],
    options: BulkReadOptions,
  ) {
    this.#options = options;
    for (const oid of scalarOids) {
      this.#items.push({
        kind: 'scalar',
        s: { oid, octets: sharedOidContent(oid), ask: oid.slice(0, -2), done: false },
      });
    }
    const cursors: Cursor[] = [];
    for (const root of subtrees) {
      const r = normaliseOid(root);
      const rootOctets = sharedOidContent(r);
      cursors.push({
        root: r,
        rootOctets,
        last: { buf: rootOctets, start: 0, end: rootOctets.length },
        out: new PackedVarbinds(),
        done: false,
        asked: false,
        table: tableProgress(r),
      });
    }
    this.#cursors = cursors;
    for (const c of cursors) this.#items.push({ kind: 'walk', c });
    this.#budget = Math.max(1, options.maxVarbinds);
    this.#growTo = Math.max(this.#budget, options.growTo ?? this.#budget);
  }

  #fail(item: Item, error: SnmpError): void {
    if (item.kind === 'scalar') {
      item.s.done = true;
      this.#scalarErrors.set(item.s.oid, error);
      this.#scalarValues.set(item.s.oid, undefined);
    } else {
      item.c.done = true;
      item.c.error = error;
    }
  }

  /** The next request, or undefined when every item is read or given up. */
  next(): BulkRequest | undefined {
    const items = this.#items;
    let live = 0;
    for (const item of items) if (!isDone(item)) items[live++] = item;
    items.length = live;
    if (live === 0) return undefined;
    const gone = this.#gone;
    if (gone !== undefined) {
      const message = `not read: the device stopped answering earlier in this poll (${gone.message})`;
      for (const item of items) this.#fail(item, { ...gone, message });
      return undefined;
    }
    if (this.#options.deadlinePassed()) {
      for (const item of items) {
        const what = item.kind === 'scalar' ? item.s.oid : item.c.root;
        this.#fail(item, snmpError('DEADLINE', `deadline passed while reading ${what}`));
      }
      return undefined;
    }
    const probing = items.some(isUnasked);
    const batch = this.#batch;
    batch.length = 0;
    let nonRepeaters = 0;
    for (const item of items) {
      if (batch.length >= this.#budget) break;
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
              Math.min(
                this.#options.maxRepetitions,
                Math.floor((this.#budget - nonRepeaters) / columns),
              ),
            ),
          );
    this.#nonRepeaters = nonRepeaters;
    this.#columns = columns;
    this.#repetitions = repetitions;
    const oids: OidRef[] = [];
    for (const i of batch) oids.push(i.kind === 'scalar' ? i.s.ask : i.c.last);
    return { oids, nonRepeaters, repetitions };
  }

  /**
   * A request that got no answer, or an error: shrinks or repeats it, or gives up the one
   * item it held. True when that item timed out, so the caller asks whether the device is
   * still there (`gone`).
   */
  failed(error: SnmpError): boolean {
    const batch = this.#batch;
    const repetitions = this.#repetitions;
    const shrinkable = error.code === 'TIMEOUT' || error.code === 'TOO_BIG';
    this.#answered = 0;
    if (batch.length > 1 || (repetitions > 1 && shrinkable)) {
      // Silence and tooBig both shrink the request; other errors isolate the culprit.
      // The size that failed is not asked again in this read: a device that drops large
      // answers costs a few timeouts while the cap settles, not one per regrowth.
      const asked = this.#nonRepeaters + this.#columns * repetitions;
      this.#growTo = Math.max(1, Math.min(this.#growTo, Math.floor((asked * 3) / 4)));
      this.#budget = Math.max(
        1,
        Math.floor(
          (batch.length === 1 ? repetitions : Math.min(this.#budget, batch.length * repetitions)) /
            2,
        ),
      );
      this.#options.onRetry();
      return false;
    }
    if (error.code === 'TIMEOUT' && this.#attempts < this.#options.retries) {
      this.#attempts++;
      this.#options.onRetry();
      return false;
    }
    this.#attempts = 0;
    const [only] = batch;
    if (only !== undefined) this.#fail(only, error);
    return error.code === 'TIMEOUT';
  }

  /** The device stopped answering: what is left is given up at the next step. */
  gone(error: SnmpError): void {
    this.#gone = error;
  }

  /** An answer to the request in flight: scalars first, then the columns in turn. */
  replied(reply: VarbindSpans): void {
    this.#attempts = 0;
    // Silence is often one lost datagram, not a size the device cannot answer: after a few
    // answers the size doubles back towards the cap, so one loss does not slow the whole walk.
    if (this.#budget < this.#growTo && ++this.#answered >= GROW_AFTER) {
      this.#budget = Math.min(this.#growTo, this.#budget * 2);
      this.#answered = 0;
    }
    const batch = this.#batch;
    const nonRepeaters = this.#nonRepeaters;
    const count = reply.count;
    for (let i = 0; i < nonRepeaters; i++) {
      const item = batch[i];
      if (item?.kind !== 'scalar') continue;
      item.s.done = true;
      const found = i < count ? scalarAt(reply, i, item.s.octets) : undefined;
      this.#scalarValues.set(item.s.oid, found);
      if (found !== undefined) this.#values++;
    }
    if (count <= nonRepeaters && nonRepeaters === 0) {
      // Nothing at all for the subtrees ends them, as an empty walk would; a reply cut short
      // after the scalars only means the subtrees are asked again on their own.
      for (const item of batch) if (item.kind === 'walk') item.c.done = true;
      return;
    }
    const columns = this.#columns;
    const maxRows = this.#options.maxRows;
    for (let i = nonRepeaters; i < count; i++) {
      const item = batch[nonRepeaters + ((i - nonRepeaters) % columns)];
      if (item?.kind !== 'walk') continue;
      item.c.asked = true;
      if (!item.c.done) this.#values += advance(item.c, reply, i, maxRows);
    }
  }

  result(): BulkReadResult {
    const walks = new Map<string, WalkResult>();
    for (const c of this.#cursors) {
      walks.set(c.root, new PackedWalk(c.out, c.error));
    }
    return {
      scalars: this.#scalarValues,
      scalarErrors: this.#scalarErrors,
      walks,
      values: this.#values,
      maxVarbinds: this.#budget,
      growTo: this.#growTo,
    };
  }
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
    oids: readonly OidRef[],
    nonRepeaters: number,
    maxRepetitions: number,
  ) => Promise<BulkOutcome>,
  scalarOids: readonly string[],
  subtrees: readonly string[],
  options: BulkReadOptions,
): Promise<BulkReadResult> {
  const walk = new BulkWalk(scalarOids, subtrees, options);
  for (let request = walk.next(); request !== undefined; request = walk.next()) {
    const outcome = await send(request.oids, request.nonRepeaters, request.repetitions);
    if (outcome.ok) walk.replied(outcome.reply);
    else if (walk.failed(outcome.error) && !(await options.isAlive())) walk.gone(outcome.error);
  }
  return walk.result();
}
