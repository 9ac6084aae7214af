import { z } from 'zod';
import { bodyId, deviceText, int, timestamp } from '../common-schema.ts';
import { MAX_PATTERN_LENGTH } from '../safe-pattern.ts';

/* Inputs and outputs of uplink designation and the county's metro name pattern. */

export const designateUplinksInput = z
  .array(
    z.strictObject({
      deviceId: bodyId,
      ifIndex: z.number().int().nonnegative(),
      note: z.string().trim().max(200).optional(),
    }),
  )
  .min(1)
  .max(32)
  .meta({ description: "Replaces the school's designations; DELETE clears them" });

const port = z.object({
  ifName: deviceText.nullable(),
  ifDescr: deviceText.nullable(),
  ifAlias: deviceText.nullable(),
  adminStatus: z.string().nullable(),
  operStatus: z.string().nullable(),
  speedMbps: z.number().nullable(),
  lastSeenAt: timestamp,
});

export const uplinkOutput = z.object({
  deviceId: int,
  deviceName: deviceText.nullable(),
  ifIndex: int,
  how: z.enum(['designated', 'lldp-metro', 'alias', 'default-route']),
  evidence: deviceText.nullable().meta({ description: 'What matched: neighbour name, alias…' }),
  designatedBy: z.string().nullable(),
  designatedAt: timestamp.nullable(),
  note: z.string().nullable(),
  port: port.nullable().meta({ description: 'Latest polled state; null if never polled' }),
});

export const schoolUplinksOutput = z.object({
  schoolId: int,
  source: z.enum(['designated', 'inferred', 'none']),
  uplinks: z.array(uplinkOutput),
});

export const metroPatternInput = z.strictObject({
  pattern: z.string().trim().min(1).max(MAX_PATTERN_LENGTH).nullable().meta({
    description:
      "Regular expression (case-insensitive) on an LLDP neighbour's system name; null restores the default",
  }),
});
export const metroPatternOutput = z.object({
  countyId: int,
  pattern: z.string().nullable(),
  /** What inference uses: the county's pattern, or the default. */
  effectivePattern: z.string(),
});

export type DesignateUplinksInput = z.output<typeof designateUplinksInput>;
export type SchoolUplinks = z.output<typeof schoolUplinksOutput>;
export type MetroPattern = z.output<typeof metroPatternOutput>;
