import { describe, expect, it } from 'vitest';
import { entitySchema } from '@xiaowang/shared';
import { parseSnmprec } from '@xiaowang/seeds';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { PollContext } from './check.ts';
import { entityCheck } from './entity.ts';

const CTX: PollContext = { sysObjectID: null, enterprise: null, sysDescr: null };
const ENT = '1.3.6.1.2.1.47.1.1.1.1';

const CLASS = { chassis: 3, container: 5, powerSupply: 6, module: 9, port: 10, stack: 11 };

interface Row {
  index: number;
  containedIn: number;
  cls: number;
  descr?: string;
  name?: string;
  hw?: string;
  fw?: string;
  sw?: string;
  serial?: string;
  mfg?: string;
  model?: string;
}

/** snmprec lines for entPhysicalTable rows; absent fields are served as empty strings. */
function lines(rows: readonly Row[]): string[] {
  const text = (col: number, value: string | undefined) => (r: Row) =>
    `${ENT}.${col}.${r.index}|4|${value ?? ''}`;
  return rows.flatMap((r) => [
    text(2, r.descr)(r),
    `${ENT}.4.${r.index}|2|${r.containedIn}`,
    `${ENT}.5.${r.index}|2|${r.cls}`,
    text(7, r.name)(r),
    text(8, r.hw)(r),
    text(9, r.fw)(r),
    text(10, r.sw)(r),
    text(11, r.serial)(r),
    text(12, r.mfg)(r),
    text(13, r.model)(r),
    `${ENT}.17.${r.index}|4x|07e4010100000000`,
  ]);
}

function entity(rows: readonly Row[], ...extra: string[]) {
  const { varbinds } = parseSnmprec([...lines(rows), ...extra].join('\n'));
  const out = entityCheck.extract(walkSetFromVarbinds(varbinds, entityCheck.plan(CTX)), CTX).entity;
  if (out !== null) expect(() => entitySchema.parse(out)).not.toThrow();
  return out;
}

