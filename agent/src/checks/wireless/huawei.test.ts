import { describe, expect, it } from 'vitest';
import { huaweiWireless } from './huawei.ts';
import { gauge, hexOctets, int, macSubIds, polled, utf8 } from './testing.ts';

const AP = '1.3.6.1.4.1.2011.6.139.13.3.3.1';
const RADIO = '1.3.6.1.4.1.2011.6.139.16.1.2.1';
const JOINED = '1.3.6.1.4.1.2011.6.139.12.1.2.1.0';
const A = macSubIds('00:e0:fc:00:00:01');
const B = macSubIds('00:e0:fc:00:00:02');
const C = macSubIds('00:e0:fc:00:00:03');

const extract = (varbinds: Parameters<typeof polled>[1]) =>
  huaweiWireless.extract(polled(huaweiWireless.plan, varbinds));

describe('Huawei hwWlanApTable', () => {
  const table = [
    utf8(`${AP}.2.${A}`, '2102353EJ6NX00000001'),
    utf8(`${AP}.2.${B}`, '2102353EJ6NX00000002'),
    hexOctets(`${AP}.2.${C}`, '0102ff00'),
    utf8(`${AP}.3.${A}`, 'AP4050DN'),
    utf8(`${AP}.3.${B}`, 'AP4050DN'),
    utf8(`${AP}.3.${C}`, 'AP6050DN'),
    // UTF-8 name padded with NULs, as some agents send it
    hexOctets(`${AP}.4.${A}`, Buffer.from('县实验小学-2F-207').toString('hex') + '00000000'),
    utf8(`${AP}.4.${B}`, '县实验小学-1F-108'),
    utf8(`${AP}.4.${C}`, '00e0-fc00-0003'),
    utf8(`${AP}.5.${A}`, 'sysx'),
    utf8(`${AP}.5.${B}`, 'sysx'),
    int(`${AP}.6.${A}`, 8),
    int(`${AP}.6.${B}`, 4),
    int(`${AP}.6.${C}`, 1),
    int(`${AP}.44.${A}`, 37),
    int(`${AP}.44.${B}`, 0),
    // two radio rows per AP: never APs
    int(`${RADIO}.40.${A}.0`, 20),
    int(`${RADIO}.40.${A}.1`, 17),
    gauge(JOINED, 5),
  ];

  it('counts APs by index and online by run state normal(8), not by the scalar', () => {
    const got = extract(table);
    expect(got?.apCount).toBe(3);
    expect(got?.apsOnline).toBe(1);
    expect(got?.apSource?.kind).toBe('table');
    expect(got?.apSource?.detail).toContain('hwWlanCurJointApNum');
    expect(got?.aps?.map((ap) => ap.online)).toEqual([true, false, false]);
  });

  it('decodes names, keeps groups and hexes a binary serial', () => {
    const [a, b, c] = extract(table)?.aps ?? [];
    expect(a).toEqual({
      mac: '00:e0:fc:00:00:01',
      name: '县实验小学-2F-207',
      model: 'AP4050DN',
      serial: '2102353EJ6NX00000001',
      online: true,
      clients: 37,
      apGroup: 'sysx',
    });
    expect(b?.clients).toBe(0);
    expect(c?.serial).toBe('0102ff00');
    expect(c?.apGroup).toBeNull();
    expect(c?.clients).toBeNull();
  });

  it('without a state column takes online from hwWlanCurJointApNum and omits apGroup', () => {
    const got = extract([
      utf8(`${AP}.2.${A}`, 'SN1'),
      utf8(`${AP}.4.${A}`, 'TestAP'),
      gauge(JOINED, 1),
    ]);
    expect(got?.apCount).toBe(1);
    expect(got?.apsOnline).toBe(1);
    expect(got?.aps?.[0]?.online).toBeNull();
    expect(got?.aps?.[0]).not.toHaveProperty('apGroup');
  });

  it('falls back to the scalar alone, even at 0 (a router with the AC feature)', () => {
    const got = extract([gauge(JOINED, 0)]);
    expect(got).toMatchObject({ apCount: 0, apsOnline: 0, aps: null });
    expect(got?.apSource?.kind).toBe('scalar');
  });

  it('says nothing when neither the table nor the scalar answers', () => {
    expect(extract([])).toBeNull();
  });
});
