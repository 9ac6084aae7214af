import { describe, expect, it } from 'vitest';
import { agentMessages } from './areas/agent.ts';
import { collectorMessages } from './areas/collector.ts';
import { doctorMessages } from './areas/doctor.ts';
import { ingestMessages } from './areas/ingest.ts';
import { inventoryMessages } from './areas/inventory.ts';
import { complianceMessages } from './areas/compliance.ts';
import { targetsMessages } from './areas/targets.ts';
import { digestMessages } from './areas/digest.ts';
import { webMessages } from './areas/web.ts';
import { usersMessages } from './areas/users.ts';
import { demoMessages } from './areas/demo.ts';
import { resilienceMessages } from './areas/resilience.ts';
import { databaseMessages } from './areas/database.ts';
import { en, t, zhCN } from './index.ts';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogue', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no key defined in two areas (a spread would silently drop one)', () => {
    const areas = [
      agentMessages,
      collectorMessages,
      doctorMessages,
      ingestMessages,
      inventoryMessages,
      complianceMessages,
      targetsMessages,
      digestMessages,
      webMessages,
      usersMessages,
      demoMessages,
      resilienceMessages,
      databaseMessages,
    ];
    const total = areas.reduce((n, a) => n + Object.keys(a.en).length, 0);
    expect(Object.keys(en)).toHaveLength(total);
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
