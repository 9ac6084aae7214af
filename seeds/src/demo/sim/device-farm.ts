import dgram from 'node:dgram';
import type { VarbindValue } from '../../sim/ber.ts';
import type { SimDevice } from '../../sim/device.ts';
import { startSnmpResponder } from '../../sim/responder.ts';
import type { SnmpResponder } from '../../sim/responder.ts';
import type { ApTables } from '../../walks/ac-tables.ts';
import { OID } from '../../walks/mib-parts.ts';
import { allDevices } from '../county/generate-county.ts';
import type { DemoCounty, DemoDevice, DemoSchool } from '../county/types.ts';
import type { DemoPlan } from '../plan/plan.ts';
import { buildWalk } from './device-walk.ts';
import { DeviceState } from './device-state.ts';
import type { SimControl } from './device-state.ts';

/**
 * Where the simulated devices answer. On Linux all of 127.0.0.0/8 is loopback, so each
 * device gets its own address (`127.10.<school>.<unit>`) on one port, as in a real
 * county; elsewhere they share 127.0.0.1 on a port each.
 */
export type AddressMode = 'per-device-address' | 'per-device-port';

export interface DeviceAddress {
  readonly host: string;
  readonly port: number;
  readonly community: string;
}

export function addressOf(device: DemoDevice, mode: AddressMode, basePort: number): DeviceAddress {
  const community = device.site === 0 ? 'ckjyj-ro' : `ck${String(device.site).padStart(3, '0')}-ro`;
  return mode === 'per-device-address'
    ? { host: `127.10.${device.site}.${device.unit}`, port: basePort, community }
    : { host: '127.0.0.1', port: basePort + device.site * 10 + device.unit, community };
}

/** Whether this machine answers on 127.10.x.y (Linux does; macOS has only 127.0.0.1). */
export function detectAddressMode(basePort: number): Promise<AddressMode> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve('per-device-port');
    });
    socket.bind(basePort, '127.10.0.250', () => socket.close(() => resolve('per-device-address')));
  });
}

export interface FarmDevice {
  readonly device: DemoDevice;
  readonly school: DemoSchool | null;
  readonly address: DeviceAddress;
  readonly state: DeviceState;
  readonly sim: SimDevice;
}

export interface DeviceFarm {
  readonly control: SimControl;
  readonly devices: ReadonlyMap<string, FarmDevice>;
  /** Starts the planned live reboot; returns a stop function. */
  startLiveEvents(): () => void;
  close(): Promise<void>;
}

function animate(sim: SimDevice, state: DeviceState, tables: ApTables | null): void {
  sim.set(OID.sysUpTime, (now) => ({ type: 'TimeTicks', value: state.upTicks(now) }));
  const up = state.uplink;
  if (up !== null) {
    const i = up.ifIndex;
    sim.set(`${OID.ifOperStatus}.${i}`, (now) => ({
      type: 'Integer',
      value: state.uplinkUp(now) ? 1 : 2,
    }));
    const c64 = (dir: 'in' | 'out') => (now: number) => ({
      type: 'Counter64' as const,
      value: state.octets(dir, now),
    });
    const c32 = (dir: 'in' | 'out') => (now: number) => ({
      type: 'Counter32' as const,
      value: Number(state.octets(dir, now) % 4294967296n),
    });
    sim.set(`${OID.ifHCInOctets}.${i}`, c64('in'));
    sim.set(`${OID.ifHCOutOctets}.${i}`, c64('out'));
    sim.set(`${OID.ifInOctets}.${i}`, c32('in'));
    sim.set(`${OID.ifOutOctets}.${i}`, c32('out'));
  }
  if (tables === null) return;
  for (const cell of tables.cells) {
    sim.set(cell.oid, (now): VarbindValue | undefined =>
      state.apOnline(cell.mac, now) ? cell.online : cell.offline,
    );
  }
  const macs = state.device.aps.map((a) => a.mac);
  for (const count of tables.counts) {
    sim.set(count.oid, (now) => {
      const online = macs.filter((mac) => state.apOnline(mac, now)).length;
      const value =
        count.counts === 'online'
          ? online
          : count.counts === 'offline'
            ? macs.length - online
            : count.counts === 'total'
              ? macs.length
              : 0;
      return { type: 'Integer', value };
    });
  }
}

/**
 * Starts one SNMP responder per device of the county, each serving its generated walk with
 * the moving values (uptime, uplink state and counters, AP states) computed per request.
 */
export async function startDeviceFarm(
  county: DemoCounty,
  plan: DemoPlan,
  network: { mode: AddressMode; basePort: number },
): Promise<DeviceFarm> {
  const control: SimControl = { mode: 'live' };
  const schoolOf = new Map(county.schools.map((s) => [s.no, s]));
  const responders: SnmpResponder[] = [];
  const devices = new Map<string, FarmDevice>();
  try {
    for (const device of allDevices(county)) {
      const school = schoolOf.get(device.site) ?? null;
      const walk = buildWalk(county, plan, device, school);
      const address = addressOf(device, network.mode, network.basePort);
      const responder = await startSnmpResponder({
        host: address.host,
        port: address.port,
        devices: { [address.community]: walk.varbinds },
      });
      responders.push(responder);
      const sim = responder.device(address.community);
      if (sim === undefined) throw new Error(`responder lost ${device.key}`);
      const state = new DeviceState({
        plan,
        control,
        device,
        school,
        uplinkIfIndex: walk.uplinkIfIndex,
      });
      animate(sim, state, walk.apTables);
      devices.set(device.key, { device, school, address, state, sim });
    }
  } catch (error) {
    await Promise.all(responders.map((r) => r.close()));
    throw error;
  }
  return {
    control,
    devices,
    startLiveEvents: () => startReboots(plan, devices),
    close: async () => {
      await Promise.all(responders.map((r) => r.close()));
    },
  };
}

const REBOOT_EVERY_MS = 3 * 3_600_000;

/** The planned device goes silent, comes back with its uptime and counters restarted. */
function startReboots(plan: DemoPlan, devices: ReadonlyMap<string, FarmDevice>): () => void {
  const target = devices.get(plan.reboot.device);
  if (target === undefined) return () => undefined;
  const timers = new Set<NodeJS.Timeout>();
  const downMs = plan.reboot.downSeconds * 1000;
  const reboot = () => {
    target.sim.setFaults({ silentAfterRequests: 0 });
    target.state.reboot(Date.now() + downMs);
    const back = setTimeout(() => target.sim.setFaults({}), downMs);
    back.unref();
    timers.add(back);
  };
  const first = setTimeout(() => {
    reboot();
    const again = setInterval(reboot, REBOOT_EVERY_MS);
    again.unref();
    timers.add(again);
  }, plan.reboot.liveAfterMinutes * 60_000);
  first.unref();
  timers.add(first);
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}
