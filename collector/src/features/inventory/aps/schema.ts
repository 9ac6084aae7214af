import { z } from 'zod';
import { bodyId, deviceText, int, pathId, placeRef, timestamp } from '../common-schema.ts';
import { MAX_PATTERN_LENGTH } from '../safe-pattern.ts';
import { RULE_KINDS } from './attribute-ap.ts';

/* Inputs and outputs of the AP API: attribution rules, assignments, room conventions, reads. */

const ruleKind = z.enum(RULE_KINDS).meta({
  description: 'mac: exact MAC; group: exact AP group (case-insensitive); prefix: AP name prefix',
});
const rulePattern = z.string().trim().min(1).max(128);

export const ruleParams = z.object({ id: pathId, ruleId: pathId });
export const countyApsQuery = z.strictObject({
  attributed: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'false: only APs no school could be found for' }),
});

export const createApRuleInput = z.strictObject({
  kind: ruleKind,
  pattern: rulePattern,
  schoolId: bodyId,
});
export const updateApRuleInput = z.strictObject({
  kind: ruleKind.optional(),
  pattern: rulePattern.optional(),
  schoolId: bodyId.optional(),
});
export const apRuleOutput = z.object({
  id: int,
  countyId: int,
  kind: ruleKind,
  pattern: z.string(),
  schoolId: int,
  createdBy: z.string(),
  createdAt: timestamp,
});

export const assignApInput = z
  .strictObject({ schoolId: bodyId.optional(), roomId: bodyId.optional() })
  .refine((v) => v.schoolId !== undefined || v.roomId !== undefined, {
    message: 'inventory.validation.assignmentEmpty',
  });

export const roomConventionInput = z.strictObject({
  pattern: z.string().trim().min(1).max(MAX_PATTERN_LENGTH).nullable().meta({
    description:
      'A regular expression with a named group `room`, matched against AP names; null clears it',
  }),
});
export const roomConventionOutput = z.object({
  countyId: int,
  pattern: z.string().nullable(),
  setBy: z.string().nullable(),
  setAt: timestamp.nullable(),
});

const attributionHow = z.enum([
  'explicit',
  'rule:mac',
  'rule:group',
  'rule:prefix',
  'agent-school',
]);
const roomMiss = z.enum([
  'no-school',
  'explicit-room-other-school',
  'no-convention',
  'name-no-match',
  'room-not-found',
]);

export const apOutput = z.object({
  id: int,
  countyId: int,
  mac: deviceText,
  serial: deviceText.nullable(),
  name: deviceText.nullable(),
  model: deviceText.nullable(),
  apGroup: deviceText.nullable(),
  controllerDeviceId: int,
  reportedByAgentId: int,
  online: z.boolean().nullable(),
  clients: int.nullable(),
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  lastOnlineAt: timestamp.nullable(),
  school: placeRef.nullable(),
  attribution: z.object({
    how: attributionHow.nullable().meta({ description: 'null: no school could be found' }),
    ruleId: int.nullable(),
    matched: deviceText.nullable().meta({ description: 'The AP value the deciding rule matched' }),
    refused: z.array(
      z.object({
        ruleId: int,
        kind: ruleKind,
        pattern: z.string(),
        schoolId: int,
        reason: z.literal('school-not-served-by-agent'),
      }),
    ),
  }),
  room: placeRef.nullable(),
  roomMapping: z.object({
    how: z.enum(['explicit', 'name-convention']).nullable(),
    matched: deviceText.nullable(),
    miss: roomMiss.nullable().meta({ description: 'Why no room was found' }),
  }),
  assignment: z
    .object({
      schoolId: int.nullable(),
      roomId: int.nullable(),
      assignedBy: z.string(),
      assignedAt: timestamp,
    })
    .nullable(),
});

export type ApView = z.output<typeof apOutput>;
export type ApRule = z.output<typeof apRuleOutput>;
export type CreateApRuleInput = z.output<typeof createApRuleInput>;
export type UpdateApRuleInput = z.output<typeof updateApRuleInput>;
export type AssignApInput = z.output<typeof assignApInput>;
export type RoomConvention = z.output<typeof roomConventionOutput>;
