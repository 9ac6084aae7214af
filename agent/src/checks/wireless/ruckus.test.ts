import { describe, expect, it } from 'vitest';
import type { Varbind } from '../../snmp/varbind.ts';
import { ruckusWireless } from './ruckus.ts';
import { gauge, int, macSubIds, polled, stringIndex, utf8 } from './testing.ts';

const ZD_AP = '1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1';
const ZD_WLAN = '1.3.6.1.4.1.25053.1.2.2.1.1.1.1.1';
const ZD_NUM_AP = '1.3.6.1.4.1.25053.1.2.1.1.1.15.1.0';
const ZD_REGISTERED = '1.3.6.1.4.1.25053.1.2.1.1.1.15.15.0';
const SZ_NUM_AP = '1.3.6.1.4.1.25053.1.4.1.1.1.15.1.0';
const SZ_NODE = '1.3.6.1.4.1.25053.1.8.1.1.1.1.1.1';
const UNLEASHED = '1.3.6.1.4.1.25053.1.15.1.1.1.15.1.0';

const extract = (varbinds: readonly Varbind[]) =>
  ruckusWireless.extract(polled(ruckusWireless.plan, varbinds));

describe('Ruckus controllers', () => {
  it('ZoneDirector scalars: count = registered, online = connected; SSID rows ignored', () => {
    const got = extract([
      gauge(ZD_NUM_AP, 4),
      gauge(ZD_REGISTERED, 8),
      utf8(`${ZD_WLAN}.1.1`, 'school-wifi'),
      gauge(`${ZD_WLAN}.12.1`, 6),
    ]);
    expect(got).toMatchObject({ apCount: 8, apsOnline: 4, aps: null });
    expect(got?.apSource?.kind).toBe('scalar');
  });

  it('ZoneDirector without the registered scalar counts the connected APs', () => {
    expect(extract([gauge(ZD_NUM_AP, 4)])).toMatchObject({ apCount: 4, apsOnline: 4 });
  });

  it('SmartZone: online is the sum over cluster nodes', () => {
    const got = extract([
      gauge(SZ_NUM_AP, 40),
      gauge(`${SZ_NODE}.19.${stringIndex('211838000212')}`, 30),
      gauge(`${SZ_NODE}.19.${stringIndex('211838000213')}`, 6),
      gauge(`${SZ_NODE}.10.${stringIndex('211838000212')}`, 76),
    ]);
    expect(got).toMatchObject({ apCount: 40, apsOnline: 36, aps: null });
    expect(got?.apSource?.kind).toBe('scalar');
  });

  it('Unleashed: one scalar for both figures', () => {
    expect(extract([gauge(UNLEASHED, 3)])).toMatchObject({ apCount: 3, apsOnline: 3 });
  });

  it.each([
    ['bare', ''],
    ['length-prefixed', '6.'],
  ])('ZoneDirector AP table, MAC index %s', (_name, prefix) => {
    const up = `${prefix}${macSubIds('2c:5d:93:00:00:01')}`;
    const down = `${prefix}${macSubIds('2c:5d:93:00:00:02')}`;
    const got = extract([
      utf8(`${ZD_AP}.2.${up}`, 'ZD-AP-1'),
      int(`${ZD_AP}.3.${up}`, 1),
      utf8(`${ZD_AP}.4.${up}`, 'zf7372'),
      gauge(`${ZD_AP}.15.${up}`, 4),
      utf8(`${ZD_AP}.2.${down}`, 'ZD-AP-2'),
      int(`${ZD_AP}.3.${down}`, 0),
      gauge(ZD_NUM_AP, 1),
      gauge(ZD_REGISTERED, 2),
    ]);
    expect(got).toMatchObject({ apCount: 2, apsOnline: 1 });
    expect(got?.apSource?.kind).toBe('table');
    expect(got?.aps?.map((ap) => [ap.mac, ap.name, ap.online, ap.clients])).toEqual([
      ['2c:5d:93:00:00:01', 'ZD-AP-1', true, 4],
      ['2c:5d:93:00:00:02', 'ZD-AP-2', false, null],
    ]);
  });

  it('says nothing when no Ruckus AP source answers', () => {
    expect(extract([])).toBeNull();
  });
});
