import { inTransaction } from '../../../db/tx.ts';
import { validationError } from '../../../errors.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { checkPattern, patternDetail } from '../safe-pattern.ts';
import { findRoomConvention, saveRoomConvention } from './queries-rules.ts';
import type { RoomConvention } from './schema.ts';

/** Sets (or, with null, clears) how the county's AP names encode rooms. */
export async function setRoomConvention({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ countyId: number; pattern: string | null }>): Promise<RoomConvention> {
  const { countyId, pattern } = input;
  if (pattern !== null) {
    const problem = checkPattern(pattern, { requiredGroup: 'room' });
    if (problem !== null) throw validationError([patternDetail('pattern', problem)]);
  }
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, countyId);
    const before = (await findRoomConvention(tx, countyId)).pattern;
    const at = clock().toISOString();
    await saveRoomConvention(tx, { countyId, pattern, by: actor, at });
    await writeAudit(tx, {
      at,
      actor,
      action: pattern === null ? 'ap-room-convention.clear' : 'ap-room-convention.set',
      entity: 'county',
      entityId: countyId,
      detail: { before, after: pattern },
    });
    return findRoomConvention(tx, countyId);
  });
}
