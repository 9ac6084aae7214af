import { describe, expect, it } from 'vitest';
import type { Varbind } from '../../snmp/varbind.ts';
import { ruijieWireless } from './ruijie.ts';
import { GB18030, gauge, hexOctets, int, macSubIds, polled, utf8 } from './testing.ts';

const CFG = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.1.1';
const OFFLINE = '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.5.1';
const AC = '1.3.6.1.4.1.4881.1.1.10.2.56.1.1';
const ONLINE = macSubIds('00:d0:f8:05:de:ab');
const KINDERGARTEN = macSubIds('00:d0:f8:10:f5:f5');
const OFFLINE_ONLY = macSubIds('58:69:6c:0f:3f:9a');

const walk: Varbind[] = [
  utf8(`${CFG}.2.${ONLINE}`, '第二中学-机房'),
  hexOctets(`${CFG}.2.${KINDERGARTEN}`, GB18030['实验幼儿园-中一班']),
  utf8(`${CFG}.3.${ONLINE}`, 'dezx'),
  hexOctets(`${CFG}.3.${KINDERGARTEN}`, GB18030.新华小学),
  utf8(`${CFG}.32.${ONLINE}`, 'G19N476752542'),
  utf8(`${CFG}.32.${KINDERGARTEN}`, 'G1ZM010035471'),
  int(`${CFG}.34.${ONLINE}`, 12),
  int(`${CFG}.34.${KINDERGARTEN}`, 0),
  utf8(`${CFG}.39.${ONLINE}`, 'AP180'),
  utf8(`${CFG}.39.${KINDERGARTEN}`, 'AP720-L'),
  int(`${CFG}.48.${ONLINE}`, 1),
  int(`${CFG}.48.${KINDERGARTEN}`, 2),
  utf8(`${OFFLINE}.2.${OFFLINE_ONLY}`, '新华小学-1F-105'),
  hexOctets(`${OFFLINE}.3.${OFFLINE_ONLY}`, '58696c0f3f9a'),
  gauge(`${AC}.11.0`, 7),
  gauge(`${AC}.80.0`, 1),
  gauge(`${AC}.81.0`, 8),
];

const extract = (varbinds: readonly Varbind[]) =>
  ruijieWireless.extract(polled(ruijieWireless.plan, varbinds));

describe('Ruijie config table merged with the offline table', () => {
  it('counts distinct MACs of both tables; online from ruijieApState 1 only', () => {
    const got = extract(walk);
    expect(got?.apCount).toBe(3);
    expect(got?.apsOnline).toBe(1);
    expect(got?.apSource?.kind).toBe('table');
    expect(got?.aps?.map((ap) => ap.mac)).toEqual([
      '00:d0:f8:05:de:ab',
      '00:d0:f8:10:f5:f5',
      '58:69:6c:0f:3f:9a',
    ]);
  });

  it('decodes UTF-8 and GB18030 names and groups', () => {
    const [first, second] = extract(walk)?.aps ?? [];
    expect(first).toEqual({
      mac: '00:d0:f8:05:de:ab',
      name: '第二中学-机房',
      model: 'AP180',
      serial: 'G19N476752542',
      online: true,
      clients: 12,
      apGroup: 'dezx',
    });
    expect(second).toMatchObject({ name: '实验幼儿园-中一班', apGroup: '新华小学', online: false });
  });

  it('gives an AP found only in the offline table its name, offline, nulls elsewhere', () => {
    expect(extract(walk)?.aps?.[2]).toEqual({
      mac: '58:69:6c:0f:3f:9a',
      name: '新华小学-1F-105',
      model: null,
      serial: null,
      online: false,
      clients: null,
      apGroup: null,
    });
  });

  it('counts an offline-only controller from the offline table alone', () => {
    const got = extract(walk.filter((vb) => !vb.oid.startsWith(CFG)));
    expect(got?.apCount).toBe(1);
    expect(got?.aps?.[0]).not.toHaveProperty('apGroup');
  });

  it('falls back to ruijieAcTotalApNum and ruijieAcApNum without either table', () => {
    const got = extract(walk.filter((vb) => vb.oid.startsWith(AC)));
    expect(got).toMatchObject({ apCount: 8, apsOnline: 7, aps: null });
    expect(got?.apSource?.kind).toBe('scalar');
  });

  it('says nothing on a Ruijie switch', () => {
    expect(extract([])).toBeNull();
  });
});
