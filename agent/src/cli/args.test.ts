import { describe, expect, it } from 'vitest';
import { choiceOption, intOption, parseArgs } from './args.ts';
import { CliError } from './cli-error.ts';

const spec = { host: { type: 'string', example: '10.0.0.1' }, json: { type: 'boolean' } } as const;

function errorOf(fn: () => unknown): CliError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliError) return error;
  }
  throw new Error('expected a CliError');
}

describe('parseArgs', () => {
  it('reads --name value, --name=value and flags', () => {
    expect(parseArgs(['--host', 'h', '--json'], spec, 'probe')).toEqual({ host: 'h', json: true });
    expect(parseArgs(['--host=h'], spec, 'probe')).toEqual({ host: 'h' });
  });

  it('names an unknown option and the command to get help for', () => {
    const e = errorOf(() => parseArgs(['--comunity', 'x'], spec, 'probe'));
    expect(e.key).toBe('cli.error.unknownOption');
    expect(e.params).toEqual({ option: '--comunity', command: 'probe' });
    expect(e.exitCode).toBe(2);
  });

  it('says which option lacks a value, with an example', () => {
    const e = errorOf(() => parseArgs(['--host', '--json'], spec, 'probe'));
    expect(e.key).toBe('cli.error.missingValue');
    expect(e.params).toEqual({ option: '--host', example: '10.0.0.1' });
  });

  it('checks integer ranges and choices, naming expected and got', () => {
    expect(intOption({ port: '1161' }, 'port', 161, { min: 1, max: 65535 })).toBe(1161);
    const e = errorOf(() => intOption({ port: '70000' }, 'port', 161, { min: 1, max: 65535 }));
    expect(e.params).toMatchObject({ option: '--port', value: '70000' });
    expect(choiceOption({ v: 'SHA256' }, 'v', ['sha', 'sha256'], 'sha')).toBe('sha256');
    expect(errorOf(() => choiceOption({ v: 'x' }, 'v', ['a', 'b'], 'a')).params).toMatchObject({
      expected: 'a | b',
    });
  });
});
