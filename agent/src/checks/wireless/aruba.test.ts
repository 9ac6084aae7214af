import { describe, expect, it } from 'vitest';
import type { Varbind } from '../../snmp/varbind.ts';
import { arubaWireless } from './aruba.ts';
import { gauge, int, macSubIds, polled, utf8 } from './testing.ts';

const AP = '1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1';
const RADIO = '1.3.6.1.4.1.14823.2.2.1.5.2.1.5.1';
const INSTANT = '1.3.6.1.4.1.14823.2.3.3.1.2.1.1';
const TOTAL = '1.3.6.1.4.1.14823.2.2.1.1.3.1.0';
const A = macSubIds('00:4e:35:00:00:01');
const B = macSubIds('04:bd:88:00:00:02');

// Two radios per AP; the switch scalar says 4, which is radios, not APs.
const radios: Varbind[] = [
  gauge(`${RADIO}.7.${A}.1`, 3),
  gauge(`${RADIO}.7.${A}.2`, 18),
  gauge(`${RADIO}.7.${B}.1`, 5),
  gauge(`${RADIO}.7.${B}.2`, 0),
  utf8(`${RADIO}.16.${A}.1`, 'ap-a'),
  utf8(`${RADIO}.16.${A}.2`, 'ap-a'),
  utf8(`${RADIO}.16.${B}.1`, 'ap-b'),
  utf8(`${RADIO}.16.${B}.2`, 'ap-b'),
  gauge(TOTAL, 4),
];

const extract = (varbinds: readonly Varbind[]) =>
  arubaWireless.extract(polled(arubaWireless.plan, varbinds));

describe('Aruba controller', () => {
  it('counts distinct APs of the radio table when the AP table is absent', () => {
    const got = extract(radios);
    expect(got?.apCount).toBe(2);
    expect(got?.apsOnline).toBeNull();
    expect(got?.apSource?.kind).toBe('radioTable');
    expect(got?.apSource?.detail).toContain('= 4');
    expect(got?.aps).toEqual([
      {
        mac: '00:4e:35:00:00:01',
        name: 'ap-a',
        model: null,
        serial: null,
        online: null,
        clients: 21,
        radios: 2,
      },
      {
        mac: '04:bd:88:00:00:02',
        name: 'ap-b',
        model: null,
        serial: null,
        online: null,
        clients: 5,
        radios: 2,
      },
    ]);
  });

  it('prefers wlsxWlanAPTable with status, clients still from the radios', () => {
    const got = extract([
      utf8(`${AP}.3.${A}`, 'ap-a'),
      utf8(`${AP}.6.${A}`, 'CN0000001'),
      utf8(`${AP}.13.${A}`, 'AP-515'),
      int(`${AP}.19.${A}`, 1),
      utf8(`${AP}.3.${B}`, 'ap-b'),
      int(`${AP}.19.${B}`, 2),
      ...radios,
    ]);
    expect(got).toMatchObject({ apCount: 2, apsOnline: 1 });
    expect(got?.apSource?.kind).toBe('table');
    expect(got?.aps?.[0]).toEqual({
      mac: '00:4e:35:00:00:01',
      name: 'ap-a',
      model: 'AP-515',
      serial: 'CN0000001',
      online: true,
      clients: 21,
    });
    expect(got?.aps?.[1]?.online).toBe(false);
  });
});

describe('Aruba Instant virtual controller', () => {
  it('reads aiAccessPointTable with aiAPStatus up(1)', () => {
    const got = extract([
      utf8(`${INSTANT}.2.${A}`, 'instant-1'),
      utf8(`${INSTANT}.4.${A}`, 'PHRC000001'),
      utf8(`${INSTANT}.6.${A}`, '635'),
      int(`${INSTANT}.11.${A}`, 1),
      utf8(`${INSTANT}.2.${B}`, 'instant-2'),
      int(`${INSTANT}.11.${B}`, 2),
    ]);
    expect(got).toMatchObject({ apCount: 2, apsOnline: 1 });
    expect(got?.aps?.[0]).toEqual({
      mac: '00:4e:35:00:00:01',
      name: 'instant-1',
      model: '635',
      serial: 'PHRC000001',
      online: true,
      clients: null,
    });
  });

  it('never counts the switch scalar alone', () => {
    expect(extract([gauge(TOTAL, 1386)])).toBeNull();
  });
});
