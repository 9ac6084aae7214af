import type { Varbind } from './varbind.ts';
import { decodeKeptCells, isValue } from './ber.ts';

/**
 * The values of one walk, kept as the octets they came in until the walk is over. A device's
 * poll lasts seconds behind a slow responder; decoded varbinds kept that long outlive V8's
 * young generation and are copied and promoted, which cost the agent more CPU and memory
 * than decoding them (ADR 0016). Bytes in one growing buffer cost the collector nothing.
 */
export class KeptCells {
  #buf: Buffer | undefined;
  #length = 0;
  /** Values kept. */
  count = 0;

  /** Keeps the varbind in `src[start, end)`, already checked by `scanMessage`. */
  keep(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    let buf = this.#buf;
    if (buf === undefined || buf.length < this.#length + n) {
      const bigger = Buffer.allocUnsafe(Math.max(512, 2 * (this.#length + n)));
      if (buf !== undefined) buf.copy(bigger, 0, 0, this.#length);
      this.#buf = buf = bigger;
    }
    if (n > 64) {
      buf.set(src.subarray(start, end), this.#length);
    } else {
      for (let i = 0; i < n; i++) buf[this.#length + i] = src[start + i] ?? 0;
    }
    this.#length += n;
    this.count++;
  }

  /** The kept values, decoded; the bytes are let go. */
  decode(): Varbind[] {
    const buf = this.#buf;
    this.#buf = undefined;
    if (buf === undefined) return [];
    const out: Varbind[] = [];
    for (const cell of decodeKeptCells(buf, this.#length)) if (isValue(cell)) out.push(cell);
    this.#length = 0;
    this.count = 0;
    return out;
  }
}
