import type { Lang } from '@xiaowang/shared';
import { Secret } from '@xiaowang/shared';
import type {
  AuthProtocol,
  PrivProtocol,
  SecurityLevel,
  SnmpCredentials,
} from '../snmp/credentials.ts';
import { desAvailable } from '../snmp/net-snmp-client.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';
import { choiceOption, intOption } from './args.ts';
import { CliError } from './cli-error.ts';

export const PROBE_SPEC: Readonly<Record<string, OptionSpec>> = {
  host: { type: 'string', example: '192.0.2.10' },
  port: { type: 'string', example: '161' },
  community: { type: 'string', example: 'public' },
  'snmp-version': { type: 'string', example: '2c' },
  'v3-user': { type: 'string', example: 'monitor' },
  'v3-level': { type: 'string', example: 'authPriv' },
  'v3-auth-protocol': { type: 'string', example: 'sha256' },
  'v3-auth-key': { type: 'string', example: 'KEY' },
  'v3-priv-protocol': { type: 'string', example: 'aes' },
  'v3-priv-key': { type: 'string', example: 'KEY' },
  'v3-context': { type: 'string', example: 'NAME' },
  timeout: { type: 'string', example: '2000' },
  retries: { type: 'string', example: '1' },
  deadline: { type: 'string', example: '60000' },
  json: { type: 'boolean' },
  lang: { type: 'string', example: 'zh-CN' },
  help: { type: 'boolean' },
};

export interface ProbeOptions {
  readonly target: DeviceTarget;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly deadlineMs: number;
  readonly json: boolean;
  readonly lang: Lang;
}

function str(args: ParsedArgs, name: string): string | undefined {
  const v = args[name];
  return typeof v === 'string' ? v : undefined;
}

function v3Credentials(args: ParsedArgs): SnmpCredentials {
  const user = str(args, 'v3-user');
  if (user === undefined) throw new CliError('cli.error.v3Missing', { option: '--v3-user' });
  const authKey = str(args, 'v3-auth-key');
  const privKey = str(args, 'v3-priv-key');
  const implied: SecurityLevel =
    privKey !== undefined ? 'authPriv' : authKey !== undefined ? 'authNoPriv' : 'noAuthNoPriv';
  const level = choiceOption<SecurityLevel>(
    args,
    'v3-level',
    ['noAuthNoPriv', 'authNoPriv', 'authPriv'],
    implied,
  );
  if (level !== 'noAuthNoPriv' && authKey === undefined) {
    throw new CliError('cli.error.v3Missing', { option: '--v3-auth-key' });
  }
  if (level === 'authPriv' && privKey === undefined) {
    throw new CliError('cli.error.v3Missing', { option: '--v3-priv-key' });
  }
  const authProtocol = choiceOption<AuthProtocol>(
    args,
    'v3-auth-protocol',
    ['sha', 'sha224', 'sha256', 'sha384', 'sha512', 'md5'],
    'sha',
  );
  const privProtocol = choiceOption<PrivProtocol>(
    args,
    'v3-priv-protocol',
    ['aes', 'aes256b', 'aes256r', 'des'],
    'aes',
  );
  if (level === 'authPriv' && privProtocol === 'des' && !desAvailable()) {
    throw new CliError('cli.error.desNeedsLegacy');
  }
  const context = str(args, 'v3-context');
  return {
    version: '3',
    user,
    level,
    authProtocol,
    privProtocol,
    ...(authKey === undefined ? {} : { authKey: new Secret(authKey) }),
    ...(privKey === undefined ? {} : { privKey: new Secret(privKey) }),
    ...(context === undefined ? {} : { context }),
  };
}

export function probeOptions(args: ParsedArgs, lang: Lang): ProbeOptions {
  const host = str(args, 'host');
  if (host === undefined) {
    throw new CliError('cli.error.missingRequired', {
      option: '--host',
      hint: '--host 192.0.2.10',
    });
  }
  const version = choiceOption(args, 'snmp-version', ['2c', '3'], '2c');
  let credentials: SnmpCredentials;
  if (version === '2c') {
    const community = str(args, 'community');
    if (community === undefined) {
      throw new CliError('cli.error.missingRequired', {
        option: '--community',
        hint: '--community public',
      });
    }
    credentials = { version: '2c', community: new Secret(community) };
  } else {
    credentials = v3Credentials(args);
  }
  const port = intOption(args, 'port', 161, { min: 1, max: 65535 });
  return {
    target: { name: host, host, port, credentials },
    timeoutMs: intOption(args, 'timeout', 2000, { min: 50, max: 60_000 }),
    retries: intOption(args, 'retries', 1, { min: 0, max: 10 }),
    deadlineMs: intOption(args, 'deadline', 60_000, { min: 100, max: 3_600_000 }),
    json: args['json'] === true,
    lang,
  };
}
