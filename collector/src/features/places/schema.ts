import { z } from 'zod';
import { ROOM_KINDS, SCHOOL_KINDS } from './kinds.ts';

/* Inputs and outputs of the places API; the OpenAPI document is generated from these. */

/** Ids in a path or query string arrive as text; in a JSON body they must be numbers. */
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ref = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().min(1).max(max);
const timestamp = z.string().meta({ format: 'date-time', description: 'ISO-8601, UTC' });

export const countyName = text(64);
export const townName = text(64);
export const schoolName = text(100);
export const roomName = text(64);
/** A short, stable identifier the bureau already uses, e.g. the 10-digit 学校标识码. */
export const schoolCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: 'api.validation.schoolCode' });
export const schoolKind = z.enum(SCHOOL_KINDS);
export const roomKind = z.enum(ROOM_KINDS);
export const contractedEgressMbps = z.number().int().positive().max(1_000_000).nullable();
export const timezone = z.string().refine(isTimeZone, { message: 'api.validation.timezone' });

export const idParams = z.object({ id });

export const createCountyInput = z.strictObject({
  name: countyName,
  timezone: timezone.default('Asia/Shanghai'),
});
export const updateCountyInput = z.strictObject({
  name: countyName.optional(),
  timezone: timezone.optional(),
});
export const countyOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  timezone: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const createTownInput = z.strictObject({ countyId: ref, name: townName });
export const updateTownInput = z.strictObject({ name: townName.optional() });
export const listTownsQuery = z.strictObject({ countyId: id.optional() });
export const townOutput = z.object({
  id: z.number().int(),
  countyId: z.number().int(),
  name: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const createSchoolInput = z.strictObject({
  townId: ref,
  name: schoolName,
  code: schoolCode,
  kind: schoolKind,
  contractedEgressMbps: contractedEgressMbps.default(null),
});
export const updateSchoolInput = z.strictObject({
  townId: ref.optional(),
  name: schoolName.optional(),
  code: schoolCode.optional(),
  kind: schoolKind.optional(),
  contractedEgressMbps: contractedEgressMbps.optional(),
});
export const listSchoolsQuery = z.strictObject({
  countyId: id.optional(),
  townId: id.optional(),
  kind: schoolKind.optional(),
});
export const schoolOutput = z.object({
  id: z.number().int(),
  countyId: z.number().int(),
  townId: z.number().int(),
  name: z.string(),
  code: z.string(),
  kind: schoolKind,
  isTeachingPoint: z.boolean(),
  contractedEgressMbps: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const createRoomInput = z.strictObject({
  schoolId: ref,
  name: roomName,
  kind: roomKind.default('ordinary_classroom'),
});
export const updateRoomInput = z.strictObject({
  name: roomName.optional(),
  kind: roomKind.optional(),
});
export const listRoomsQuery = z.strictObject({ schoolId: id.optional(), countyId: id.optional() });
export const roomOutput = z.object({
  id: z.number().int(),
  schoolId: z.number().int(),
  name: z.string(),
  kind: roomKind,
  /** Only teaching rooms count for wireless coverage. */
  isTeachingRoom: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export type County = z.output<typeof countyOutput>;
export type Town = z.output<typeof townOutput>;
export type School = z.output<typeof schoolOutput>;
export type Room = z.output<typeof roomOutput>;
export type CreateCountyInput = z.output<typeof createCountyInput>;
export type UpdateCountyInput = z.output<typeof updateCountyInput>;
export type CreateTownInput = z.output<typeof createTownInput>;
export type UpdateTownInput = z.output<typeof updateTownInput>;
export type ListTownsQuery = z.output<typeof listTownsQuery>;
export type CreateSchoolInput = z.output<typeof createSchoolInput>;
export type UpdateSchoolInput = z.output<typeof updateSchoolInput>;
export type ListSchoolsQuery = z.output<typeof listSchoolsQuery>;
export type CreateRoomInput = z.output<typeof createRoomInput>;
export type UpdateRoomInput = z.output<typeof updateRoomInput>;
export type ListRoomsQuery = z.output<typeof listRoomsQuery>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
