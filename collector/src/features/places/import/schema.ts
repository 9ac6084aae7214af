import { z } from 'zod';

export const importQuery = z.strictObject({
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .meta({ description: '1: validate only, write nothing' }),
});

const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const importResult = z.object({
  dryRun: z.boolean(),
  countyId: z.number().int(),
  format: z.enum(['csv-utf-8', 'csv-gb18030', 'xlsx']),
  rows: z.number().int().meta({ description: 'data rows read (blank rows are skipped)' }),
  towns: counts,
  schools: counts,
  rooms: counts,
});

export type ImportResult = z.output<typeof importResult>;

export interface ImportPlacesInput {
  readonly countyId: number;
  readonly file: Uint8Array;
  readonly dryRun: boolean;
}
