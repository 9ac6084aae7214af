import type { SchoolSpec } from './scenario-spec.ts';
import { daily, OWN_AC, rooms, S, steady, up } from './scenario-spec.ts';
import { within } from './scenario-time.ts';

/* Town C 石门乡: each school with what it exercises. */

export const TOWN_C: readonly SchoolSpec[] = [
  // C1: AP 'SMZX-AP-07' names no room but is assigned to 音乐室 by hand; the office AP was
  // never online in the window.
  {
    key: 'C1',
    town: 'C',
    name: '石门乡中心校',
    code: 'QX-C1',
    kind: 'central',
    rooms: [
      ...rooms(['一年级', '二年级', '三年级', '四年级', '五年级', '六年级']),
      ['音乐室', S],
      ['办公室', 'office'],
    ],
    apSource: OWN_AC,
    aps: [
      ...daily('SMZX', ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级']),
      { name: 'SMZX-AP-07', online: 'daily', room: '音乐室' },
      { name: 'SMZX-办公室', online: [] },
    ],
    uplink: { how: 'designated', alias: '电信专线', poll: steady(1000), ipv6: ['global'] },
    probes: 'https',
    agent: 'fresh',
  },
  // C2: two school-hour polls (15:02, 15:07) say lowerLayerDown while still reporting 1000.
  {
    key: 'C2',
    town: 'C',
    name: '石门乡完小',
    code: 'QX-C2',
    kind: 'complete_primary',
    rooms: rooms(['一班', '二班', '三班', '四班']),
    apSource: OWN_AC,
    aps: daily('SMWX', ['一班', '二班', '三班', '四班']),
    uplink: {
      how: 'inferred',
      alias: '上联',
      poll: (_day, t) =>
        within(t, '15:00', '15:10') ? { status: 'lowerLayerDown', speedMbps: 1000 } : up(1000),
      ipv6: ['linklocal', 'global'],
    },
    probes: 'dual-stack',
    agent: 'fresh',
  },
  // C3: a teaching point whose only AP was last online on 11-19: no wireless in the window.
  {
    key: 'C3',
    town: 'C',
    name: '石门乡教学点',
    code: 'QX-C3',
    kind: 'teaching_point',
    rooms: rooms(['复式班']),
    apSource: OWN_AC,
    aps: [{ name: 'SMJXD-复式班', online: ['2026-11-19'] }],
    uplink: { how: 'designated', alias: '电信专线', poll: steady(1000), ipv6: ['global'] },
    probes: 'none',
    agent: 'fresh',
  },
  // C4: AP 一班 online only on 11-22 (inside the window), 二班 only on 11-10; a ULA is not
  // a global address (level 0).
  {
    key: 'C4',
    town: 'C',
    name: '龙潭村小',
    code: 'QX-C4',
    kind: 'village_primary',
    rooms: rooms(['一班', '二班']),
    apSource: OWN_AC,
    aps: [
      { name: 'LT-一班', online: ['2026-11-22'] },
      { name: 'LT-二班', online: ['2026-11-10'] },
    ],
    uplink: {
      how: 'designated',
      alias: '电信专线',
      poll: steady(1000),
      ipv6: ['linklocal', 'ula'],
    },
    probes: 'none',
    agent: 'fresh',
  },
  // C5: the lab's AP never online; inferred uplink; level 4.
  {
    key: 'C5',
    town: 'C',
    name: '石门九年一贯制学校',
    code: 'QX-C5',
    kind: 'nine_year',
    rooms: [
      ...rooms([
        '七年级一班',
        '七年级二班',
        '八年级一班',
        '八年级二班',
        '九年级一班',
        '九年级二班',
      ]),
      ['实验室', S],
    ],
    apSource: OWN_AC,
    aps: [
      ...daily('JN', [
        '七年级一班',
        '七年级二班',
        '八年级一班',
        '八年级二班',
        '九年级一班',
        '九年级二班',
      ]),
      { name: 'JN-实验室', online: [] },
    ],
    uplink: { how: 'inferred', alias: '上联-城域网', poll: steady(1000), ipv6: ['global'] },
    probes: 'https',
    agent: 'fresh',
  },
];
