import { Buffer } from 'node:buffer';
import { open } from 'node:fs/promises';

/**
 * A report document as UTF-8: whole, or in pieces that are stored and sent one after
 * another. A county's report is built from one piece per device; keeping the pieces means it
 * is never joined into a second copy (10 MB for 500 devices, 100 MB for 5,000) just to be
 * written to disk or put on the wire.
 */
export type ReportBody = string | Uint8Array | readonly Uint8Array[];

/**
 * A report already stored in the spool by this process, sent from its file. A cycle writes
 * its report to disk device by device (draft.ts), so the document is never held in memory;
 * sending it from the file keeps it that way.
 */
export interface SpooledFile {
  readonly path: string;
  readonly bytes: number;
}

/** What delivery sends: a document in memory, or one in the spool. */
export type QueuedBody = ReportBody | SpooledFile;

export function isSpooledFile(body: QueuedBody): body is SpooledFile {
  return typeof body === 'object' && !(body instanceof Uint8Array) && !Array.isArray(body);
}

/** The document's size in bytes, as stored and as the Content-Length it is sent with. */
export function bodyByteLength(body: QueuedBody): number {
  if (typeof body === 'string') return Buffer.byteLength(body, 'utf8');
  if (body instanceof Uint8Array) return body.byteLength;
  if (isSpooledFile(body)) return body.bytes;
  let total = 0;
  for (const piece of body) total += piece.byteLength;
  return total;
}

/** The document's pieces in order; a string is encoded once, bytes are not copied. */
export function bodyPieces(body: ReportBody): readonly Uint8Array[] {
  if (typeof body === 'string') return [Buffer.from(body, 'utf8')];
  return body instanceof Uint8Array ? [body] : body;
}

/** Read size when sending a spooled file. */
const CHUNK = 64 * 1024;

/**
 * The document's bytes in order, for the wire. A spooled file is read no further than its
 * recorded length (a file that shrank ends early, which the sender notices by counting)
 * into one buffer used again for every chunk: a chunk is valid only until the next is
 * asked for, so the sender must be done with it by then. Fresh 64 KiB buffers would be
 * freed only when V8 next collects, and a delivery allocates too little on the JavaScript
 * heap for that to come soon: sending a county's 10 MB report left ~7 MB of spent chunks
 * in the agent's RSS (BENCHMARKS.md, poller round 10).
 */
export function bodyChunks(body: QueuedBody): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
  return isSpooledFile(body) ? readChunks(body) : bodyPieces(body);
}

async function* readChunks(file: SpooledFile): AsyncGenerator<Uint8Array> {
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, file.bytes)));
    let at = 0;
    while (at < file.bytes) {
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(buffer.length, file.bytes - at),
        at,
      );
      if (bytesRead === 0) return;
      at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
