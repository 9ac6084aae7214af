import type { DeviceResult, Lang, PollError } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { pollDevice } from '../poll/poll-device.ts';
import { PORT_SETTING } from '../snmp/errors.ts';
import type { ParsedArgs } from './args.ts';
import { probeOptions } from './probe-options.ts';
import { renderProbe } from './render-probe.ts';

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 read, 1 device did not answer or refused us, 2 bad command line. */
export const EXIT_DEVICE_ERROR = 1;

export function describePollError(
  error: PollError,
  host: string,
  port: number,
  lang: Lang,
): string {
  switch (error.code) {
    case 'TIMEOUT':
      return error.setting === PORT_SETTING
        ? t(lang, 'snmp.error.notSnmp', { host, port, detail: error.message })
        : t(lang, 'snmp.error.TIMEOUT', { host, port });
    case 'AUTH':
      return t(lang, 'snmp.error.AUTH', {
        host,
        port,
        detail: error.message,
        parameter: error.setting ?? '--v3-*',
      });
    case 'UNREACHABLE':
      return t(lang, 'snmp.error.UNREACHABLE', { host, port, detail: error.message });
    default:
      return t(lang, 'snmp.error.generic', { host, port, detail: error.message });
  }
}

/** The JSON document: snapshot fields at the top level, named as in the fixtures. */
export function probeJson(result: DeviceResult): Record<string, unknown> {
  if (result.outcome === 'error') {
    return {
      outcome: result.outcome,
      target: result.target,
      error: result.error,
      meta: result.meta,
    };
  }
  return {
    outcome: result.outcome,
    target: result.target,
    ...result.snapshot,
    partErrors: result.partErrors,
    meta: result.meta,
  };
}

export async function runProbe(args: ParsedArgs, lang: Lang, io: CommandIo): Promise<number> {
  const options = probeOptions(args, lang);
  const result = await pollDevice(options.target, {
    timing: { timeoutMs: options.timeoutMs, retries: options.retries },
    deadlineMs: options.deadlineMs,
  });
  if (options.json) io.stdout(JSON.stringify(probeJson(result), null, 2));
  else io.stdout(renderProbe(result, lang));
  if (result.outcome === 'error') {
    io.stderr(describePollError(result.error, options.target.host, options.target.port, lang));
    return EXIT_DEVICE_ERROR;
  }
  return 0;
}
