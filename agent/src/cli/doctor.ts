import { promises as dns } from 'node:dns';
import type { HostProbes, Lang } from '@xiaowang/shared';
import { isLang, t } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import { DEFAULT_CONFIG_FILE } from '../config/write-config.ts';
import { probeHostIpv6 } from '../host/ipv6-probes.ts';
import type { ClientFactory } from '../poll/poll-device.ts';
import { createSnmpClient } from '../snmp/create-client.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';
import { CliError } from './cli-error.ts';
import type { CheckResult } from './doctor-checks.ts';
import { checkConfig, msg } from './doctor-checks.ts';
import { checkCollector } from './doctor-collector.ts';
import { checkDevices } from './doctor-device.ts';
import { checkIpv6 } from './doctor-ipv6.ts';
import { renderDoctorJson, renderDoctorText } from './doctor-render.ts';
import { checkSpool } from './doctor-spool.ts';
import type { CommandIo } from './probe.ts';

export const DOCTOR_SPEC: Readonly<Record<string, OptionSpec>> = {
  config: { type: 'string', example: DEFAULT_CONFIG_FILE },
  lang: { type: 'string', example: 'zh-CN' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
};

/** Everything the doctor touches outside itself, replaceable in tests. */
export interface DoctorDeps {
  readonly now?: () => number;
  readonly clientFactory?: ClientFactory;
  readonly fetch?: typeof fetch;
  readonly lookupHost?: (host: string) => Promise<string[]>;
  readonly probeIpv6?: (loaded: LoadedConfig) => Promise<HostProbes>;
}

// The client the agent polls with, so the doctor passes a device only if a cycle can read it.
const defaultClientFactory: ClientFactory = createSnmpClient;

async function lookupAll(host: string): Promise<string[]> {
  return (await dns.lookup(host, { all: true })).map((a) => a.address);
}

function probeWithConfig(loaded: LoadedConfig): Promise<HostProbes> {
  const { ipv6, collector } = loaded.config;
  return probeHostIpv6({ ipv6, collectorUrl: collector.url });
}

/** Checks 2–6 in the order the technician should fix them; they run side by side. */
export async function runChecks(loaded: LoadedConfig, deps: DoctorDeps): Promise<CheckResult[]> {
  const now = deps.now ?? Date.now;
  const [devices, collector, spool, ipv6] = await Promise.all([
    checkDevices(loaded, { clientFactory: deps.clientFactory ?? defaultClientFactory, now }),
    checkCollector(loaded.config.collector, {
      fetch: deps.fetch ?? fetch,
      lookupHost: deps.lookupHost ?? lookupAll,
      now,
    }),
    checkSpool(loaded.config.spool.dir, now()),
    checkIpv6(loaded, deps.probeIpv6 ?? probeWithConfig),
  ]);
  return [...devices, ...collector.checks, spool, collector.clock, ipv6];
}

/** `xiaowang-agent doctor`: exit 0 when nothing failed (warnings allowed), 1 otherwise. */
export async function runDoctor(
  args: ParsedArgs,
  lang: Lang,
  io: CommandIo,
  deps: DoctorDeps = {},
): Promise<number> {
  if (typeof args['lang'] === 'string' && !isLang(args['lang'])) {
    throw new CliError('cli.error.badValue', {
      option: '--lang',
      expected: 'zh-CN | en',
      value: args['lang'],
    });
  }
  if (args['help'] === true) {
    io.stdout(t(lang, 'cli.usage.doctor', { file: DEFAULT_CONFIG_FILE }));
    return 0;
  }
  const file = typeof args['config'] === 'string' ? args['config'] : DEFAULT_CONFIG_FILE;
  const config = checkConfig(file, lang);
  const checks: CheckResult[] = [config.check];
  if (config.loaded === undefined) {
    checks.push({ id: 'rest', status: 'skip', message: msg('doctor.rest.skipped') });
  } else {
    checks.push(...(await runChecks(config.loaded, deps)));
  }
  const render = args['json'] === true ? renderDoctorJson : renderDoctorText;
  io.stdout(render(file, checks, lang));
  return checks.some((c) => c.status === 'fail') ? 1 : 0;
}
