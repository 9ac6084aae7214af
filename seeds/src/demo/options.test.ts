import { t } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseDemoOptions } from './options.ts';

describe('npm start options', () => {
  it('defaults to a week of history on port 8080, polling every minute', () => {
    const parsed = parseDemoOptions([]);
    expect(parsed.ok && parsed.options).toMatchObject({
      history: undefined,
      port: DEFAULTS.port,
      interval: 60,
      snmpPort: 16100,
      fresh: false,
      once: false,
      lang: 'zh-CN',
    });
  });

  it('reads every option, with a value after it or after =', () => {
    const parsed = parseDemoOptions([
      '--history=30',
      '--port',
      '0',
      '--interval',
      '20',
      '--snmp-port',
      '20000',
      '--data-dir',
      '/tmp/x',
      '--fresh',
      '--once',
      '--json',
      '--lang',
      'en',
    ]);
    expect(parsed).toEqual({
      ok: true,
      options: {
        history: 30,
        port: 0,
        interval: 20,
        snmpPort: 20000,
        dataDir: '/tmp/x',
        fresh: true,
        once: true,
        json: true,
        help: false,
        lang: 'en',
      },
    });
  });

  it('names a bad option and says what it expects', () => {
    const bad = parseDemoOptions(['--lang', 'en', '--history', 'lots']);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(t(bad.lang, bad.key, bad.params)).toBe(
      'Option --history: expected a number of days from 0 to 400, got "lots".',
    );
    const unknown = parseDemoOptions(['--lang=en', '--histroy', '3']);
    expect(unknown.ok || t(unknown.lang, unknown.key, unknown.params)).toBe(
      'Unknown option --histroy. Run "npm start -- --help" to see the options.',
    );
    expect(parseDemoOptions(['--snmp-port', '161']).ok).toBe(false);
  });
});
