import type { RunningCollector } from '../wiring/collector.ts';
import { createUser } from '../wiring/collector.ts';

/** Known on purpose, and only ever set by the demo on its own loopback-only county. */
export const DEMO_PASSWORD = 'xiaowang-demo';
export const DEMO_ADMIN = 'demo-admin';
export const DEMO_TECHNICIAN = 'demo-tech';

/**
 * The demo's two logins, through the collector's own user verb: a county administrator,
 * and a technician who sees one school.
 */
export async function createDemoUsers(
  collector: RunningCollector,
  v: { countyId: number; technicianSchoolId: number },
): Promise<void> {
  const base = { db: collector.database.kysely, clock: () => new Date(), actor: 'demo' };
  await createUser({
    ...base,
    input: {
      username: DEMO_ADMIN,
      displayName: '演示管理员',
      password: DEMO_PASSWORD,
      role: 'county_admin',
      countyId: v.countyId,
    },
  });
  await createUser({
    ...base,
    input: {
      username: DEMO_TECHNICIAN,
      displayName: '演示技术员',
      password: DEMO_PASSWORD,
      role: 'technician',
      countyId: v.countyId,
      schoolIds: [v.technicianSchoolId],
    },
  });
}
