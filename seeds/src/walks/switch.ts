import type { Varbind } from '@xiaowang/shared/varbind';
import { seededRandom } from './build.ts';
import type { LldpLink, PortRow } from './mib-parts.ts';
import {
  entityChassis,
  interfaceTables,
  ipv6AddressRows,
  lldpRows,
  systemGroup,
} from './mib-parts.ts';
import type { DeviceModel } from './vendors.ts';
import { VENDORS, sysObjectIdOf } from './vendors.ts';

/** The device at the other end of a port, as LLDP shows it. */
export interface LldpPeer {
  readonly sysName: string;
  readonly port: string;
  readonly mac: string;
}

export interface SwitchWalkOptions {
  readonly model: DeviceModel;
  readonly sysName: string;
  readonly location: string;
  readonly contact: string;
  /** Makes the serial number and interface MACs unique per device. */
  readonly deviceNo: number;
  readonly upTicks: number;
  readonly seed: number;
  /** The port toward the next tier: a fiber port (1-based among fiber ports) at its speed. */
  readonly uplink: {
    readonly fiberPort: number;
    readonly mbps: number;
    readonly alias: string;
    readonly peer: LldpPeer | null;
  };
  /** Copper ports linked to known devices (an AC, access switches), with their aliases. */
  readonly links?: readonly { copperPort: number; alias: string; peer: LldpPeer | null }[];
  /** Share of the other copper ports with something plugged in. */
  readonly endpointShare: number;
  /** A global IPv6 address on the uplink, as 16 bytes; none when the school has no IPv6. */
  readonly uplinkIpv6?: readonly number[] | null;
}

export interface SwitchWalk {
  readonly varbinds: Varbind[];
  readonly uplinkIfIndex: number;
  readonly ports: readonly PortRow[];
}

/** Interface MAC: locally administered, unique by device number and port. */
export function deviceMac(deviceNo: number, port: number): string {
  const b = [0x02, 0x58, (deviceNo >> 8) & 0xff, deviceNo & 0xff, (port >> 8) & 0xff, port & 0xff];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

const VLAN_NAME = {
  huawei: 'Vlanif1',
  h3c: 'Vlan-interface1',
  ruijie: 'VLAN 1',
  zte: 'vlan1',
  tplink: 'VLAN1',
} as const;

/**
 * A switch of the given model: copper access ports (some in use), fiber ports with the
 * uplink among them, a VLAN interface, LLDP toward its neighbours and the ENTITY chassis.
 * Huawei numbers ports after five system interfaces, as VRP does; the others from 1.
 */
export function switchWalk(o: SwitchWalkOptions): SwitchWalk {
  const rnd = seededRandom(o.seed);
  const vendor = VENDORS[o.model.vendor];
  const base = o.model.vendor === 'huawei' ? 6 : 1;
  const linked = new Map((o.links ?? []).map((l) => [l.copperPort, l]));
  const ports: PortRow[] = [];
  const lldp: LldpLink[] = [];
  const counters = (scale: number) => ({
    inOctets: BigInt(Math.floor(rnd() * scale)),
    outOctets: BigInt(Math.floor(rnd() * scale)),
  });
  for (let n = 1; n <= o.model.copperPorts; n++) {
    const link = linked.get(n);
    const up = link !== undefined || rnd() < o.endpointShare;
    const name = vendor.accessPortName(n);
    const ifIndex = base + n - 1;
    ports.push({
      ifIndex,
      name,
      alias: link?.alias ?? '',
      type: 6,
      mbps: 1000,
      up,
      mac: deviceMac(o.deviceNo, ifIndex),
      ...(up ? counters(4e11) : { inOctets: 0n, outOctets: 0n }),
    });
    if (link?.peer != null) lldp.push(lldpLink(ifIndex, name, link.alias, link.peer));
  }
  let uplinkIfIndex = -1;
  for (let k = 1; k <= o.model.fiberPorts; k++) {
    const isUplink = k === o.uplink.fiberPort;
    const ifIndex = base + o.model.copperPorts + k - 1;
    const mbps = isUplink ? o.uplink.mbps : o.model.fiberMbps;
    const name = vendor.fiberPortName(o.model.copperPorts + k, o.model.fiberMbps);
    if (isUplink) uplinkIfIndex = ifIndex;
    ports.push({
      ifIndex,
      name,
      alias: isUplink ? o.uplink.alias : '',
      type: 6,
      mbps,
      up: isUplink,
      mac: deviceMac(o.deviceNo, ifIndex),
      ...(isUplink ? counters(9e15) : { inOctets: 0n, outOctets: 0n }),
    });
    if (isUplink && o.uplink.peer !== null) {
      lldp.push(lldpLink(ifIndex, name, o.uplink.alias, o.uplink.peer));
    }
  }
  if (uplinkIfIndex < 0)
    throw new RangeError(`no fiber port ${o.uplink.fiberPort} on ${o.model.model}`);
  const vlanIndex =
    o.model.vendor === 'huawei' ? 5 : base + o.model.copperPorts + o.model.fiberPorts + 100;
  ports.push({
    ifIndex: vlanIndex,
    name: VLAN_NAME[o.model.vendor],
    alias: '',
    type: 53,
    mbps: 1000,
    up: true,
    mac: deviceMac(o.deviceNo, 0),
    inOctets: 0n,
    outOctets: 0n,
  });
  const loopback = o.model.vendor === 'huawei' ? 1 : vlanIndex + 1;
  ports.push({
    ifIndex: loopback,
    name: o.model.vendor === 'huawei' ? 'InLoopBack0' : 'LoopBack0',
    alias: '',
    type: 24,
    mbps: 0,
    up: true,
    mac: null,
    inOctets: 0n,
    outOctets: 0n,
  });
  const varbinds = [
    ...systemGroup({
      descr: vendor.descr(o.model.model, o.model.firmware),
      objectId: sysObjectIdOf(o.model),
      name: o.sysName,
      location: o.location,
      contact: o.contact,
      upTicks: o.upTicks,
    }),
    ...interfaceTables(ports),
    ...(o.uplinkIpv6 == null ? [] : ipv6AddressRows(uplinkIfIndex, o.uplinkIpv6)),
    ...lldpRows(lldp),
    ...entityChassis({
      index: vendor.chassisIndex,
      model: o.model.model,
      firmware: o.model.firmware,
      serial: vendor.serial(o.deviceNo),
      maker: vendor.maker,
    }),
  ];
  return { varbinds, uplinkIfIndex, ports };
}

function lldpLink(portNum: number, name: string, alias: string, peer: LldpPeer): LldpLink {
  return {
    portNum,
    localName: name,
    localDesc: alias,
    remoteMac: peer.mac,
    remotePort: peer.port,
    remotePortDesc: peer.port,
    remoteSysName: peer.sysName,
  };
}
