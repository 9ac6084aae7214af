import { describe, expect, it } from 'vitest';
import { en, t, zhCN } from './index.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogue', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'probe.heading', { host: '127.0.0.1', port: 161 })).toBe('Device 127.0.0.1:161');
    expect(t('zh-CN', 'probe.heading', { host: 'h' })).toBe('设备 h:{port}');
  });
});
