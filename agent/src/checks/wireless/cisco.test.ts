import { describe, expect, it } from 'vitest';
import type { Varbind } from '../../snmp/varbind.ts';
import { ciscoWireless } from './cisco.ts';
import { gauge, int, macSubIds, polled, utf8 } from './testing.ts';

const AP = '1.3.6.1.4.1.14179.2.2.1.1';
const LOAD = '1.3.6.1.4.1.14179.2.2.13.1';
const CONNECT_COUNT = '1.3.6.1.4.1.9.9.618.1.8.4.0';
const A = macSubIds('00:11:22:33:44:01');
const B = macSubIds('00:11:22:33:44:02');

const walk: Varbind[] = [
  utf8(`${AP}.3.${A}`, 'AP-Library'),
  utf8(`${AP}.3.${B}`, 'AP-Gym'),
  int(`${AP}.6.${A}`, 1),
  int(`${AP}.6.${B}`, 3),
  utf8(`${AP}.16.${A}`, 'AIR-AP2802I-H-K9'),
  utf8(`${AP}.17.${A}`, 'FCW2200A001'),
  // clients per radio slot: 5 + 7 on A, none reported for B
  gauge(`${LOAD}.4.${A}.0`, 5),
  gauge(`${LOAD}.4.${A}.1`, 7),
  gauge(CONNECT_COUNT, 9),
];

const extract = (varbinds: readonly Varbind[]) =>
  ciscoWireless.extract(polled(ciscoWireless.plan, varbinds));

describe('Cisco bsnAPTable', () => {
  it('counts APs, online = associated(1), clients summed over radio slots', () => {
    const got = extract(walk);
    expect(got?.apCount).toBe(2);
    expect(got?.apsOnline).toBe(1);
    expect(got?.apSource?.kind).toBe('table');
    expect(got?.aps).toEqual([
      {
        mac: '00:11:22:33:44:01',
        name: 'AP-Library',
        model: 'AIR-AP2802I-H-K9',
        serial: 'FCW2200A001',
        online: true,
        clients: 12,
      },
      {
        mac: '00:11:22:33:44:02',
        name: 'AP-Gym',
        model: null,
        serial: null,
        online: false,
        clients: null,
      },
    ]);
  });

  it('falls back to clsSysApConnectCount for both figures', () => {
    const got = extract([gauge(CONNECT_COUNT, 9)]);
    expect(got).toMatchObject({ apCount: 9, apsOnline: 9, aps: null });
    expect(got?.apSource?.kind).toBe('scalar');
  });

  it('says nothing on a Catalyst switch', () => {
    expect(extract([])).toBeNull();
  });
});