describe('entity: choosing the box (J13)', () => {
  it('uses the chassis row with its own serial and firmware', () => {
    const out = entity([
      {
        index: 1,
        containedIn: 0,
        cls: CLASS.chassis,
        descr: 'S5735 Switch',
        name: 'S5735',
        model: 'S5735-L48T4X',
        serial: 'SN-CHASSIS',
        sw: 'V200R021',
        fw: 'FW1',
        hw: 'VER.B',
        mfg: 'Huawei',
      },
      { index: 9, containedIn: 1, cls: CLASS.module, name: 'Board 0', serial: 'SN-BOARD' },
    ]);
    expect(out).toEqual({
      entPhysicalIndex: 1,
      model: 'S5735-L48T4X',
      serial: 'SN-CHASSIS',
      firmware: 'V200R021',
      serialFrom: 'chassis',
      firmwareFrom: 'chassis',
      descr: 'S5735 Switch',
      name: 'S5735',
      mfgName: 'Huawei',
      hardwareRev: 'VER.B',
      firmwareRev: 'FW1',
      softwareRev: 'V200R021',
      selection: 'entPhysicalClass chassis(3)',
      chassisCount: 1,
    });
  });

  it('takes serial and firmware from the first module inside the chassis', () => {
    const out = entity([
      { index: 3, containedIn: 0, cls: CLASS.chassis, descr: 'school-ac-01', name: 'AC-100' },
      { index: 4, containedIn: 3, cls: CLASS.powerSupply, name: 'PSU', serial: 'SN-PSU' },
      { index: 5, containedIn: 3, cls: CLASS.container, name: 'Board slot 0' },
      {
        index: 9,
        containedIn: 5,
        cls: CLASS.module,
        name: 'Main Board 0',
        serial: 'SN-BOARD0',
        fw: '42',
      },
      { index: 12, containedIn: 5, cls: CLASS.module, name: 'Card 1', serial: 'SN-CARD', sw: 'V1' },
      { index: 2, containedIn: 0, cls: CLASS.module, name: 'Elsewhere', serial: 'SN-OTHER' },
    ]);
    expect(out).toMatchObject({
      entPhysicalIndex: 3,
      model: 'AC-100',
      descr: 'school-ac-01',
      serial: 'SN-BOARD0',
      serialFrom: 'entPhysicalIndex 9 (Main Board 0)',
      firmware: '42',
      firmwareFrom: 'entPhysicalIndex 9',
      softwareRev: null,
    });
  });

  it('leaves serial null when only non-module rows have one', () => {
    const out = entity([
      { index: 65536, containedIn: 0, cls: CLASS.chassis, name: 'ARM Cortex-A53' },
      { index: 131073, containedIn: 65536, cls: 2, name: '1-0', serial: 'usb0-ctrl' },
    ]);
    expect(out).toMatchObject({
      serial: null,
      serialFrom: null,
      firmware: null,
      firmwareFrom: null,
    });
  });

  it('falls back to top-level rows without a chassis, trimming text', () => {
    const out = entity([
      {
        index: 1,
        containedIn: 0,
        cls: CLASS.stack,
        descr: ' Stack ',
        name: 'stk-1',
        mfg: 'XS-2400',
        model: '  ',
      },
      { index: 101, containedIn: 1, cls: CLASS.container, name: 'unit.1', serial: 'SN-UNIT' },
      {
        index: 201,
        containedIn: 101,
        cls: CLASS.module,
        name: 'mgmt.1',
        serial: ' SN-MGMT ',
        fw: '2.3.1',
      },
      { index: 1001, containedIn: 101, cls: CLASS.port, descr: ' Port 1 ' },
    ]);
    expect(out).toMatchObject({
      entPhysicalIndex: 1,
      model: 'stk-1',
      descr: 'Stack',
      mfgName: 'XS-2400',
      hardwareRev: null,
      serial: 'SN-MGMT',
      serialFrom: 'entPhysicalIndex 201 (mgmt.1)',
      firmware: '2.3.1',
      firmwareFrom: 'entPhysicalIndex 201',
      selection:
        'no chassis(3) row in the walk; top-level row(s) with entPhysicalContainedIn = 0 used',
      chassisCount: 1,
    });
    expect(out).not.toHaveProperty('chassis');
  });

  it('lists every chassis of a stack and describes the lowest index', () => {
    const out = entity([
      {
        index: 2001,
        containedIn: 0,
        cls: CLASS.chassis,
        name: '2',
        model: 'SW-24P',
        serial: 'SN2',
      },
      {
        index: 1001,
        containedIn: 0,
        cls: CLASS.chassis,
        name: '1',
        descr: 'SW-48P desc',
        serial: 'SN1',
      },
      { index: 3001, containedIn: 0, cls: CLASS.chassis, name: '3', model: 'SW-48P' },
    ]);
    expect(out).toMatchObject({ entPhysicalIndex: 1001, model: '1', chassisCount: 3 });
    expect(out?.chassis).toEqual([
      { entPhysicalIndex: 1001, model: '1', serial: 'SN1' },
      { entPhysicalIndex: 2001, model: 'SW-24P', serial: 'SN2' },
      { entPhysicalIndex: 3001, model: 'SW-48P', serial: null },
    ]);
  });

  it('picks the model from ModelName, else Name, else Descr', () => {
    const only = (row: Omit<Row, 'index' | 'containedIn' | 'cls'>) =>
      entity([{ index: 1, containedIn: 0, cls: CLASS.chassis, ...row }])?.model;
    expect(only({ model: 'M', name: 'N', descr: 'D' })).toBe('M');
    expect(only({ name: 'N', descr: 'D' })).toBe('N');
    expect(only({ descr: 'D' })).toBe('D');
    expect(only({})).toBeNull();
  });

  it('prefers SoftwareRev to FirmwareRev', () => {
    const row = { index: 1, containedIn: 0, cls: CLASS.chassis };
    expect(entity([{ ...row, sw: 'SW', fw: 'FW' }])?.firmware).toBe('SW');
    expect(entity([{ ...row, fw: 'FW' }])?.firmware).toBe('FW');
  });

  it('is null with neither a chassis nor a top-level row, or no table at all', () => {
    expect(entity([{ index: 5, containedIn: 4, cls: CLASS.port, name: 'p' }])).toBeNull();
    expect(entity([])).toBeNull();
  });

  it('does not walk MfgDate or other unused columns', () => {
    const { subtrees } = entityCheck.plan(CTX);
    expect(subtrees).not.toContain(ENT);
    expect(subtrees).not.toContain(`${ENT}.17`);
    expect(subtrees).toContain(`${ENT}.11`);
  });
});
