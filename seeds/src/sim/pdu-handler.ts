import { ERROR_STATUS, SNMP_V1, encodeVarbind } from './ber.ts';
import type { MessageHead, PduVarbind, SnmpMessage } from './ber.ts';
import type { MibStore, ResolvedEntry } from './mib-store.ts';
import { parseOidText } from './oid-text.ts';

export interface AnswerOptions {
  /** Responder clock in ms, handed to value providers. */
  readonly now: number;
  /** GETBULK responses are cut at this many varbinds (snmpsim: 64). */
  readonly maxVarbinds: number;
  /** Fault: GETNEXT from this OID on returns the first entry at or after it again. */
  readonly loopAt?: Uint32Array | undefined;
  /** Fault: GETNEXT from this OID on returns the entry before the one asked from. */
  readonly backwardsAt?: Uint32Array | undefined;
  /** Fault: tooBig instead of a response with more varbinds than this. */
  readonly tooBigOverVarbinds?: number | undefined;
}

export type Answer =
  | { readonly kind: 'reply'; readonly head: MessageHead; readonly varbinds: readonly Uint8Array[] }
  | { readonly kind: 'ignore'; readonly reason: string };

/** Thrown inside a request to turn it into an error response naming one varbind. */
class PduError extends Error {
  readonly status: number;
  readonly index: number;
  constructor(status: number, index: number) {
    super(`error-status ${status} at varbind ${index}`);
    this.status = status;
    this.index = index;
  }
}

/** Runs one varbind's work so that a provider or encoding failure names that varbind. */
function guard<T>(index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PduError) throw error;
    throw new PduError(ERROR_STATUS.genErr, index);
  }
}

function requestSubs(vb: PduVarbind): Uint32Array {
  return parseOidText(vb.oid) ?? new Uint32Array([0, 0]);
}

/** Walks the store for one GETNEXT step; -1 is the "before everything" position. */
class NextCursor {
  readonly #store: MibStore;
  readonly #options: AnswerOptions;
  readonly #v1: boolean;
  readonly #loopIndex: number | undefined;
  readonly #backIndex: number | undefined;

  constructor(store: MibStore, options: AnswerOptions, v1: boolean) {
    this.#store = store;
    this.#options = options;
    this.#v1 = v1;
    const { loopAt, backwardsAt } = options;
    this.#loopIndex = loopAt === undefined ? undefined : store.lowerBound(loopAt);
    this.#backIndex = backwardsAt === undefined ? undefined : store.lowerBound(backwardsAt);
  }

  positionOf(subs: Uint32Array): number {
    return this.#store.lastAtOrBefore(subs);
  }

