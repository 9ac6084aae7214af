import type { SchoolSpec } from './scenario-spec.ts';
import { daily, down, OWN_AC, rooms, S, steady, up } from './scenario-spec.ts';
import { DAY, NEXT_DAY, within } from './scenario-time.ts';

/* Town A 城关镇 (the county seat): each school with what it exercises. */

export const TOWN_A: readonly SchoolSpec[] = [
  // A1: the model school, everything met. Night maintenance (down 00:02–05:57) lies outside
  // school hours; the designated port wins over the 100M backup port whose alias says 上联.
  // On the next day the port runs at 100M all day (failing from 11-28).
  {
    key: 'A1',
    town: 'A',
    name: '青溪县第一中学',
    code: 'QX-A1',
    kind: 'middle',
    contractedEgressMbps: 500,
    rooms: [...rooms(['101', '102', '103', '104']), ['物理实验室', S], ['教师办公室', 'office']],
    apSource: OWN_AC,
    aps: daily('YZ', ['101', '102', '103', '104', '物理实验室', '教师办公室']),
    uplink: {
      how: 'designated',
      alias: '电信专线',
      poll: (day, t) =>
        day === NEXT_DAY ? up(100) : within(t, '00:00', '06:00') ? down(1000) : up(1000),
      ipv6: ['linklocal', 'global'],
    },
    backupPort: { alias: '上联-备用', poll: steady(100) },
    probes: 'https',
    agent: 'fresh',
  },
  // A2: APs on the county AC, attributed by AP group; AP 101 listed as two radio rows; AP 105
  // online only on 11-20, one day before the 7-day window 11-21…11-27; room 106 has no AP.
  {
    key: 'A2',
    town: 'A',
    name: '城关小学',
    code: 'QX-A2',
    kind: 'complete_primary',
    rooms: [...rooms(['101', '102', '103', '104', '105', '106']), ['办公室', 'office']],
    apSource: { via: 'county-ac', rule: { kind: 'group', pattern: 'CGXX' }, group: 'CGXX' },
    aps: [
      { name: 'CGXX-101', online: 'daily', radios: 2 },
      ...daily('CGXX', ['102', '103', '104']),
      { name: 'CGXX-105', online: ['2026-11-20'] },
      ...daily('CGXX', ['办公室']),
    ],
    uplink: {
      how: 'inferred',
      alias: '上联城域网',
      poll: steady(1000),
      ipv6: ['linklocal', 'global'],
    },
    probes: 'aaaa',
    agent: 'fresh',
  },
  // A3: no room list (coverage unknown, never 0 % or 100 %); 100M uplink; link-local only.
  {
    key: 'A3',
    town: 'A',
    name: '城关幼儿园',
    code: 'QX-A3',
    kind: 'kindergarten',
    rooms: null,
    apSource: OWN_AC,
    aps: daily('YEY', ['大一班', '大二班']),
    uplink: { how: 'inferred', alias: '上联', poll: steady(100), ipv6: ['linklocal'] },
    probes: 'none',
    agent: 'fresh',
  },
  // A4: the uplink flaps down for 5 school-hour polls (10:02–10:22): still ≥ 95 %.
  {
    key: 'A4',
    town: 'A',
    name: '东街村小',
    code: 'QX-A4',
    kind: 'village_primary',
    rooms: [...rooms(['一年级', '二年级', '三年级']), ['办公室', 'office']],
    apSource: OWN_AC,
    aps: daily('DJ', ['一年级', '二年级', '三年级']),
    uplink: {
      how: 'designated',
      alias: '联通专线',
      poll: (day, t) => (day === DAY && within(t, '10:00', '10:25') ? down(1000) : up(1000)),
      ipv6: ['linklocal', 'global'],
    },
    probes: 'dual-stack',
    agent: 'fresh',
  },
  // A5: a 10G uplink (≥ 1000); a storeroom (kind other) is not a teaching room.
  {
    key: 'A5',
    town: 'A',
    name: '城关第二小学',
    code: 'QX-A5',
    kind: 'complete_primary',
    rooms: [
      ...rooms(['一班', '二班', '三班', '四班']),
      ['美术室', S],
      ['办公室', 'office'],
      ['储藏室', 'other'],
    ],
    apSource: OWN_AC,
    aps: daily('ES', ['一班', '二班', '三班', '四班', '美术室']),
    uplink: { how: 'designated', alias: '万兆专线', poll: steady(10000), ipv6: ['global'] },
    probes: 'aaaa',
    agent: 'fresh',
  },
];
