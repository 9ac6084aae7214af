import { z } from 'zod';
import { SCHOOL_KINDS } from '../places/kinds.ts';
import { int, pathId, timestamp } from '../inventory/common-schema.ts';
import { indicator, localDate, stepOutput } from '../targets/schema.ts';
import { UNKNOWN_REASONS } from '../compliance/indicators.ts';

/* The ledger (台账, targets.md §8): schools below a target in force, or unknown, on a date. */

export const LEDGER_STATUSES = ['not_met', 'unknown'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
export const LEDGER_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export const ledgerQuery = z.strictObject({
  countyId: pathId,
  date: localDate.optional(),
  indicator: indicator.optional(),
  townId: pathId.optional(),
  status: z.enum(LEDGER_STATUSES).optional(),
  format: z.enum(LEDGER_FORMATS).default('json').meta({
    description: 'csv: UTF-8 with BOM for Excel; xlsx: one sheet per indicator and a summary',
  }),
});

export const ledgerRow = z.object({
  indicator,
  status: z.enum(LEDGER_STATUSES),
  townId: int,
  town: z.string(),
  schoolId: int,
  school: z.string(),
  schoolCode: z.string(),
  kind: z.enum(SCHOOL_KINDS),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** What the school was judged against that day. */
  threshold: z.number().nullable(),
  unknownReason: z.enum(UNKNOWN_REASONS).nullable(),
  failingSince: z.string().nullable(),
  document: z.string(),
});

export const ledgerTarget = z.object({
  targetId: int,
  indicator,
  unit: z.enum(['fraction', 'mbps', 'level']),
  document: z.string(),
  sourceSentence: z.string(),
  step: stepOutput,
  /** Schools with a result for the indicator that day; 0 means not computed yet, not all met. */
  schools: int,
  notMet: int,
  unknown: int,
});

export const ledgerOutput = z.object({
  county: z.object({ id: int, name: z.string() }),
  date: z.string(),
  generatedAt: timestamp,
  targets: z.array(ledgerTarget),
  rows: z.array(ledgerRow),
});

export type LedgerQuery = z.output<typeof ledgerQuery>;
export type LedgerRow = z.output<typeof ledgerRow>;
export type LedgerTarget = z.output<typeof ledgerTarget>;
export type Ledger = z.output<typeof ledgerOutput>;
