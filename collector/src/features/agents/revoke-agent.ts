import { inTransaction } from '../../db/tx.ts';
import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import { getAgent } from './get-agent.ts';
import { revokeAgentRow } from './queries.ts';
import type { Agent } from './schema.ts';

/** Revokes the agent's token at once; its devices and reports stay. Revoking twice is a no-op. */
export async function revokeAgent({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ id: number }>): Promise<Agent> {
  return inTransaction(db, async (tx) => {
    await getAgent({ db: tx, input });
    const at = clock().toISOString();
    if (await revokeAgentRow(tx, input.id, at)) {
      await writeAudit(tx, {
        at,
        actor,
        action: 'agent.revoke',
        entity: 'agent',
        entityId: input.id,
        detail: null,
      });
    }
    return getAgent({ db: tx, input });
  });
}
