import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { Secret } from '@xiaowang/shared';
import type { SnmpCredentials } from '../snmp/credentials.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import type { AgentConfig, CredentialConfig } from './schema.ts';
import { agentConfigSchema } from './schema.ts';

/** One problem in a config file: where, what is wrong, what to do. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
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

function describeIssue(issue: z.core.$ZodIssue): ConfigProblem {
  const path = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return {
      path,
      message: `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove them or check the spelling`,
    };
  }
  return { path, message: issue.message };
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
  if (!parsed.success) throw new ConfigError(file, parsed.error.issues.map(describeIssue));
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

export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(file, [
      {
        path: '(file)',
        message:
          code === 'ENOENT'
            ? 'not found: run "xiaowang-agent enroll --collector URL --code CODE" first, or pass --config FILE'
            : `cannot be read (${code}): check its permissions`,
      },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [
      { path: '(file)', message: `is not valid JSON: ${(error as Error).message}` },
    ]);
  }
  return parseConfig(file, raw);
}
