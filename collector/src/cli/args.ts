import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';

export type OptionSpec = Record<
  string,
  { readonly type: 'string' | 'boolean'; readonly example?: string }
>;
export type ParsedOptions = Record<string, string | boolean | undefined>;

/**
 * Parses `--name value` options with node:util, leniently, then checks the tokens ourselves
 * so every mistake becomes a catalogue message naming the option.
 */
export function parseOptions(
  args: readonly string[],
  spec: OptionSpec,
  command: string,
): ParsedOptions {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, { type }]) => [name, { type }]),
  );
  const { values, tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    tokens: true,
    allowPositionals: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional')
      throw new CliError('collector.cli.unexpectedArgument', { value: token.value });
    if (token.kind !== 'option') continue;
    const known = spec[token.name];
    if (known === undefined)
      throw new CliError('collector.cli.unknownOption', { option: token.rawName, command });
    if (known.type === 'string' && token.value === undefined) {
      throw new CliError('collector.cli.missingValue', {
        option: token.rawName,
        example: known.example ?? '…',
      });
    }
  }
  return values;
}

export function requireString(options: ParsedOptions, name: string, example: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') {
    throw new CliError('collector.cli.missingOption', { option: `--${name}`, example });
  }
  return value;
}
