import { z } from 'zod';

/* The report body is the shared contract (reportSchema); this is the collector's answer. */

const count = z.number().int().nonnegative();

export const ingestResult = z.object({
  accepted: z.literal(true),
  reportId: z.string(),
  /** True when this report id was stored before: acknowledged, not stored again. */
  duplicate: z.boolean(),
  devices: z.object({ ok: count, error: count }),
  stored: z.object({ interfaces: count, samples: count, aps: count }),
});

export type IngestResult = z.output<typeof ingestResult>;
