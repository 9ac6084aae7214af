import { inTransaction } from '../../../db/tx.ts';
import { validationError } from '../../../errors.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { checkPattern, patternDetail } from '../safe-pattern.ts';
import { loadMetroPattern } from './get-metro-pattern.ts';
import { findMetroPattern, saveMetroPattern } from './queries.ts';
import type { MetroPattern } from './schema.ts';

/** Sets which LLDP neighbour names mark metro (城域网) devices; null restores the default. */
export async function setMetroPattern({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ countyId: number; pattern: string | null }>): Promise<MetroPattern> {
  const { countyId, pattern } = input;
  if (pattern !== null) {
    const problem = checkPattern(pattern, { flags: 'i' });
    if (problem !== null) throw validationError([patternDetail('pattern', problem)]);
  }
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, countyId);
    const before = await findMetroPattern(tx, countyId);
    const at = clock().toISOString();
    await saveMetroPattern(tx, { countyId, pattern, at });
    await writeAudit(tx, {
      at,
      actor,
      action: 'county.metro-pattern.set',
      entity: 'county',
      entityId: countyId,
      detail: { before, after: pattern },
    });
    return loadMetroPattern(tx, countyId);
  });
}
