import type { Lang, MessageKey, MessageParams } from '@xiaowang/shared';
import { DEFAULT_LANG, isLang } from '@xiaowang/shared';

export const DEFAULTS = {
  history: 7,
  port: 8080,
  interval: 60,
  snmpPort: 16100,
  dataDir: '.xiaowang-demo',
} as const;

export interface DemoOptions {
  readonly history: number | undefined;
  readonly port: number;
  readonly interval: number;
  readonly snmpPort: number;
  readonly dataDir: string | undefined;
  readonly fresh: boolean;
  readonly once: boolean;
  readonly json: boolean;
  readonly lang: Lang;
  readonly help: boolean;
}

export type ParsedOptions =
  | { readonly ok: true; readonly options: DemoOptions }
  | {
      readonly ok: false;
      readonly lang: Lang;
      readonly key: MessageKey;
      readonly params: MessageParams;
    };

const NUMBERS = {
  '--history': { min: 0, max: 400, expected: 'a number of days from 0 to 400' },
  '--port': { min: 0, max: 65535, expected: 'a TCP port from 0 to 65535' },
  '--interval': { min: 5, max: 3600, expected: 'seconds from 5 to 3600' },
  '--snmp-port': { min: 1024, max: 65000, expected: 'a UDP port from 1024 to 65000' },
} as const;
type NumberOption = keyof typeof NUMBERS;

const isNumberOption = (name: string): name is NumberOption => name in NUMBERS;

/** `npm start -- …`: every option is checked; a wrong one is named with what it expects. */
export function parseDemoOptions(argv: readonly string[]): ParsedOptions {
  const numbers: Partial<Record<NumberOption, number>> = {};
  const flags = { fresh: false, once: false, json: false, help: false };
  let lang: Lang = DEFAULT_LANG;
  let dataDir: string | undefined;
  const fail = (key: MessageKey, params: MessageParams): ParsedOptions => ({
    ok: false,
    lang,
    key,
    params,
  });
  for (let i = 0; i < argv.length; i++) {
    const [name = '', inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (name === '--fresh' || name === '--once' || name === '--json' || name === '--help') {
      flags[name.slice(2) as keyof typeof flags] = true;
    } else if (name === '--lang') {
      const v = value() ?? '';
      if (!isLang(v))
        return fail('cli.error.badValue', { option: name, expected: 'zh-CN or en', value: v });
      lang = v;
    } else if (name === '--data-dir') {
      const v = value();
      if (v === undefined || v === '')
        return fail('cli.error.missingValue', { option: name, example: './demo-data' });
      dataDir = v;
    } else if (isNumberOption(name)) {
      const v = value() ?? '';
      const spec = NUMBERS[name];
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < spec.min || n > spec.max) {
        return fail('cli.error.badValue', { option: name, expected: spec.expected, value: v });
      }
      numbers[name] = n;
    } else return fail('demo.error.unknownOption', { option: name });
  }
  return {
    ok: true,
    options: {
      history: numbers['--history'],
      port: numbers['--port'] ?? DEFAULTS.port,
      interval: numbers['--interval'] ?? DEFAULTS.interval,
      snmpPort: numbers['--snmp-port'] ?? DEFAULTS.snmpPort,
      dataDir,
      lang,
      ...flags,
    },
  };
}
