import { agentMessages } from './areas/agent.ts';
import { collectorMessages } from './areas/collector.ts';

/**
 * English text, merged from one file per area (`areas/`), so that each feature owns its
 * strings. Keys and placeholders match zh-CN (a test checks).
 */
export const en = {
  ...agentMessages.en,
  ...collectorMessages.en,
} as const;
