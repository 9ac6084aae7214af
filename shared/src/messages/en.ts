import { agentMessages } from './areas/agent.ts';
import { collectorMessages } from './areas/collector.ts';
import { doctorMessages } from './areas/doctor.ts';
import { ingestMessages } from './areas/ingest.ts';
import { inventoryMessages } from './areas/inventory.ts';
import { complianceMessages } from './areas/compliance.ts';
import { targetsMessages } from './areas/targets.ts';
import { digestMessages } from './areas/digest.ts';
import { webMessages } from './areas/web.ts';
import { usersMessages } from './areas/users.ts';
import { demoMessages } from './areas/demo.ts';
import { resilienceMessages } from './areas/resilience.ts';
import { databaseMessages } from './areas/database.ts';

/**
 * English text, merged from one file per area (`areas/`), so that each feature owns its
 * strings. Keys and placeholders match zh-CN (a test checks).
 */
export const en = {
  ...agentMessages.en,
  ...collectorMessages.en,
  ...doctorMessages.en,
  ...ingestMessages.en,
  ...inventoryMessages.en,
  ...complianceMessages.en,
  ...targetsMessages.en,
  ...digestMessages.en,
  ...webMessages.en,
  ...usersMessages.en,
  ...demoMessages.en,
  ...resilienceMessages.en,
  ...databaseMessages.en,
} as const;
