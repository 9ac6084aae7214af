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
import type { MessageKey } from './index.ts';

/** 中文（默认），按领域合并自 `areas/`。键与占位符须与英文一致（有测试检查）。 */
export const zhCN: Record<MessageKey, string> = {
  ...agentMessages.zhCN,
  ...collectorMessages.zhCN,
  ...doctorMessages.zhCN,
  ...ingestMessages.zhCN,
  ...inventoryMessages.zhCN,
  ...complianceMessages.zhCN,
  ...targetsMessages.zhCN,
  ...digestMessages.zhCN,
  ...webMessages.zhCN,
  ...usersMessages.zhCN,
  ...demoMessages.zhCN,
  ...resilienceMessages.zhCN,
  ...databaseMessages.zhCN,
};
