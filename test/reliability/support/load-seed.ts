import path from 'node:path';
import { migrateToLatest } from '../../../collector/src/db/migrate.ts';
import { openDatabase } from '../../../collector/src/db/open.ts';
import { inTransaction } from '../../../collector/src/db/tx.ts';
import { createEnrollmentCode } from '../../../collector/src/features/agents/create-enrollment-code.ts';
import { enrollAgent } from '../../../collector/src/features/agents/enroll-agent.ts';
import { placeFactory } from '../../../collector/src/testing/factories.ts';

/**
 * A county of `agents` schools, one enrolled agent each, written through the same verbs the
 * API uses (no raw inserts), straight into the data directory before the collector starts:
 * 2,000 enrollments through the API would wait on its per-address enrollment limit.
 */
export async function seedCounty(
  dataDir: string,
  agents: number,
): Promise<{ countyId: number; tokens: string[] }> {
  const database = openDatabase({ file: path.join(dataDir, 'collector.db') });
  try {
    await migrateToLatest(database.kysely);
    const clock = () => new Date();
    return await inTransaction(database.kysely, async (tx) => {
      const places = placeFactory(tx, clock);
      const county = await places.county({ name: '负载县' });
      const tokens: string[] = [];
      let townId = 0;
      for (let i = 0; i < agents; i++) {
        if (i % 100 === 0)
          townId = (await places.town(county.id, { name: `第${i / 100 + 1}学区` })).id;
        const school = await places.school(townId, { code: `L${i + 1}`, name: `负载学校${i + 1}` });
        const { code } = await createEnrollmentCode({
          db: tx,
          clock,
          actor: 'load-test',
          input: {
            countyId: county.id,
            label: `agent ${i + 1}`,
            schoolIds: [school.id],
            expiresInHours: 24,
          },
        });
        const enrolled = await enrollAgent({
          db: tx,
          clock,
          input: { code, hostname: `gw-${i + 1}` },
        });
        tokens.push(enrolled.token);
      }
      return { countyId: county.id, tokens };
    });
  } finally {
    await database.close();
  }
}
