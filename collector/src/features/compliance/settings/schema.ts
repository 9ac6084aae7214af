import { z } from 'zod';
import { int, timestamp } from '../../inventory/common-schema.ts';

/* A county's compliance settings: every threshold configurable (targets.md, first paragraph). */

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'compliance.validation.clockTime' })
  .meta({ description: 'Local wall-clock time in the county’s timezone, HH:MM' });

export const SETTINGS_DEFAULTS = {
  coverageWindowDays: 7,
  schoolHoursStart: '08:00',
  schoolHoursEnd: '17:00',
  uplinkRequiredShare: 0.95,
  lateWindowMinutes: 10,
  staleWindowHours: 24,
  ipv6HttpsSuccessesRequired: 1,
} as const;

const fields = {
  coverageWindowDays: z.number().int().min(1).max(90).meta({
    description: 'A room is covered when an AP of it was online at least once in this many days',
  }),
  schoolHoursStart: clockTime,
  schoolHoursEnd: clockTime,
  uplinkRequiredShare: z.number().gt(0).max(1).meta({
    description: 'Share of school-hour polls the uplink must run at the target speed',
  }),
  lateWindowMinutes: z.number().int().min(1).max(1440).meta({
    description: 'A school whose last report is older than this is late (default: 2 polls)',
  }),
  staleWindowHours: z.number().int().min(1).max(720).meta({
    description: 'Older than this, every figure of the school is unknown (stale)',
  }),
  ipv6HttpsSuccessesRequired: z.number().int().min(1).max(100).meta({
    description: 'IPv6 level 4: HTTPS-over-IPv6 probes that must succeed',
  }),
};

/** PUT replaces the settings; an omitted field takes its default, so `{}` restores them all. */
export const settingsInput = z
  .strictObject({
    coverageWindowDays: fields.coverageWindowDays.optional(),
    schoolHoursStart: fields.schoolHoursStart.optional(),
    schoolHoursEnd: fields.schoolHoursEnd.optional(),
    uplinkRequiredShare: fields.uplinkRequiredShare.optional(),
    lateWindowMinutes: fields.lateWindowMinutes.optional(),
    staleWindowHours: fields.staleWindowHours.optional(),
    ipv6HttpsSuccessesRequired: fields.ipv6HttpsSuccessesRequired.optional(),
  })
  .transform((v) => ({ ...SETTINGS_DEFAULTS, ...stripUndefined(v) }));

export const settingsOutput = z.object({
  countyId: int,
  ...fields,
  isDefault: z.boolean().meta({ description: 'true: nobody has set them; these are the defaults' }),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp.nullable(),
});

export type ComplianceSettingsValues = z.output<typeof settingsInput>;
export type ComplianceSettings = z.output<typeof settingsOutput>;

function stripUndefined<T extends object>(v: T): Partial<T> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<T>;
}
