import { LANGS } from '@xiaowang/shared';
import { z } from 'zod';
import { bodyId, int, pathId, timestamp } from '../inventory/common-schema.ts';
import { localDate } from '../targets/schema.ts';

/* Inputs and outputs of the digest API; the OpenAPI document is generated from these. */

const lang = z.enum(LANGS as ['zh-CN', 'en']);
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'compliance.validation.clockTime' })
  .meta({ description: 'Local wall-clock time in the county’s timezone, HH:MM' });

export const DIGEST_DEFAULTS = { sendTime: '07:00', enabled: true } as const;

export const idParams = z.object({ id: pathId });
export const recipientParams = z.object({ id: pathId, recipientId: pathId });

export const addRecipientInput = z.strictObject({
  email: z
    .email({ message: 'digest.validation.email' })
    .max(254)
    .transform((v) => v.toLowerCase()),
  townId: bodyId.nullable().default(null).meta({
    description: 'A town of the county: its staff get that town’s mail; null: the county’s mail',
  }),
  lang: lang.default('zh-CN').meta({ description: 'Language of the mail; Chinese by default' }),
});

export const recipientOutput = z.object({
  id: int,
  countyId: int,
  town: z.object({ id: int, name: z.string() }).nullable(),
  email: z.string(),
  lang,
  createdBy: z.string(),
  createdAt: timestamp,
});

/** PUT replaces the settings; an omitted field takes its default. */
export const settingsInput = z.strictObject({
  sendTime: clockTime.default(DIGEST_DEFAULTS.sendTime).meta({
    description:
      'When the mail about yesterday goes out; default 07:00, after the night’s recompute',
  }),
  enabled: z.boolean().default(DIGEST_DEFAULTS.enabled),
});

export const settingsOutput = z.object({
  countyId: int,
  sendTime: z.string(),
  enabled: z.boolean(),
  isDefault: z.boolean().meta({ description: 'true: nobody has set them; these are the defaults' }),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp.nullable(),
});

export const statusOutput = z.object({
  countyId: int,
  mailConfigured: z.boolean().nullable().meta({
    description: 'Whether the running scheduler has an SMTP server; null: no scheduler has run',
  }),
  schedulerSeenAt: timestamp.nullable().meta({ description: 'The scheduler’s last run' }),
  enabled: z.boolean(),
  sendTime: z.string(),
  timezone: z.string(),
  recipients: int,
  nextSendAt: timestamp.nullable().meta({ description: 'The next regular send; null when off' }),
  lastSent: z.object({ day: z.string(), at: timestamp, mails: int }).nullable(),
  lastFailure: z
    .object({
      day: z.string(),
      at: timestamp,
      email: z.string(),
      error: z.string(),
      attempts: int,
      gaveUp: z.boolean(),
    })
    .nullable()
    .meta({ description: 'The latest failed attempt of a mail not sent since' }),
  nextAttemptAt: timestamp.nullable().meta({ description: 'When an unsent mail is tried next' }),
  waiting: int.meta({ description: 'Mails planned or being retried, not yet sent' }),
  gaveUp: int.meta({ description: 'Mails of the last 30 days given up after a week of retries' }),
});

export const previewQuery = z.strictObject({
  date: localDate.optional().meta({ description: 'The day reported on; default: yesterday' }),
  townId: pathId.optional().meta({ description: 'A town’s mail instead of the county’s' }),
  lang: lang.optional().meta({ description: 'Default: from Accept-Language' }),
});

export const previewOutput = z.object({
  day: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().meta({ description: 'The HTML part, every value escaped' }),
});

export type AddRecipientInput = z.output<typeof addRecipientInput>;
export type Recipient = z.output<typeof recipientOutput>;
export type DigestSettingsInput = z.output<typeof settingsInput>;
export type DigestSettings = z.output<typeof settingsOutput>;
export type DigestStatus = z.output<typeof statusOutput>;
export type DigestPreview = z.output<typeof previewOutput>;
export type DigestLang = z.output<typeof lang>;
