import { CliError } from './cli-error.ts';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** Shown in "needs a value, e.g. …" errors. */
  readonly example?: string;
}

export type ParsedArgs = Record<string, string | boolean | undefined>;

/**
 * A strict `--name value` / `--name=value` parser. Unknown options are errors that name the
 * option, because a typo in a community flag must not silently fall back to a default.
 */
export function parseArgs(
  argv: readonly string[],
  spec: Readonly<Record<string, OptionSpec>>,
  command: string,
): ParsedArgs {
  const out: ParsedArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      throw new CliError('cli.error.unknownOption', { option: arg, command });
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const option = spec[name];
    if (option === undefined) {
      throw new CliError('cli.error.unknownOption', { option: `--${name}`, command });
    }
    if (option.type === 'boolean') {
      out[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') {
      throw new CliError('cli.error.missingValue', {
        option: `--${name}`,
        example: option.example ?? 'VALUE',
      });
    }
    out[name] = value;
  }
  return out;
}

export function intOption(
  args: ParsedArgs,
  name: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  const raw = args[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < range.min || n > range.max) {
    throw new CliError('cli.error.badValue', {
      option: `--${name}`,
      expected: `an integer from ${range.min} to ${range.max}`,
      value: String(raw),
    });
  }
  return n;
}

export function choiceOption<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = args[name];
  if (raw === undefined) return fallback;
  const found = choices.find((c) => c.toLowerCase() === String(raw).toLowerCase());
  if (found === undefined) {
    throw new CliError('cli.error.badValue', {
      option: `--${name}`,
      expected: choices.join(' | '),
      value: String(raw),
    });
  }
  return found;
}