  /** The first servable entry after `position`; skips hidden values and, for v1, Counter64. */
  next(position: number): { index: number; resolved: ResolvedEntry } | undefined {
    let i = position;
    if (this.#loopIndex !== undefined && i >= this.#loopIndex) i = this.#loopIndex - 1;
    if (this.#backIndex !== undefined && i >= this.#backIndex) i = Math.max(-1, i - 2);
    for (i++; i < this.#store.size; i++) {
      const entry = this.#store.at(i);
      const resolved =
        entry === undefined ? undefined : this.#store.resolve(entry, this.#options.now);
      if (resolved === undefined) continue;
      if (this.#v1 && resolved.value.type === 'Counter64') continue;
      return { index: i, resolved };
    }
    return undefined;
  }
}

function answerGet(store: MibStore, message: SnmpMessage, options: AnswerOptions): Uint8Array[] {
  const v1 = message.version === SNMP_V1;
  return message.pdu.varbinds.map((vb, i) =>
    guard(i + 1, () => {
      const subs = requestSubs(vb);
      const entry = store.at(store.indexOf(subs));
      const resolved = entry === undefined ? undefined : store.resolve(entry, options.now);
      if (resolved !== undefined && !(v1 && resolved.value.type === 'Counter64')) {
        return resolved.encoded;
      }
      if (v1) throw new PduError(ERROR_STATUS.noSuchName, i + 1);
      // Without MIBs, "the object exists" means: something is served below the OID's parent.
      const instanceOnly = subs.length > 1 && store.hasBelow(subs, subs.length - 1);
      return encodeVarbind(subs, {
        type: instanceOnly ? 'noSuchInstance' : 'noSuchObject',
        value: null,
      });
    }),
  );
}

function answerNext(store: MibStore, message: SnmpMessage, options: AnswerOptions): Uint8Array[] {
  const v1 = message.version === SNMP_V1;
  const cursor = new NextCursor(store, options, v1);
  return message.pdu.varbinds.map((vb, i) =>
    guard(i + 1, () => {
      const subs = requestSubs(vb);
      const found = cursor.next(cursor.positionOf(subs));
      if (found !== undefined) return found.resolved.encoded;
      if (v1) throw new PduError(ERROR_STATUS.noSuchName, i + 1);
      return encodeVarbind(subs, { type: 'endOfMibView', value: null });
    }),
  );
}

function answerBulk(store: MibStore, message: SnmpMessage, options: AnswerOptions): Uint8Array[] {
  const { varbinds, errorStatus, errorIndex } = message.pdu;
  const nonRepeaters = Math.min(Math.max(errorStatus, 0), varbinds.length);
  const repetitions = Math.max(errorIndex, 0);
  const cursor = new NextCursor(store, options, false);
  const out: Uint8Array[] = [];
  const endOf = (subs: Uint32Array): Uint8Array =>
    encodeVarbind(subs, { type: 'endOfMibView', value: null });
  for (let i = 0; i < nonRepeaters && out.length < options.maxVarbinds; i++) {
    const vb = varbinds[i];
    if (vb === undefined) break;
    const subs = requestSubs(vb);
    const found = guard(i + 1, () => cursor.next(cursor.positionOf(subs)));
    out.push(found?.resolved.encoded ?? endOf(subs));
  }
  const columns = varbinds.slice(nonRepeaters).map((vb, j) => {
    const subs = requestSubs(vb);
    return { subs, position: cursor.positionOf(subs), index: nonRepeaters + j + 1 };
  });
  for (let r = 0; r < repetitions && columns.length > 0; r++) {
    let allEnded = true;
    for (const column of columns) {
      if (out.length >= options.maxVarbinds) return out;
      const found = guard(column.index, () => cursor.next(column.position));
      if (found === undefined) {
        out.push(endOf(column.subs));
        continue;
      }
      allEnded = false;
      column.position = found.index;
      column.subs = found.resolved.entry.subs;
      out.push(found.resolved.encoded);
    }
    if (allEnded) break;
  }
  return out;
}

function replyHead(message: SnmpMessage, errorStatus = 0, errorIndex = 0): MessageHead {
  return {
    version: message.version,
    community: message.community,
    pduType: 'GetResponse',
    requestId: message.pdu.requestId,
    errorStatus,
    errorIndex,
  };
}

/** The request's varbinds for an error response; a value we cannot re-encode goes back as Null. */
function echoRequest(message: SnmpMessage): Uint8Array[] {
  return message.pdu.varbinds.map((vb) => {
    try {
      return encodeVarbind(vb.oid, vb);
    } catch {
      return encodeVarbind(requestSubs(vb), { type: 'Null', value: null });
    }
  });
}

function computeVarbinds(
  store: MibStore,
  message: SnmpMessage,
  options: AnswerOptions,
): Uint8Array[] | undefined {
  switch (message.pdu.type) {
    case 'GetRequest':
      return answerGet(store, message, options);
    case 'GetNextRequest':
      return answerNext(store, message, options);
    case 'GetBulkRequest':
      return answerBulk(store, message, options);
    case 'SetRequest': {
      const status =
        message.version === SNMP_V1 ? ERROR_STATUS.noSuchName : ERROR_STATUS.notWritable;
      throw new PduError(status, message.pdu.varbinds.length > 0 ? 1 : 0);
    }
    default:
      return undefined;
  }
}

/**
 * Answers one decoded request from a store: GET, GETNEXT, GETBULK (v2c only, like snmpsim),
 * SET refused. Value problems become genErr; v1 gets noSuchName where v2c has exceptions.
 */
export function answerRequest(
  store: MibStore,
  message: SnmpMessage,
  options: AnswerOptions,
): Answer {
  if (message.pdu.type === 'GetBulkRequest' && message.version === SNMP_V1) {
    return { kind: 'ignore', reason: 'GetBulkRequest over SNMPv1' };
  }
  let varbinds: Uint8Array[] | undefined;
  try {
    varbinds = computeVarbinds(store, message, options);
  } catch (error) {
    const failure = error instanceof PduError ? error : new PduError(ERROR_STATUS.genErr, 1);
    const head = replyHead(message, failure.status, failure.index);
    return { kind: 'reply', head, varbinds: echoRequest(message) };
  }
  if (varbinds === undefined) {
    return { kind: 'ignore', reason: `unsupported PDU ${message.pdu.type}` };
  }
  const limit = options.tooBigOverVarbinds;
  if (limit !== undefined && varbinds.length > limit) {
    const echoed = message.version === SNMP_V1 ? echoRequest(message) : [];
    return { kind: 'reply', head: replyHead(message, ERROR_STATUS.tooBig), varbinds: echoed };
  }
  return { kind: 'reply', head: replyHead(message), varbinds };
}
