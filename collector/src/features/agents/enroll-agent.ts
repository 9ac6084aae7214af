import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError, conflict } from '../../errors.ts';
import { writeAudit } from '../../audit/audit.ts';
import { findCodeByHash, markCodeUsed, selectCodeSchools } from './queries-codes.ts';
import { insertAgent, insertAgentSchools } from './queries.ts';
import type { EnrollInput, Enrollment } from './schema.ts';
import { generateAgentToken, hashEnrollmentCode } from './secrets.ts';

/**
 * Exchanges an unused, unexpired code for an agent and its token, exactly once. A wrong
 * code is a plain 401 that says nothing about which codes exist.
 */
export async function enrollAgent({
  db,
  clock,
  input,
}: WriteContext<EnrollInput>): Promise<Enrollment> {
  const now = clock().toISOString();
  return inTransaction(db, async (tx) => {
    const code = await findCodeByHash(tx, hashEnrollmentCode(input.code));
    if (code === undefined) throw new AppError('UNAUTHENTICATED', 'ingest.enroll.codeWrong');
    if (code.used_at !== null) {
      throw conflict('code', 'ingest.enroll.codeUsed', { usedAt: code.used_at });
    }
    if (code.expires_at <= now) {
      throw conflict('code', 'ingest.enroll.codeExpired', { expiresAt: code.expires_at });
    }
    const schools = await selectCodeSchools(tx, [code.id]);
    const secret = generateAgentToken();
    const agent = await insertAgent(tx, {
      countyId: code.county_id,
      name: input.agentName ?? code.label,
      tokenHash: secret.hash,
      tokenHint: secret.hint,
      hostname: input.hostname ?? null,
      now,
    });
    await insertAgentSchools(
      tx,
      agent.id,
      schools.map((s) => s.id),
    );
    if (!(await markCodeUsed(tx, { codeId: code.id, agentId: agent.id, now }))) {
      throw conflict('code', 'ingest.enroll.codeUsed', { usedAt: now });
    }
    await writeAudit(tx, {
      at: now,
      actor: `enrollment-code:${code.id}`,
      action: 'agent.enroll',
      entity: 'agent',
      entityId: agent.id,
      detail: { codeId: code.id, schoolIds: schools.map((s) => s.id), hostname: agent.hostname },
    });
    return {
      agentId: agent.id,
      countyId: agent.county_id,
      name: agent.name,
      token: secret.token,
      schools: schools.map((s) => ({ id: s.id, code: s.code, name: s.name })),
    };
  });
}
