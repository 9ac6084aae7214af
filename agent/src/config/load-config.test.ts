import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_DEVICES } from '@xiaowang/shared';
import { ConfigError, loadConfig, parseConfig, problemText } from './load-config.ts';
import { MAX_CONFIGURED_DEVICES, MAX_DISCOVERED_DEVICES } from './schema.ts';

const TOKEN = 'xw_abcdefghijklmnopqrstuvwxyz012345';
const good = {
  collector: { url: 'http://127.0.0.1:8080/', token: TOKEN },
  credentials: {
    campus: { version: '2c', community: 'campus-secret' },
    core: { version: '3', user: 'mon', authKey: 'auth-key-123', privKey: 'priv-key-123' },
  },
  devices: [
    { name: '核心交换机', host: '10.20.1.1', credentials: 'core' },
    { name: 'AC', host: '10.20.1.2', credentials: 'campus' },
  ],
};

function problems(raw: unknown): { path: string; message: string }[] {
  try {
    parseConfig('agent.json', raw);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('agent config', () => {
  it('fills defaults and turns credentials into secrets', () => {
    const loaded = parseConfig('agent.json', good);
    expect(loaded.config.schedule.pollIntervalSeconds).toBe(300);
    expect(loaded.config.spool.dir).toBe('/var/lib/xiaowang-agent/spool');
    expect(loaded.devices[0]).toMatchObject({ name: '核心交换机', port: 161 });
    const text = inspect(loaded.devices, { depth: 10 }) + JSON.stringify(loaded.devices);
    expect(text).not.toContain('campus-secret');
    expect(text).not.toContain('auth-key-123');
  });

  it('lists every mistake with its path and what to do', () => {
    const bad = {
      ...good,
      colector: {},
      schedule: { pollIntervalSeconds: 0 },
      devices: [
        { name: 'a', host: 'not a host!', credentials: 'nope' },
        { name: 'b', host: '10.20.1.2', credentials: 'campus' },
        { name: 'c', host: '10.20.1.2', credentials: 'campus' },
      ],
    };
    const found = problems(bad);
    const paths = found.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '(file)',
        'schedule.pollIntervalSeconds',
        'devices.0.host',
        'devices.0.credentials',
        'devices.2.host',
      ]),
    );
    expect(found.find((p) => p.path === '(file)')?.message).toContain('"colector"');
    expect(found.find((p) => p.path === 'devices.0.credentials')?.message).toContain(
      'campus, core',
    );
    expect(found.find((p) => p.path === 'devices.2.host')?.message).toContain('devices[1]');
  });

  it("says each mistake in Chinese and in English, the schema's words and zod's alike", () => {
    const found = problems({
      ...good,
      schedule: { pollIntervalSeconds: 0 },
      devices: [
        { name: 'a', host: '10.20.1.1', credentials: 'nope' },
        { name: '', host: '10.20.1.2', credentials: 'campus' },
      ],
    });
    const of = (p: string) => found.find((f) => f.path === p);
    expect(problemText(of('devices.1.name') ?? { path: '', message: '' }, 'zh-CN')).toBe(
      '不能为空',
    );
    const interval = of('schedule.pollIntervalSeconds') ?? { path: '', message: '' };
    // A bound is said in words in both languages: zod's zh-CN text would read
    // "数值过小：期望 number >=…", with the JavaScript type's English name in it.
    expect(problemText(interval, 'zh-CN')).toMatch(/^应为不小于 \d+ 的数$/);
    expect(interval.message).toMatch(/^must be a number no less than \d+$/);
    const credentials = of('devices.0.credentials') ?? { path: '', message: '' };
    expect(problemText(credentials, 'zh-CN')).toBe(
      '没有名为 "nope" 的凭据；请在 "credentials" 下定义，或改用以下之一：campus, core',
    );
    expect(problemText(credentials, 'en')).toBe(credentials.message);
    expect(credentials.message).toBe(
      'no credentials named "nope"; define it under "credentials" or use one of: campus, core',
    );
    // A problem made elsewhere, with English only, is shown as it is.
    expect(problemText({ path: 'x', message: 'raw' }, 'zh-CN')).toBe('raw');
  });

  it('bounds the devices so that listed plus discovered ones always fit one report', () => {
    expect(MAX_CONFIGURED_DEVICES + MAX_DISCOVERED_DEVICES).toBeLessThanOrEqual(MAX_REPORT_DEVICES);
    const listed = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        name: `d${i}`,
        host: `10.${i >> 8}.${i & 255}.1`,
        credentials: 'campus',
      }));
    expect(problems({ ...good, devices: listed(MAX_CONFIGURED_DEVICES) })).toEqual([]);
    const over = problems({ ...good, devices: listed(MAX_CONFIGURED_DEVICES + 1) });
    expect(over).toEqual([
      expect.objectContaining({
        path: 'devices',
        message: expect.stringContaining('split them between agents') as string,
        text: expect.objectContaining({
          'zh-CN': '一个采集端最多轮询 2000 台列出的设备；请把设备分给多个采集端（例如每个镇一个）',
        }) as unknown,
      }),
    ]);
    const discovery = { maxDevices: MAX_DISCOVERED_DEVICES + 1 };
    expect(problems({ ...good, discovery }).map((p) => p.path)).toEqual(['discovery.maxDevices']);
  });

  it('requires the keys an SNMPv3 level needs, and a real token', () => {
    const found = problems({
      ...good,
      collector: { url: 'ftp://x', token: 'abc' },
      credentials: { v3: { version: '3', user: 'u', level: 'authPriv', authKey: 'auth-key-123' } },
      devices: [],
    });
    expect(found.map((p) => p.path)).toEqual(
      expect.arrayContaining(['collector.url', 'collector.token', 'credentials.v3.privKey']),
    );
  });

  it('says how to get a config when the file is missing or not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xw-config-'));
    expect(() => loadConfig(path.join(dir, 'missing.json'))).toThrow(/enroll/);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "collector": ');
    expect(() => loadConfig(broken)).toThrow(/not valid JSON/);
    const said = (file: string) => {
      try {
        loadConfig(file);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.map((p) => problemText(p, 'zh-CN'));
      }
      return [];
    };
    expect(said(path.join(dir, 'missing.json'))[0]).toMatch(
      /^找不到：请先运行 "xiaowang-agent enroll/,
    );
    expect(said(broken)[0]).toMatch(/^不是有效的 JSON：/);
  });
});
