import type { ApTables } from '../../walks/ac-tables.ts';
import { controllerWalk } from '../../walks/controller.ts';
import type { LldpPeer, SwitchWalkOptions } from '../../walks/switch.ts';
import { deviceMac, switchWalk } from '../../walks/switch.ts';
import type { AcModel } from '../../walks/vendors.ts';
import type { Varbind } from '@xiaowang/shared/varbind';
import type { DemoCounty, DemoDevice, DemoSchool } from '../county/types.ts';
import type { DemoPlan } from '../plan/plan.ts';
import { uplinkMbps } from '../plan/timeline.ts';

export interface BuiltWalk {
  readonly varbinds: Varbind[];
  readonly uplinkIfIndex: number;
  readonly apTables: ApTables | null;
}

export const UPLINK_ALIAS = '上联-县教育城域网';
const CONTACT = '城口县教育信息中心 023-59221234';

/** The school's IPv6 uplink address: 2001:db8:<school no>:1::1 (documentation prefix). */
export function uplinkIpv6Bytes(schoolNo: number): number[] {
  return [
    0x20,
    0x01,
    0x0d,
    0xb8,
    (schoolNo >> 8) & 0xff,
    schoolNo & 0xff,
    0,
    1,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    1,
  ];
}

function sysNameOf(device: DemoDevice): string {
  return device.key;
}

function peerOf(device: DemoDevice, port: string): LldpPeer {
  return { sysName: sysNameOf(device), port, mac: deviceMac(device.deviceNo, 0) };
}

/** The metro aggregation switch each town's schools hang off: its name says 城域 (metro). */
function metroPeer(county: DemoCounty, school: DemoSchool): LldpPeer {
  const town = county.towns.indexOf(school.town) + 1;
  return {
    sysName: `CK-Metro-Agg-${String(town).padStart(2, '0')}`,
    port: `GigabitEthernet1/0/${school.no}`,
    mac: deviceMac(60000 + town, 0),
  };
}

/**
 * The walk one demo device serves: the school's core with its uplink into the metro
 * network (LLDP and alias say so, IPv6 on it when the plan gives the school IPv6), access
 * switches and controllers hanging off the core, the county AC off the metro core.
 */
export function buildWalk(
  county: DemoCounty,
  plan: DemoPlan,
  device: DemoDevice,
  school: DemoSchool | null,
): BuiltWalk {
  const common = {
    model: device.model,
    sysName: sysNameOf(device),
    location: school === null ? '城口县教育信息中心 机房' : `${school.name} 网络机房`,
    contact: CONTACT,
    deviceNo: device.deviceNo,
    upTicks: 0,
    seed: device.deviceNo * 7919,
  };
  const core = school?.devices.find((d) => d.role === 'core');
  if (device.role === 'ac') {
    const peer: LldpPeer =
      school === null || core === undefined
        ? { sysName: 'CK-Metro-Core', port: 'Ten-GigabitEthernet1/0/48', mac: deviceMac(59999, 0) }
        : peerOf(core, 'to-AC');
    const walk = controllerWalk({
      ...common,
      model: device.model as AcModel,
      uplink: {
        fiberPort: 1,
        mbps: device.model.fiberMbps,
        alias: school === null ? 'to-metro-core' : 'to-core',
        peer,
      },
      aps: device.aps,
    });
    return { varbinds: walk.varbinds, uplinkIfIndex: walk.uplinkIfIndex, apTables: walk.apTables };
  }
  if (school === null || core === undefined) throw new Error(`${device.key} has no school`);
  let options: SwitchWalkOptions;
  if (device.role === 'access') {
    options = {
      ...common,
      uplink: {
        fiberPort: 1,
        mbps: device.model.fiberMbps,
        alias: 'to-core',
        peer: peerOf(core, `to-${device.key}`),
      },
      endpointShare: 0.7,
    };
  } else {
    const links = school.devices
      .filter((d) => d !== device)
      .map((d, i) => ({ copperPort: i + 1, alias: `to-${d.key}`, peer: peerOf(d, 'to-core') }));
    options = {
      ...common,
      uplink: {
        fiberPort: 1,
        mbps: uplinkMbps(plan, school.code),
        alias: UPLINK_ALIAS,
        peer: metroPeer(county, school),
      },
      links,
      endpointShare: 0.6,
      uplinkIpv6: (plan.ipv6[school.code] ?? 0) >= 1 ? uplinkIpv6Bytes(school.no) : null,
    };
  }
  const walk = switchWalk(options);
  return { varbinds: walk.varbinds, uplinkIfIndex: walk.uplinkIfIndex, apTables: null };
}
