import { z } from 'zod';
import { ROLES } from '../../http/principal.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.ts';

/* Inputs and outputs of the users and session API; the OpenAPI document is generated from these. */

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ref = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const timestamp = z.string().meta({ format: 'date-time', description: 'ISO-8601, UTC' });

/** ASCII so that case-insensitive means the same everywhere; the display name may be Chinese. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;
/** Names the audit log uses for other actors, so no person can be mistaken for them. */
export const RESERVED_USERNAMES: readonly string[] = ['admin-token', 'anonymous', 'system', 'cli'];

export const role = z.enum(ROLES);
export const lang = z.enum(['zh-CN', 'en']);

export const username = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, { message: 'users.validation.username' })
  .refine((v) => !RESERVED_USERNAMES.includes(v.toLowerCase()), {
    message: 'users.validation.usernameReserved',
  });
export const displayName = z.string().trim().min(1).max(100);
export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: 'users.validation.passwordTooShort' })
  .max(MAX_PASSWORD_LENGTH);

export const idParams = z.object({ id });

export const createUserInput = z.strictObject({
  username,
  displayName: displayName.optional(),
  password,
  role,
  schoolIds: z.array(ref).max(2000).optional(),
});

export const createFirstAdminInput = z.strictObject({
  username,
  displayName: displayName.optional(),
  password,
  countyId: ref,
});

export const updateUserInput = z.strictObject({
  role: role.optional(),
  schoolIds: z.array(ref).max(2000).optional(),
  displayName: displayName.optional(),
  disabled: z.boolean().optional(),
  lang: lang.nullable().optional(),
});

export const passwordInput = z.strictObject({
  password,
  currentPassword: z.string().max(MAX_PASSWORD_LENGTH).optional().meta({
    description: 'Required when users change their own password',
  }),
});

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const langInput = z.strictObject({
  lang: lang.nullable().meta({ description: 'null: follow the browser (Accept-Language)' }),
});

const schoolRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const userOutput = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  countyId: z.number().int(),
  schools: z.array(schoolRef).meta({ description: "A technician's schools; empty otherwise" }),
  disabled: z.boolean(),
  lang: lang.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastLoginAt: timestamp.nullable(),
});

export const sessionOutput = z.object({
  user: userOutput,
  csrfToken: z.string().meta({
    description: 'Send as the header x-csrf-token (or form field _csrf) with unsafe requests',
  }),
  expiresAt: timestamp.meta({ description: 'The latest end; idle for 12 hours ends it sooner' }),
});

export const whoAmIOutput = z.object({
  kind: z.enum(['user', 'admin-token']),
  user: userOutput.nullable(),
  csrfToken: z.string().nullable(),
});

export const signedOutOutput = z.object({ signedOut: z.literal(true) });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export type CreateUserInput = z.output<typeof createUserInput>;
export type UpdateUserInput = z.output<typeof updateUserInput>;
export type UserView = z.output<typeof userOutput>;
export type SessionView = z.output<typeof sessionOutput>;
export type SchoolRef = z.output<typeof schoolRef>;
