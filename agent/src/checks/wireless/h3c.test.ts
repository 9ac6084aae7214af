import { describe, expect, it } from 'vitest';
import type { Varbind } from '../../snmp/varbind.ts';
import { h3cOldTreeWireless, h3cWireless } from './h3c.ts';
import { GB18030, gauge, hexOctets, int, polled, stringIndex, utf8 } from './testing.ts';

const ROOT = '1.3.6.1.4.1.25506.2.75';
const STATUS = `${ROOT}.2.1.1.1`;
const OBJECT = `${ROOT}.2.1.2.1`;
const BRIEF = `${ROOT}.2.1.12.1`;
const CONNECTING = `${ROOT}.1.1.2.1.0`;
const CONNECTED = `${ROOT}.1.1.2.21.0`;

// Status and object tables are indexed by the AP ID (here the serial) as `len.<ASCII>`.
const RUNNING = stringIndex('219801A0KM000000001');
const JOINING = stringIndex('219801A0KM000000002');
const GBK_AP = stringIndex('219801A0KM000000003');
const GBK_NAME = Buffer.from(GB18030['河西村小-1F-101'], 'hex');
const UTF8_NAME = '城关小学-2F-207';

function ap(id: string, mac: string, status: number, template: string): Varbind[] {
  return [
    hexOctets(`${STATUS}.3.${id}`, mac),
    int(`${STATUS}.4.${id}`, status),
    utf8(`${STATUS}.5.${id}`, template),
  ];
}

function brief(name: string | Uint8Array, mac: string, serial: string, clients: number): Varbind[] {
  const index = stringIndex(name);
  return [
    utf8(`${BRIEF}.2.${index}`, serial),
    utf8(`${BRIEF}.3.${index}`, 'WA5320'),
    hexOctets(`${BRIEF}.17.${index}`, mac),
    int(`${BRIEF}.21.${index}`, clients),
  ];
}

const walk: Varbind[] = [
  ...ap(RUNNING, '3c8c40e37058', 5, 'template-a'),
  ...ap(JOINING, '000fe202b07b', 1, 'template-b'),
  ...ap(GBK_AP, '000fe295e1e6', 3, 'template-c'),
  // only the running AP is in the object table
  int(`${OBJECT}.7.${RUNNING}`, 14),
  utf8(`${OBJECT}.8.${RUNNING}`, UTF8_NAME),
  utf8(`${OBJECT}.9.${RUNNING}`, 'WA6320'),
  ...brief(UTF8_NAME, '3c8c40e37058', '219801A0KM000000001', 99),
  ...brief(GBK_NAME, '000fe295e1e6', '219801A0KM000000003', 0),
  gauge(CONNECTING, 2),
  gauge(CONNECTED, 1),
];

const extract = (varbinds: readonly Varbind[]) =>
  h3cWireless.extract(polled(h3cWireless.plan, varbinds));

describe('H3C status + object + brief tables', () => {
  it('counts the status table and takes online from run(5), not from the scalars', () => {
    const got = extract(walk);
    expect(got?.apCount).toBe(3);
    expect(got?.apsOnline).toBe(1);
    expect(got?.apSource?.kind).toBe('table');
    expect(got?.apSource?.detail).toContain('= 2');
  });

  it('prefers the object table, then the brief table joined on MAC, then the template name', () => {
    const [running, joining, gbk] = extract(walk)?.aps ?? [];
    expect(running).toEqual({
      mac: '3c:8c:40:e3:70:58',
      name: UTF8_NAME,
      model: 'WA6320',
      serial: '219801A0KM000000001',
      online: true,
      clients: 14,
    });
    expect(joining).toEqual({
      mac: '00:0f:e2:02:b0:7b',
      name: 'template-b',
      model: null,
      serial: null,
      online: false,
      clients: null,
    });
    // the brief index carries GB18030 bytes above 127; the name is decoded from it
    expect(gbk).toMatchObject({ name: '河西村小-1F-101', model: 'WA5320', clients: 0 });
    expect(gbk?.serial).toBe('219801A0KM000000003');
    expect(running).not.toHaveProperty('apGroup');
  });

  it('reads nothing without the status table, even when the brief table answers', () => {
    expect(extract(walk.filter((vb) => !vb.oid.startsWith(STATUS)))).toBeNull();
  });

  it('reads the same tables under the old Huawei-3Com tree', () => {
    const old = walk.map((vb) => ({
      ...vb,
      oid: vb.oid.replace(ROOT, '1.3.6.1.4.1.2011.10.2.75'),
    }));
    const got = h3cOldTreeWireless.extract(polled(h3cOldTreeWireless.plan, old));
    expect(got?.apCount).toBe(3);
    // no brief table on the old tree: the GB18030 AP keeps its template name
    expect(got?.aps?.[2]?.name).toBe('template-c');
  });
});
