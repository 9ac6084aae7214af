import { hostname } from 'node:os';
import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { DEFAULT_CONFIG_FILE, readConfigJson, writeConfigFile } from '../config/write-config.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';
import { CliError } from './cli-error.ts';
import type { CommandIo } from './probe.ts';

export const ENROLL_SPEC: Readonly<Record<string, OptionSpec>> = {
  collector: { type: 'string', example: 'https://xiaowang.county.edu.cn/' },
  code: { type: 'string', example: 'ABCD-EFGH-JKLM-NPQR' },
  config: { type: 'string', example: DEFAULT_CONFIG_FILE },
  name: { type: 'string', example: 'cgxx-gateway' },
  lang: { type: 'string', example: 'zh-CN' },
  help: { type: 'boolean' },
};

interface EnrollReply {
  agentId: number;
  token: string;
  schools: { id: number; code: string; name: string }[];
}

function required(args: ParsedArgs, name: string, hint: string): string {
  const value = args[name];
  if (typeof value !== 'string')
    throw new CliError('cli.error.missingRequired', { option: `--${name}`, hint });
  return value;
}

/** Exchanges a one-time enrollment code for this agent's token and writes it into the config. */
export async function runEnroll(args: ParsedArgs, lang: Lang, io: CommandIo): Promise<number> {
  const collector = required(args, 'collector', '--collector https://xiaowang.county.edu.cn/');
  const code = required(args, 'code', '--code ABCD-EFGH-JKLM-NPQR');
  const file = typeof args['config'] === 'string' ? args['config'] : DEFAULT_CONFIG_FILE;
  let base: URL;
  try {
    base = new URL(collector.endsWith('/') ? collector : `${collector}/`);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(base.protocol);
  } catch {
    throw new CliError('cli.error.badValue', {
      option: '--collector',
      expected: 'an http(s) URL',
      value: collector,
    });
  }
  const agentName = typeof args['name'] === 'string' ? args['name'] : hostname();
  let response: Response;
  try {
    response = await fetch(new URL('api/v1/enroll', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify({ code: code.trim(), agentName, hostname: hostname() }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    io.stderr(
      t(lang, 'enroll.unreachable', { url: base.toString(), detail: (error as Error).message }),
    );
    return 1;
  }
  if (!response.ok) {
    let message = `${response.status}`;
    try {
      message =
        ((await response.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // keep the status
    }
    io.stderr(t(lang, 'enroll.refused', { status: response.status, message }));
    return 1;
  }
  const reply = (await response.json()) as EnrollReply;
  const existing = readConfigJson(file) ?? { credentials: {}, devices: [] };
  const collectorSection =
    typeof existing['collector'] === 'object' && existing['collector'] !== null
      ? existing['collector']
      : {};
  writeConfigFile(file, {
    ...existing,
    collector: { ...collectorSection, url: base.toString(), token: reply.token },
  });
  io.stdout(
    t(lang, 'enroll.done', {
      agentId: reply.agentId,
      schools: reply.schools.map((s) => `${s.name} (${s.code})`).join('、'),
      file,
    }),
  );
  return 0;
}
