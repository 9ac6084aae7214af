import { readFileSync } from 'node:fs';
import type { Report } from '@xiaowang/shared';
import { reportSchema } from '@xiaowang/shared';
import type { PieceSink } from '../report/build-report.ts';
import { bodyPieces, isSpooledFile } from '../spool/body.ts';
import type { QueuedBody } from '../spool/body.ts';

/** The document's bytes, wherever it is held. */
export function queuedBytes(body: QueuedBody): Buffer {
  if (isSpooledFile(body)) {
    return readFileSync(body.path).subarray(0, body.bytes);
  }
  return Buffer.concat(bodyPieces(body));
}

/** A queued report's document parsed against the contract: what the collector would read. */
export function parseQueued(queued: { readonly body: QueuedBody }): Report {
  return reportSchema.parse(JSON.parse(queuedBytes(queued.body).toString('utf8')));
}

/** A sink that keeps a cycle's document in memory, as `body` for `parseQueued`. */
export function collectPieces(): PieceSink & { readonly body: Uint8Array[] } {
  const body: Uint8Array[] = [];
  return { body, write: (piece) => body.push(piece) };
}
