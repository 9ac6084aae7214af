import type { SchoolSpec } from './scenario-spec.ts';
import { daily, down, OWN_AC, rooms, S, steady, up } from './scenario-spec.ts';
import { DAY, within } from './scenario-time.ts';

/* Town B 河口镇: each school with what it exercises. */

export const TOWN_B: readonly SchoolSpec[] = [
  // B1: county AC by name prefix; AP 207 online only on 11-21 (first day of the window), 208
  // only on 11-20 (outside), 计算机室 only on 11-24; 走廊 names no room; uplink down
  // 13:02–14:57 (24 polls) on 11-27 only (met again on 11-28).
  {
    key: 'B1',
    town: 'B',
    name: '河口镇中心校',
    code: 'QX-B1',
    kind: 'central',
    rooms: [
      ...rooms(['201', '202', '203', '204', '205', '206', '207', '208']),
      ['计算机室', S],
      ['办公室', 'office'],
    ],
    apSource: { via: 'county-ac', rule: { kind: 'prefix', pattern: 'HKZX-' }, group: 'HKZX' },
    aps: [
      ...daily('HKZX', ['201', '202', '203', '204', '205', '206']),
      { name: 'HKZX-207', online: ['2026-11-21'] },
      { name: 'HKZX-208', online: ['2026-11-20'] },
      { name: 'HKZX-计算机室', online: ['2026-11-24'] },
      ...daily('HKZX', ['走廊']),
    ],
    uplink: {
      how: 'designated',
      alias: '电信专线',
      poll: (day, t) => (day === DAY && within(t, '13:00', '15:00') ? down(1000) : up(1000)),
      ipv6: ['linklocal', 'global'],
    },
    probes: 'https',
    agent: 'fresh',
  },
  // B2: 1000M in school hours, 100M outside them (ignored); IPv6 only on the uplink (level 1).
  {
    key: 'B2',
    town: 'B',
    name: '河口中学',
    code: 'QX-B2',
    kind: 'middle',
    rooms: [...rooms(['301', '302', '303', '304']), ['化学实验室', S], ['会议室', 'other']],
    apSource: OWN_AC,
    aps: daily('HKZ', ['301', '302', '303', '304', '化学实验室']),
    uplink: {
      how: 'inferred',
      alias: 'Uplink-to-metro',
      poll: (_day, t) => (within(t, '08:00', '17:00') ? up(1000) : up(100)),
      ipv6: ['linklocal', 'global'],
    },
    probes: 'none',
    agent: 'fresh',
  },
  // B3: a teaching point with no switch of its own: no uplink at all; its AP is on the
  // county AC by AP group; its agent's host probes all pass.
  {
    key: 'B3',
    town: 'B',
    name: '河口镇教学点',
    code: 'QX-B3',
    kind: 'teaching_point',
    rooms: rooms(['一二年级', '三四年级']),
    apSource: { via: 'county-ac', rule: { kind: 'group', pattern: 'HK-JXD' }, group: 'HK-JXD' },
    aps: daily('HKJXD', ['一二年级']),
    uplink: null,
    probes: 'https',
    agent: 'fresh',
  },
  // B4: designated uplink on a switch that stopped answering on 11-24 at 13:02 (no samples
  // on 11-27); its agent sends no host probes, though the uplink's global address was seen
  // on 11-24, within the window.
  {
    key: 'B4',
    town: 'B',
    name: '新村小学',
    code: 'QX-B4',
    kind: 'village_primary',
    rooms: rooms(['甲班', '乙班', '丙班']),
    apSource: OWN_AC,
    aps: daily('XC', ['甲班', '乙班', '丙班']),
    uplink: {
      how: 'designated',
      alias: '电信专线',
      poll: (day, t) => (day === '2026-11-24' && t < '13:00' ? up(1000) : null),
      ipv6: ['linklocal', 'global'],
      switchFails: true,
    },
    probes: null,
    agent: 'fresh',
  },
  // B5: the stale school: its agent last reported on 11-25 09:00, though its APs were online
  // within the window and its uplink was fine then.
  {
    key: 'B5',
    town: 'B',
    name: '石桥村小',
    code: 'QX-B5',
    kind: 'village_primary',
    rooms: rooms(['一班', '二班']),
    apSource: OWN_AC,
    aps: daily('SQ', ['一班', '二班']),
    uplink: { how: 'designated', alias: '电信专线', poll: steady(1000), ipv6: ['global'] },
    probes: 'https',
    agent: 'stale',
  },
];
