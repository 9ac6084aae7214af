import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';

/*
 * A rendered page kept as bytes with holes. The parts between the holes are encoded to UTF-8
 * and compressed once, when the page is built; each request fills the holes (who is signed
 * in, the CSRF token, anything read per request) and gets the page as one buffer, plain or
 * gzip, without encoding or compressing the bulk of it again.
 *
 * The gzip form is spliced rather than compressed per request. Every part but the last is
 * raw deflate ended by a sync flush, so it stops on a byte boundary with no final block and
 * the next part can follow it directly; the last ends with the final block. A hole is
 * either one stored block (raw bytes behind a 5-byte header) or, when large, deflated on
 * its own the same way. No part refers back into another, so the concatenation is one valid
 * deflate stream. The gzip trailer's CRC-32 is combined from the parts' CRCs (zlib's
 * crc32_combine), so the cached bytes are never read again.
 */

/**
 * Holes larger than this are deflated per request (level 1: 20–30 µs for 8 KiB); smaller
 * ones go as a stored block, costing no CPU and a few KiB on the wire. Below 65,535, the
 * most a stored block holds.
 */
const DEFLATE_HOLE_BYTES = 8192;

/** gzip member header: deflate, no name, no mtime, OS unknown (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

interface Part {
  readonly raw: Buffer;
  readonly deflated: Buffer;
  readonly crc: number;
  /** x^(8·length) modulo the CRC polynomial: what appending this part does to a CRC. */
  readonly shift: number;
}

/**
 * A marker for a hole: unguessable, so no text on the page (escaped or not) can contain it,
 * and made only of characters that escaping leaves alone.
 */
export function holeMarker(): string {
  return `<!--xw-hole-${randomBytes(16).toString('hex')}-->`;
}

export class SplicedPage {
  readonly #parts: readonly Part[];
  readonly #rawBytes: number;
  readonly #deflatedBytes: number;

  private constructor(parts: readonly Part[]) {
    this.#parts = parts;
    this.#rawBytes = parts.reduce((n, p) => n + p.raw.length, 0);
    this.#deflatedBytes = parts.reduce((n, p) => n + p.deflated.length, 0);
  }

  /**
   * Splits rendered HTML at `marker` into exactly `holes + 1` parts; undefined when the
   * marker does not occur exactly `holes` times (then the caller renders without the cache).
   */
  static build(html: string, marker: string, holes: number): SplicedPage | undefined {
    const pieces = html.split(marker);
    if (pieces.length !== holes + 1) return undefined;
    return new SplicedPage(
      pieces.map((piece, i) => {
        const raw = Buffer.from(piece, 'utf8');
        const last = i === pieces.length - 1;
        const deflated = deflateRawSync(raw, {
          level: constants.Z_BEST_COMPRESSION,
          finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
        });
        return { raw, deflated, crc: crc32(raw), shift: x2nModP(raw.length, 3) };
      }),
    );
  }

  get holes(): number {
    return this.#parts.length - 1;
  }

  /** Bytes kept for this page (plain and compressed parts). */
  get size(): number {
    return this.#rawBytes + this.#deflatedBytes;
  }

  /** The page as UTF-8 with the holes filled, in order. */
  plain(fills: readonly string[]): Buffer<ArrayBuffer> {
    const filled = this.#fill(fills);
    const chunks: Buffer[] = [];
    let length = 0;
    this.#parts.forEach((part, i) => {
      chunks.push(part.raw);
      length += part.raw.length;
      const hole = filled[i];
      if (hole !== undefined) {
        chunks.push(hole);
        length += hole.length;
      }
    });
    return ownBytes(Buffer.concat(chunks, length));
  }

  /** The same bytes as `plain(fills)`, as one gzip member. */
  gzip(fills: readonly string[]): Buffer<ArrayBuffer> {
    const filled = this.#fill(fills);
    const chunks: Buffer[] = [GZIP_HEADER];
    let length = GZIP_HEADER.length + 8;
    let crc = 0;
    let size = 0;
    this.#parts.forEach((part, i) => {
      chunks.push(part.deflated);
      length += part.deflated.length;
      crc = (multModP(part.shift, crc) ^ part.crc) >>> 0;
      size += part.raw.length;
      const hole = filled[i];
      if (hole !== undefined && hole.length > 0) {
        const block = deflateHole(hole);
        chunks.push(block);
        length += block.length;
        crc = crc32(hole, crc);
        size += hole.length;
      }
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(size >>> 0, 4);
    chunks.push(trailer);
    return ownBytes(Buffer.concat(chunks, length));
  }

  #fill(fills: readonly string[]): Buffer[] {
    if (fills.length !== this.holes) {
      throw new Error(`a page with ${this.holes} holes was given ${fills.length} fills`);
    }
    return fills.map((f) => Buffer.from(f, 'utf8'));
  }
}

/** Buffer.concat allocates from Node's pool or anew, never in a SharedArrayBuffer. */
const ownBytes = (b: Buffer): Buffer<ArrayBuffer> => b as Buffer<ArrayBuffer>;

/** A hole's bytes as non-final deflate blocks that end on a byte boundary. */
function deflateHole(bytes: Buffer): Buffer {
  if (bytes.length > DEFLATE_HOLE_BYTES) {
    return deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
  }
  // One stored block: BFINAL 0 and BTYPE 00 padded to the byte, LEN, its complement, bytes.
  const header = Buffer.alloc(5);
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

/*
 * CRC-32 of a concatenation from the CRCs of its halves: zlib's crc32_combine, which
 * multiplies crc1 by x^(8·len2) modulo the CRC polynomial (bit-reflected) and adds crc2.
 */
const POLY = 0xedb88320;

function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = (b & 1) !== 0 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) modulo the polynomial. */
const X2N: readonly number[] = (() => {
  const table: number[] = [];
  let p = 0x40000000; // x^1
  table.push(p);
  for (let n = 1; n < 32; n++) table.push((p = multModP(p, p)));
  return table;
})();

/** x^(n·2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n % 2 === 1) p = multModP(X2N[k & 31] ?? 0, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  return (multModP(x2nModP(len2, 3), crc1) ^ crc2) >>> 0;
}

/**
 * Whether an Accept-Encoding header admits gzip: named with a q above 0, or `*` above 0
 * without gzip refused by name. No header means identity only (RFC 9110 §12.5.3 allows
 * anything, but a client that sends none may not expect it).
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let star = false;
  for (const item of header.split(',')) {
    const [name = '', ...params] = item.split(';');
    const coding = name.trim().toLowerCase();
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    let q = 1;
    for (const param of params) {
      const [k = '', v = ''] = param.split('=');
      if (k.trim().toLowerCase() === 'q') q = Number(v.trim());
    }
    const ok = Number.isFinite(q) && q > 0;
    if (coding === '*') star = ok;
    else return ok;
  }
  return star;
}

/**
 * Answers with the page, its holes filled: gzip when the client accepts it (browsers all
 * do), else plain. Either way the body is one buffer, which @hono/node-server writes as is.
 */
export function sendPage(c: Context<AppEnv>, page: SplicedPage, fills: readonly string[]) {
  const gzip = acceptsGzip(c.req.header('accept-encoding'));
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=UTF-8',
    Vary: 'Accept-Encoding',
  };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return c.body(gzip ? page.gzip(fills) : page.plain(fills), 200, headers);
}
