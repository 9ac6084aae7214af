import type { Report } from '@xiaowang/shared';
import { reportSchema } from '@xiaowang/shared';
import type { QueuedReport } from '../runtime/report-queue.ts';
import { bodyPieces } from '../spool/body.ts';

/** A queued report's document parsed against the contract: what the collector would read. */
export function parseQueued(queued: QueuedReport): Report {
  const text = Buffer.concat(bodyPieces(queued.body)).toString('utf8');
  return reportSchema.parse(JSON.parse(text));
}
