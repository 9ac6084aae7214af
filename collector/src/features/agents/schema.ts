import { z } from 'zod';
import { looksLikeEnrollmentCode } from './secrets.ts';

/* Inputs and outputs of the agents API; the OpenAPI document is generated from these. */

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ref = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const timestamp = z.string().meta({ format: 'date-time', description: 'ISO-8601, UTC' });

export const idParams = z.object({ id });

export const createEnrollmentCodeInput = z.strictObject({
  label: z.string().trim().min(1).max(100),
  /** One school for a school's agent, several for the county centre's agent. */
  schoolIds: z.array(ref).min(1).max(2000),
  expiresInHours: z.number().int().min(1).max(720).default(168),
});

const schoolRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const enrollmentCodeStatus = z.enum(['unused', 'used', 'expired']);

export const enrollmentCodeOutput = z.object({
  id: z.number().int(),
  countyId: z.number().int(),
  label: z.string(),
  schools: z.array(schoolRef),
  status: enrollmentCodeStatus,
  createdAt: timestamp,
  expiresAt: timestamp,
  usedAt: timestamp.nullable(),
  agentId: z.number().int().nullable(),
});

export const createdEnrollmentCodeOutput = enrollmentCodeOutput.extend({
  code: z.string().meta({ description: 'Shown once; only its SHA-256 is stored' }),
});

export const enrollInput = z.strictObject({
  code: z.string().max(64).refine(looksLikeEnrollmentCode, { message: 'ingest.enroll.codeFormat' }),
  agentName: z.string().trim().min(1).max(100).optional(),
  hostname: z.string().trim().min(1).max(255).optional(),
});

export const enrollOutput = z.object({
  agentId: z.number().int(),
  countyId: z.number().int(),
  name: z.string(),
  token: z.string().meta({ description: 'Shown once; only its SHA-256 is stored' }),
  schools: z.array(schoolRef),
});

export const listAgentsQuery = z.strictObject({ countyId: id.optional() });

export const agentOutput = z.object({
  id: z.number().int(),
  countyId: z.number().int(),
  name: z.string(),
  schools: z.array(schoolRef),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
  lastReportAt: timestamp.nullable(),
  agentVersion: z.string().nullable(),
  hostname: z.string().nullable(),
  tokenHint: z.string().meta({ description: 'The first characters of the token' }),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export type SchoolRef = z.output<typeof schoolRef>;
export type CreateEnrollmentCodeInput = z.output<typeof createEnrollmentCodeInput>;
export type EnrollmentCode = z.output<typeof enrollmentCodeOutput>;
export type CreatedEnrollmentCode = z.output<typeof createdEnrollmentCodeOutput>;
export type EnrollInput = z.output<typeof enrollInput>;
export type Enrollment = z.output<typeof enrollOutput>;
export type ListAgentsQuery = z.output<typeof listAgentsQuery>;
export type Agent = z.output<typeof agentOutput>;
