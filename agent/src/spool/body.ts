import { Buffer } from 'node:buffer';

/**
 * A report document as UTF-8: whole, or in pieces that are stored and sent one after
 * another. A county's report is built from one piece per device; keeping the pieces means it
 * is never joined into a second copy (10 MB for 500 devices, 100 MB for 5,000) just to be
 * written to disk or put on the wire.
 */
export type ReportBody = string | Uint8Array | readonly Uint8Array[];

/** The document's size in bytes, as stored and as the Content-Length it is sent with. */
export function bodyByteLength(body: ReportBody): number {
  if (typeof body === 'string') return Buffer.byteLength(body, 'utf8');
  if (body instanceof Uint8Array) return body.byteLength;
  let total = 0;
  for (const piece of body) total += piece.byteLength;
  return total;
}

/** The document's pieces in order; a string is encoded once, bytes are not copied. */
export function bodyPieces(body: ReportBody): readonly Uint8Array[] {
  if (typeof body === 'string') return [Buffer.from(body, 'utf8')];
  return body instanceof Uint8Array ? [body] : body;
}
