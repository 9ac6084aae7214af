import type { DeviceResult, InterfaceRate, InterfaceRow, Report } from '@xiaowang/shared';
import { randomUUID } from 'node:crypto';
import { createEnrollmentCode } from '../collector/src/features/agents/create-enrollment-code.ts';
import { enrollAgent } from '../collector/src/features/agents/enroll-agent.ts';
import type { Db } from '../collector/src/db/schema.ts';
import { placeFactory } from '../collector/src/testing/factories.ts';

/* Bench data: a county of schools, each with its own agent, and school-switch reports. */

export const PORTS = 36;
export const UPLINK_IF_INDEX = PORTS;

export interface BenchSchool {
  readonly index: number;
  readonly token: string;
}

export async function seedCounty(db: Db, schools: number): Promise<BenchSchool[]> {
  const clock = () => new Date();
  const places = placeFactory(db, clock);
  const county = await places.county();
  const town = await places.town(county.id);
  const out: BenchSchool[] = [];
  for (let index = 0; index < schools; index++) {
    const school = await places.school(town.id);
    const input = {
      countyId: county.id,
      label: `s${index}`,
      schoolIds: [school.id],
      expiresInHours: 1,
    };
    const { code } = await createEnrollmentCode({ db, clock, actor: 'bench', input });
    const { token } = await enrollAgent({ db, clock, input: { code } });
    out.push({ index, token });
  }
  return out;
}

function port(ifIndex: number, round: number): InterfaceRow {
  const uplink = ifIndex === UPLINK_IF_INDEX;
  return {
    ifIndex,
    ifName: `GigabitEthernet0/0/${ifIndex}`,
    ifDescr: `GigabitEthernet0/0/${ifIndex}`,
    ifAlias: uplink ? '上联-县教育城域网' : `教学楼-${ifIndex}`,
    ifType: 6,
    ifTypeName: 'ethernetCsmacd',
    ifSpeedMbps: 1000,
    ifSpeed: 1_000_000_000,
    ifHighSpeed: 1000,
    speedSuspect: null,
    ifAdminStatus: 'up',
    ifOperStatus: ifIndex % 5 === 0 ? 'down' : 'up',
    ifPhysAddress: `50:6f:77:03:00:${ifIndex.toString(16).padStart(2, '0')}`,
    inOctets: String(7_570_557_477_185_503n + BigInt(round * 1_000_000 + ifIndex)),
    outOctets: String(1_950_607_724_022_120n + BigInt(round * 2_000_000 + ifIndex)),
    octetsAre64bit: true,
    ifLastChange: null,
    ifCounterDiscontinuityTime: null,
  };
}

/** One school switch, 36 ports, its uplink named by alias and LLDP, polled at round `round`. */
export function schoolReport(school: number, round: number): Report {
  const at = new Date(Date.UTC(2026, 2, 1) + round * 300_000).toISOString();
  const ports = Array.from({ length: PORTS }, (_, i) => port(i + 1, round));
  const rates: InterfaceRate[] = ports.map((p) => ({
    ifIndex: p.ifIndex,
    inBps: 1e6 * p.ifIndex,
    outBps: 2e6 * p.ifIndex,
    intervalS: 300,
    dropped: null,
  }));
  const device: DeviceResult = {
    outcome: 'ok',
    target: { name: 'core', address: `10.${school >> 8}.${school & 255}.1`, port: 161 },
    meta: { startedAt: at, durationMs: 800, requests: 12, retries: 0, timeouts: 0, varbinds: 900 },
    snapshot: {
      sysObjectID: '1.3.6.1.4.1.2011.2.23.291',
      sysDescr: 'S5720-28X-PWR-SI-AC Huawei Versatile Routing Platform Software',
      sysName: `school-${school}-core`,
      sysContact: null,
      sysLocation: null,
      sysUpTime: 66_574_135 + round * 30_000,
      vendor: 'Huawei',
      role: 'switch',
      interfaces: ports,
      ipv6: [
        {
          ifIndex: UPLINK_IF_INDEX,
          address: `2001:db8:${school.toString(16)}:1::1`,
          addressFull: `2001:0db8:${school.toString(16).padStart(4, '0')}:0001:0000:0000:0000:0001`,
          prefixLength: 64,
          type: 'global',
          source: 'ipAddressTable',
        },
      ],
      ipv6Forwarding: true,
      ipv6DefaultRoutes: [
        { nextHop: 'fe80::1', ifIndex: UPLINK_IF_INDEX, routeType: 'remote', protocol: 2 },
      ],
      apCount: null,
      apsOnline: null,
      apSource: null,
      aps: null,
      lldpNeighbors: [
        {
          localPortNum: UPLINK_IF_INDEX,
          localPort: `GigabitEthernet0/0/${UPLINK_IF_INDEX}`,
          localIfIndex: UPLINK_IF_INDEX,
          localPortResolvedBy: 'lldpLocPortId=ifName/ifDescr',
          remoteChassisId: '50:6f:77:ee:00:03',
          remoteSysName: 'county-metro-core',
          remotePortId: `GigabitEthernet1/0/${school}`,
          remotePortIdSubtype: 5,
          remotePortDesc: `to-school-${school}`,
          remoteCapabilities: null,
          remoteCapabilitiesSupported: null,
        },
      ],
      entity: null,
    },
    partErrors: [],
    rates,
  };
  return {
    schemaVersion: 1,
    reportId: randomUUID(),
    agent: { version: '0.1.0', hostname: `school-${school}-gw` },
    pollStartedAt: at,
    pollFinishedAt: at,
    devices: [device],
    host: null,
  };
}
