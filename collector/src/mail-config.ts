import type { MessageKey } from '@xiaowang/shared';
import { Secret } from '@xiaowang/shared';
import { z } from 'zod';
import type { ConfigProblem } from './config.ts';

/* The mail settings of the collector (the nightly digest); config.ts merges them into its schema. */

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS from the first byte (port 465); otherwise STARTTLS is used when offered. */
  readonly secure: boolean;
  /** Refuse to send when a plain connection cannot be upgraded with STARTTLS. */
  readonly requireTls: boolean;
  readonly user: string | undefined;
  readonly password: Secret | undefined;
}

export interface MailConfig {
  /** Null: no SMTP host is set, so mail is off. */
  readonly smtp: SmtpConfig | null;
  /** The sender, `Name <address>` or an address; set whenever smtp is. */
  readonly from: string | undefined;
  /** The dashboard's base address for links, without a trailing slash. */
  readonly publicUrl: string | undefined;
}

const MAILBOX = /^[^\s@<>",;]+@[^\s@<>",;]+$/;

/** `name@host` or `Display Name <name@host>`. */
export function isMailbox(value: string): boolean {
  const named = /^[^<>\r\n]*<([^<>]+)>$/.exec(value.trim());
  return MAILBOX.test(named?.[1] ?? value.trim());
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '';
  } catch {
    return false;
  }
}

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'digest.config.flag' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const MAIL_ENV = {
  XIAOWANG_SMTP_HOST: z.string().max(253).optional(),
  XIAOWANG_SMTP_PORT: z
    .string()
    .regex(/^\d+$/, { message: 'api.validation.expectedInteger' })
    .transform(Number)
    .pipe(z.number().int().min(1).max(65535))
    .optional(),
  XIAOWANG_SMTP_SECURE: flag.default(false),
  XIAOWANG_SMTP_REQUIRE_TLS: flag.default(true),
  XIAOWANG_SMTP_USER: z.string().max(256).optional(),
  XIAOWANG_SMTP_PASSWORD: z.string().max(1024).optional(),
  XIAOWANG_MAIL_FROM: z
    .string()
    .max(320)
    .refine(isMailbox, { message: 'digest.config.badMailbox' })
    .optional(),
  XIAOWANG_PUBLIC_URL: z
    .string()
    .max(2000)
    .refine(isHttpUrl, { message: 'digest.config.badUrl' })
    .optional(),
};

export const MAIL_HINTS: Readonly<Record<keyof typeof MAIL_ENV, MessageKey>> = {
  XIAOWANG_SMTP_HOST: 'digest.config.hint.smtpHost',
  XIAOWANG_SMTP_PORT: 'digest.config.hint.smtpPort',
  XIAOWANG_SMTP_SECURE: 'digest.config.hint.smtpSecure',
  XIAOWANG_SMTP_REQUIRE_TLS: 'digest.config.hint.smtpRequireTls',
  XIAOWANG_SMTP_USER: 'digest.config.hint.smtpUser',
  XIAOWANG_SMTP_PASSWORD: 'digest.config.hint.smtpPassword',
  XIAOWANG_MAIL_FROM: 'digest.config.hint.mailFrom',
  XIAOWANG_PUBLIC_URL: 'digest.config.hint.publicUrl',
};

type MailEnv = z.output<z.ZodObject<typeof MAIL_ENV>>;

/** The mail settings; adds a problem for each setting that is missing given the others. */
export function buildMailConfig(env: MailEnv, problems: ConfigProblem[]): MailConfig {
  const host = env.XIAOWANG_SMTP_HOST;
  const publicUrl = env.XIAOWANG_PUBLIC_URL?.replace(/\/+$/, '');
  const from = env.XIAOWANG_MAIL_FROM;
  const need = (field: keyof MailEnv, key: MessageKey) =>
    problems.push({ field, key, hint: MAIL_HINTS[field] });
  if (host !== undefined) {
    if (from === undefined) need('XIAOWANG_MAIL_FROM', 'digest.config.requiredWithHost');
    if (publicUrl === undefined) need('XIAOWANG_PUBLIC_URL', 'digest.config.requiredWithHost');
  }
  const { XIAOWANG_SMTP_USER: user, XIAOWANG_SMTP_PASSWORD: password } = env;
  if (password !== undefined && user === undefined) {
    need('XIAOWANG_SMTP_USER', 'digest.config.passwordWithoutUser');
  }
  const secure = env.XIAOWANG_SMTP_SECURE;
  const smtp: SmtpConfig | null =
    host === undefined
      ? null
      : {
          host,
          port: env.XIAOWANG_SMTP_PORT ?? (secure ? 465 : 587),
          secure,
          requireTls: env.XIAOWANG_SMTP_REQUIRE_TLS,
          user,
          password: password === undefined ? undefined : new Secret(password),
        };
  return { smtp, from, publicUrl };
}
