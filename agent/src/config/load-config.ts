import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { Lang, MessageKey, MessageParams } from '@xiaowang/shared';
import { en, Secret, t } from '@xiaowang/shared';
import type { SnmpCredentials } from '../snmp/credentials.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import type { AgentConfig, CredentialConfig } from './schema.ts';
import { agentConfigSchema } from './schema.ts';

/** One problem in a config file: where, what is wrong, what to do. */
export interface ConfigProblem {
  readonly path: string;
  /** In English, as logged. */
  readonly message: string;
  /** The same in each language, for the technician reading it. */
  readonly text?: Readonly<Record<Lang, string>>;
}

/** What to show of a problem in `lang`; problems made elsewhere have only English. */
export function problemText(problem: ConfigProblem, lang: Lang): string {
  return problem.text?.[lang] ?? problem.message;
}

export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  readonly file: string;

  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(`${file}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}

/** The parsed config with credentials as Secrets: nothing below this prints a community. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: AgentConfig;
  readonly devices: readonly DeviceTarget[];
  readonly credentials: ReadonlyMap<string, SnmpCredentials>;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map(String).join('.');
}

const zhErrors = zhCN().localeError;

/** The schema's messages are `config.*` keys; anything else is zod's own text. */
function isMessageKey(text: string): text is MessageKey {
  return text.startsWith('config.') && Object.hasOwn(en, text);
}

/**
 * A zod issue in both languages. The schema's own messages are catalogue keys; zod's are
 * English from the parse and zh-CN from `zhIssue`, the same issue from a second parse
 * with zod's zh-CN messages.
 */
function describeIssue(
  issue: z.core.$ZodIssue,
  zhIssue: z.core.$ZodIssue | undefined,
): ConfigProblem {
  const path = pathText(issue.path);
  const size = sizeKey(issue);
  let text: Record<Lang, string>;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    text = localised('config.unknownKeys', { keys });
  } else if (isMessageKey(issue.message)) {
    text = localised(issue.message, keyParams(issue));
  } else if (size !== undefined) {
    text = localised(size, sizeLimit(issue));
  } else {
    text = { en: issue.message, 'zh-CN': zhIssue?.message ?? issue.message };
  }
  return { path, message: text.en, text };
}

const SIZE_KEYS: Readonly<
  Record<string, readonly [MessageKey, MessageKey, MessageKey, MessageKey]>
> = {
  // too_small inclusive, too_small exclusive, too_big inclusive, too_big exclusive
  number: [
    'config.numberAtLeast',
    'config.numberAbove',
    'config.numberAtMost',
    'config.numberBelow',
  ],
  string: ['config.textAtLeast', 'config.textAtLeast', 'config.textAtMost', 'config.textAtMost'],
  array: ['config.listAtLeast', 'config.listAtLeast', 'config.listAtMost', 'config.listAtMost'],
};

/**
 * A bound of a number, a text or a list, said in words: zod's zh-CN texts for these name the
 * JavaScript type in English ("期望 number >=1"), which a technician should not have to read.
 */
function sizeKey(issue: z.core.$ZodIssue): MessageKey | undefined {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
  const keys = SIZE_KEYS[issue.origin];
  if (keys === undefined) return undefined;
  // A text or list of at least one is one that must not be empty, and is said so.
  if (issue.code === 'too_small' && issue.origin !== 'number' && Number(issue.minimum) === 1) {
    return 'config.notEmpty';
  }
  const exclusive = issue.inclusive === false ? 1 : 0;
  return keys[(issue.code === 'too_big' ? 2 : 0) + exclusive];
}

function sizeLimit(issue: z.core.$ZodIssue): MessageParams {
  if (issue.code === 'too_small') return { limit: Number(issue.minimum) };
  if (issue.code === 'too_big') return { limit: Number(issue.maximum) };
  return {};
}

/** The parameters a catalogue message of the schema's may name. */
function keyParams(issue: z.core.$ZodIssue): MessageParams {
  if (issue.code === 'custom') return (issue.params as MessageParams | undefined) ?? {};
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  return {};
}

function localised(key: MessageKey, params: MessageParams): Record<Lang, string> {
  return { en: t('en', key, params), 'zh-CN': t('zh-CN', key, params) };
}

export function toSnmpCredentials(c: CredentialConfig): SnmpCredentials {
  if (c.version === '2c') return { version: '2c', community: new Secret(c.community) };
  return {
    version: '3',
    user: c.user,
    level: c.level,
    authProtocol: c.authProtocol,
    privProtocol: c.privProtocol,
    ...(c.authKey === undefined ? {} : { authKey: new Secret(c.authKey) }),
    ...(c.privKey === undefined ? {} : { privKey: new Secret(c.privKey) }),
    ...(c.context === undefined ? {} : { context: c.context }),
  };
}

/** Validates parsed JSON; every problem is listed, not just the first. */
export function parseConfig(file: string, raw: unknown): LoadedConfig {
  const parsed = agentConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // The same input and schema give the same issues in the same order.
    const zh = agentConfigSchema.safeParse(raw, { error: zhErrors });
    const zhIssues = zh.success ? [] : zh.error.issues;
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue, i) => describeIssue(issue, zhIssues[i])),
    );
  }
  const config = parsed.data;
  const credentials = new Map(
    Object.entries(config.credentials).map(([name, c]) => [name, toSnmpCredentials(c)] as const),
  );
  const devices = config.devices.map((d): DeviceTarget => {
    const creds = credentials.get(d.credentials);
    if (creds === undefined)
      throw new ConfigError(file, [{ path: 'devices', message: 'unreachable' }]);
    return {
      name: d.name,
      host: d.host,
      port: d.port,
      credentials: creds,
      ...(d.school === undefined ? {} : { school: d.school }),
    };
  });
  return { file, config, devices, credentials };
}

/** A problem with the file itself, said in both languages. */
function fileProblem(key: MessageKey, params: MessageParams = {}): ConfigProblem {
  const text = localised(key, params);
  return { path: '(file)', message: text.en, text };
}

export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(file, [
      code === 'ENOENT'
        ? fileProblem('config.fileMissing')
        : fileProblem('config.fileUnreadable', { code }),
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [
      fileProblem('config.notJson', { detail: (error as Error).message }),
    ]);
  }
  return parseConfig(file, raw);
}
