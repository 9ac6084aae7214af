import type { Lang, Message, MessageKey, MessageParams } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import { ConfigError, loadConfig, problemText } from '../config/load-config.ts';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** One line of the checklist: a catalogue key, never a finished sentence, so it translates. */
export interface CheckResult {
  readonly id: string;
  readonly status: CheckStatus;
  readonly message: Message;
  readonly advice?: Message;
  /** Evidence under the line (config problems, probe attempts), in order. */
  readonly details?: readonly Message[];
}

export function msg(key: MessageKey, params: MessageParams = {}): Message {
  return { key, params };
}

/** A line of raw evidence (English probe text, a config path), shown as is. */
export function rawDetail(text: string): Message {
  return msg('doctor.detail', { text });
}

export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined || error.message.includes(code)
    ? error.message
    : `${code}: ${error.message}`;
}

export type ConfigOutcome =
  | { readonly loaded: LoadedConfig; readonly check: CheckResult }
  | { readonly loaded: undefined; readonly check: CheckResult };

/** Check 1: the config loads; when it does not, every problem is listed. */
export function checkConfig(file: string, lang: Lang): ConfigOutcome {
  try {
    const loaded = loadConfig(file);
    const check: CheckResult = {
      id: 'config',
      status: 'pass',
      message: msg('doctor.config.ok', {
        devices: loaded.devices.length,
        credentials: loaded.credentials.size,
      }),
    };
    return { loaded, check };
  } catch (error) {
    const problems =
      error instanceof ConfigError
        ? error.problems
        : [{ path: '(file)', message: errorText(error) }];
    const check: CheckResult = {
      id: 'config',
      status: 'fail',
      message: msg('doctor.config.bad', { file, count: problems.length }),
      advice: msg('doctor.config.fix'),
      details: problems.map((p) =>
        msg('doctor.config.problem', { path: p.path, message: problemText(p, lang) }),
      ),
    };
    return { loaded: undefined, check };
  }
}
