import type { NetworkInterfaceInfo } from 'node:os';
import type { DemoPlan, Ipv6Level } from '../plan/plan.ts';
import { ipv6Level } from '../plan/timeline.ts';
import type { ProbeHostIpv6Options } from '../wiring/agent.ts';

/*
 * What a school's agent host sees of IPv6, simulated: its interfaces, the kernel's route
 * table, resolv.conf, AAAA answers and HTTPS over IPv6, all as the plan says for the
 * school at that moment. The agent's real probe code runs over it, and nothing leaves the
 * machine: the demo never sends a DNS query or an HTTPS request.
 */

const ROUTE_DEFAULT =
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 eth0\n';
const ROUTE_LOOPBACK =
  '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200 lo\n';

function iface(address: string, family: 'IPv4' | 'IPv6', cidr: string): NetworkInterfaceInfo {
  const common = { address, mac: '02:58:00:00:00:01', internal: false, cidr };
  return family === 'IPv4'
    ? { ...common, family, netmask: '255.255.255.0' }
    : { ...common, family, netmask: 'ffff:ffff:ffff:ffff::', scopeid: 0 };
}

type HostEnv = Required<
  Pick<ProbeHostIpv6Options, 'interfaces' | 'readFile' | 'resolveAaaa' | 'httpsGetOverIpv6' | 'now'>
>;

/** The school's host at level `level` (targets.md §6): each level adds one working piece. */
export function hostAtLevel(schoolNo: number, level: Ipv6Level, now: number): HostEnv {
  const v6 =
    level >= 2
      ? iface(
          `2001:db8:${schoolNo.toString(16)}:10::100`,
          'IPv6',
          `2001:db8:${schoolNo.toString(16)}:10::100/64`,
        )
      : iface('fe80::58:ff:fe00:1', 'IPv6', 'fe80::58:ff:fe00:1/64');
  return {
    now: () => now,
    interfaces: () => ({
      eth0: [iface(`10.${schoolNo}.10.100`, 'IPv4', `10.${schoolNo}.10.100/24`), v6],
    }),
    readFile: (path) => {
      if (path.endsWith('ipv6_route'))
        return Promise.resolve(level >= 2 ? ROUTE_DEFAULT + ROUTE_LOOPBACK : ROUTE_LOOPBACK);
      const v6Resolver = level >= 2 ? 'nameserver 2001:da8:ff:305:20c:29ff:fe1f:a92a\n' : '';
      return Promise.resolve(`search ck.edu\nnameserver 10.${schoolNo}.10.1\n${v6Resolver}`);
    },
    resolveAaaa: (name) =>
      level >= 3
        ? Promise.resolve(['2001:da8:20d:22::9'])
        : Promise.reject(new Error(`queryAaaa ETIMEOUT ${name}`)),
    httpsGetOverIpv6: () =>
      Promise.resolve(
        level >= 4 ? { ok: true, status: 200 } : { ok: false, reason: 'connect ENETUNREACH' },
      ),
  };
}

/** The host of a school's agent as the plan has it at `now`. */
export function simulatedHost(
  plan: DemoPlan,
  school: { no: number; code: string },
  now: number,
): HostEnv {
  return hostAtLevel(school.no, ipv6Level(plan, school.code, now), now);
}
