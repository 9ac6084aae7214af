import { resolve } from 'node:path';
import type { Lang, MessageKey, MessageParams } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { z } from 'zod';
import { describeIssue } from './http/zod-issues.ts';
import { Secret } from '@xiaowang/shared';
import type { DatabaseLocation } from './db/open.ts';
import type { MailConfig } from './mail-config.ts';
import { buildMailConfig, MAIL_ENV, MAIL_HINTS } from './mail-config.ts';

/** Where the collector keeps its database; enough for migrate, backup and import. */
export interface StorageConfig {
  readonly dataDir: string;
  /** Set by XIAOWANG_DATABASE_URL (or DATABASE_URL); unset: `collector.db` in dataDir. */
  readonly database?: DatabaseLocation;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ServerConfig extends StorageConfig {
  readonly host: string;
  readonly port: number;
  readonly adminToken: Secret;
  readonly maxBodyBytes: number;
  readonly maxImportBytes: number;
  readonly logLevel: LogLevel;
  readonly maxReportBytes: number;
  readonly reportRatePerMinute: number;
  readonly reportBurst: number;
  readonly enrollRatePerMinute: number;
  readonly sampleRetentionDays: number;
  readonly reportRetentionDays: number;
  readonly dailyRetentionDays: number;
  readonly secureCookies: boolean;
  /** How long a scheduled job stays with a collector that stopped without a clean stop. */
  readonly jobLeaseMs: number;
  readonly mail: MailConfig;
}

export interface ConfigProblem {
  readonly field: string;
  readonly key: MessageKey;
  readonly params?: MessageParams;
  readonly hint: MessageKey;
}

export type ConfigResult<T> =
  | { readonly ok: true; readonly config: T }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

const MIB = 1024 * 1024;

function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { message: 'api.validation.expectedInteger' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

// Every key and default lives here; collector/README.md lists the same table.
const envSchema = z.strictObject({
  XIAOWANG_DATA_DIR: z.string().default('./data'),
  XIAOWANG_HOST: z.string().default('127.0.0.1'),
  XIAOWANG_PORT: wholeNumber(0, 65535).default(8080),
  XIAOWANG_ADMIN_TOKEN: z.string().min(24).max(512).optional(),
  XIAOWANG_MAX_BODY_BYTES: wholeNumber(1024, 64 * MIB).default(MIB),
  XIAOWANG_MAX_IMPORT_BYTES: wholeNumber(1024, 256 * MIB).default(10 * MIB),
  XIAOWANG_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  XIAOWANG_MAX_REPORT_BYTES: wholeNumber(64 * 1024, 256 * MIB).default(8 * MIB),
  // Normal use is one report per 5 minutes; the headroom lets an agent that was cut off for
  // days deliver its backlog (30 days = 8,640 reports) in about 15 minutes.
  XIAOWANG_REPORT_RATE_PER_MINUTE: wholeNumber(1, 6000).default(600),
  XIAOWANG_REPORT_BURST: wholeNumber(1, 100_000).default(600),
  XIAOWANG_ENROLL_RATE_PER_MINUTE: wholeNumber(1, 600).default(10),
  XIAOWANG_SAMPLE_RETENTION_DAYS: wholeNumber(7, 3650).default(400),
  // A report row holds report_uuid, which makes a resend a no-op: it must outlive every
  // resend, and an agent's spool keeps unsent reports up to 45 days by default.
  XIAOWANG_REPORT_RETENTION_DAYS: wholeNumber(60, 3650).default(400),
  // Compliance reads ap_daily over a county's coverage window, up to 90 days back from the
  // day it computes (compliance/settings/schema.ts), and recomputes yesterday too.
  XIAOWANG_DAILY_RETENTION_DAYS: wholeNumber(100, 3650).default(800),
  // Behind a TLS-terminating proxy that does not send X-Forwarded-Proto: force Secure cookies.
  XIAOWANG_SECURE_COOKIES: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .default(false),
  // postgres://user:password@host:5432/db for PostgreSQL; a file path (or sqlite:PATH) for SQLite.
  XIAOWANG_DATABASE_URL: z.string().max(4096).optional(),
  XIAOWANG_DATABASE_POOL_SIZE: wholeNumber(1, 500).default(10),
  XIAOWANG_JOB_LEASE_SECONDS: wholeNumber(2, 3600).default(120),
  ...MAIL_ENV,
});

type EnvKey = keyof typeof envSchema.shape;

const HINTS: Record<EnvKey, MessageKey> = {
  XIAOWANG_DATA_DIR: 'collector.config.hint.dataDir',
  XIAOWANG_HOST: 'collector.config.hint.host',
  XIAOWANG_PORT: 'collector.config.hint.port',
  XIAOWANG_ADMIN_TOKEN: 'collector.config.hint.adminToken',
  XIAOWANG_MAX_BODY_BYTES: 'collector.config.hint.maxBodyBytes',
  XIAOWANG_MAX_IMPORT_BYTES: 'collector.config.hint.maxImportBytes',
  XIAOWANG_LOG_LEVEL: 'collector.config.hint.logLevel',
  XIAOWANG_MAX_REPORT_BYTES: 'ingest.config.hint.maxReportBytes',
  XIAOWANG_REPORT_RATE_PER_MINUTE: 'ingest.config.hint.reportRatePerMinute',
  XIAOWANG_REPORT_BURST: 'ingest.config.hint.reportBurst',
  XIAOWANG_ENROLL_RATE_PER_MINUTE: 'ingest.config.hint.enrollRatePerMinute',
  XIAOWANG_SAMPLE_RETENTION_DAYS: 'ingest.config.hint.sampleRetentionDays',
  XIAOWANG_REPORT_RETENTION_DAYS: 'ingest.config.hint.reportRetentionDays',
  XIAOWANG_DAILY_RETENTION_DAYS: 'ingest.config.hint.dailyRetentionDays',
  XIAOWANG_SECURE_COOKIES: 'users.config.hint.secureCookies',
  XIAOWANG_DATABASE_URL: 'collector.config.hint.databaseUrl',
  XIAOWANG_DATABASE_POOL_SIZE: 'collector.config.hint.databasePoolSize',
  XIAOWANG_JOB_LEASE_SECONDS: 'collector.config.hint.jobLeaseSeconds',
  ...MAIL_HINTS,
};

export const CONFIG_KEYS = Object.keys(HINTS) as readonly EnvKey[];

/** The only read of process.env in the collector. */
export function readProcessEnv(): Readonly<Record<string, string | undefined>> {
  return { ...process.env };
}

/**
 * Validates the collector's settings. Only `XIAOWANG_*` variables are considered (keys under
 * `XIAOWANG_AGENT_` belong to the agent, `XIAOWANG_TEST_` to the test harness), and
 * DATABASE_URL; an unknown one is a problem, since it is most often a typo. Empty values
 * count as unset.
 */
export function loadServerConfig(
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult<ServerConfig> {
  const problems: ConfigProblem[] = [];
  const parsed = parseEnv(env, problems);
  const token = env['XIAOWANG_ADMIN_TOKEN'];
  if (token === undefined || token === '') {
    problems.push({
      field: 'XIAOWANG_ADMIN_TOKEN',
      key: 'api.validation.required',
      hint: HINTS.XIAOWANG_ADMIN_TOKEN,
    });
  }
  const mail = parsed === undefined ? undefined : buildMailConfig(parsed, problems);
  const database = parsed === undefined ? undefined : buildDatabase(parsed, env, problems);
  if (
    parsed === undefined ||
    mail === undefined ||
    parsed.XIAOWANG_ADMIN_TOKEN === undefined ||
    problems.length > 0
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    config: {
      dataDir: resolve(parsed.XIAOWANG_DATA_DIR),
      ...(database === undefined ? {} : { database }),
      host: parsed.XIAOWANG_HOST,
      port: parsed.XIAOWANG_PORT,
      adminToken: new Secret(parsed.XIAOWANG_ADMIN_TOKEN),
      maxBodyBytes: parsed.XIAOWANG_MAX_BODY_BYTES,
      maxImportBytes: parsed.XIAOWANG_MAX_IMPORT_BYTES,
      logLevel: parsed.XIAOWANG_LOG_LEVEL,
      maxReportBytes: parsed.XIAOWANG_MAX_REPORT_BYTES,
      reportRatePerMinute: parsed.XIAOWANG_REPORT_RATE_PER_MINUTE,
      reportBurst: parsed.XIAOWANG_REPORT_BURST,
      enrollRatePerMinute: parsed.XIAOWANG_ENROLL_RATE_PER_MINUTE,
      sampleRetentionDays: parsed.XIAOWANG_SAMPLE_RETENTION_DAYS,
      reportRetentionDays: parsed.XIAOWANG_REPORT_RETENTION_DAYS,
      dailyRetentionDays: parsed.XIAOWANG_DAILY_RETENTION_DAYS,
      secureCookies: parsed.XIAOWANG_SECURE_COOKIES,
      jobLeaseMs: parsed.XIAOWANG_JOB_LEASE_SECONDS * 1000,
      mail,
    },
  };
}

/** Settings for commands that only touch the database (migrate, backup, import). */
export function loadStorageConfig(
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult<StorageConfig> {
  const problems: ConfigProblem[] = [];
  const parsed = parseEnv(env, problems);
  if (parsed === undefined) return { ok: false, problems };
  const database = buildDatabase(parsed, env, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: storage(parsed.XIAOWANG_DATA_DIR, database) };
}

/** Settings for commands that send mail by hand (digest): the database and SMTP. */
export function loadMailConfig(
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult<StorageConfig & { readonly mail: MailConfig }> {
  const problems: ConfigProblem[] = [];
  const parsed = parseEnv(env, problems);
  if (parsed === undefined) return { ok: false, problems };
  const mail = buildMailConfig(parsed, problems);
  const database = buildDatabase(parsed, env, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { ...storage(parsed.XIAOWANG_DATA_DIR, database), mail } };
}

function storage(dataDir: string, database: DatabaseLocation | undefined): StorageConfig {
  return { dataDir: resolve(dataDir), ...(database === undefined ? {} : { database }) };
}

/**
 * PostgreSQL when XIAOWANG_DATABASE_URL (else the conventional DATABASE_URL) is a
 * postgres:// URL; a path or `sqlite:PATH` names a SQLite file; unset means `collector.db`
 * in the data directory.
 */
function buildDatabase(
  parsed: z.output<typeof envSchema>,
  env: Readonly<Record<string, string | undefined>>,
  problems: ConfigProblem[],
): DatabaseLocation | undefined {
  const fallback = env['DATABASE_URL'];
  const [field, value] =
    parsed.XIAOWANG_DATABASE_URL !== undefined
      ? ['XIAOWANG_DATABASE_URL', parsed.XIAOWANG_DATABASE_URL]
      : ['DATABASE_URL', fallback === '' ? undefined : fallback];
  if (value === undefined) return undefined;
  if (/^postgres(ql)?:\/\//i.test(value) && URL.canParse(value)) {
    const poolSize = parsed.XIAOWANG_DATABASE_POOL_SIZE;
    return { kind: 'postgres', url: new Secret(value), poolSize };
  }
  const file = value.startsWith('sqlite:') ? value.slice('sqlite:'.length) : value;
  if (file !== '' && !file.includes('://')) return { kind: 'sqlite', file: resolve(file) };
  problems.push({
    field,
    key: 'collector.config.badDatabaseUrl',
    hint: 'collector.config.hint.databaseUrl',
  });
  return undefined;
}

function parseEnv(
  env: Readonly<Record<string, string | undefined>>,
  problems: ConfigProblem[],
): z.output<typeof envSchema> | undefined {
  const ours = Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) =>
        name.startsWith('XIAOWANG_') &&
        !name.startsWith('XIAOWANG_AGENT_') &&
        !name.startsWith('XIAOWANG_TEST_') &&
        value !== undefined &&
        value !== '',
    ),
  );
  const result = envSchema.safeParse(ours, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const field of issue.keys) {
        problems.push({
          field,
          key: 'collector.config.unknownKey',
          params: { known: CONFIG_KEYS.join(', ') },
          hint: 'collector.config.hint.unknownKey',
        });
      }
      continue;
    }
    const field = String(issue.path[0] ?? '');
    const hint = hintFor(field);
    const { key, params } = describeIssue(issue);
    problems.push(params === undefined ? { field, key, hint } : { field, key, params, hint });
  }
  return undefined;
}

function hintFor(field: string): MessageKey {
  const known = CONFIG_KEYS.find((name) => name === field);
  return known === undefined ? 'collector.config.hint.unknownKey' : HINTS[known];
}

/** One line per problem: `field: what is wrong, how to fix it`. */
export function formatConfigProblems(lang: Lang, problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) =>
    t(lang, 'collector.config.problem', {
      field: p.field,
      problem: t(lang, p.key, p.params),
      hint: t(lang, p.hint),
    }),
  );
}
