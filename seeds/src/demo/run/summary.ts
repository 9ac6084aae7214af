import { allDevices } from '../county/generate-county.ts';
import { localDay } from '../plan/local-time.ts';
import { dayOfOffset } from '../plan/timeline.ts';
import type { CountyCompliance } from './county-figures.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_TECHNICIAN } from './demo-users.ts';
import type { DemoIo, StartedDemo } from './start-demo.ts';

export function schoolName(demo: StartedDemo, code: string): string {
  return demo.county.schools.find((s) => s.code === code)?.name ?? code;
}

function deviceName(demo: StartedDemo, key: string): string {
  const farm = demo.farm.devices.get(key);
  if (farm === undefined) return key;
  return farm.school === null ? farm.device.name : `${farm.school.name}${farm.device.name}`;
}

export function dashboardUrl(demo: StartedDemo): string {
  return `${demo.collector.url}/counties/${demo.seeded.countyId}`;
}

/** The lines that tell a newcomer where to look, how to log in, and what is going on. */
export function printReady(demo: StartedDemo, io: DemoIo, interval: number): void {
  const { plan, farm } = demo;
  const first = [...farm.devices.values()][0];
  const where =
    demo.state.addressMode === 'per-device-address'
      ? `127.10.<school>.<n>:${demo.state.snmpPort}`
      : `127.0.0.1:${demo.state.snmpPort}+`;
  io.say('demo.county.devices', {
    devices: farm.devices.size,
    where: first === undefined ? where : `${where} (${first.address.host}:${first.address.port} …)`,
    agents: demo.agents.length,
    interval,
  });
  const tech = plan.slowUplinks[0] ?? '';
  io.say('demo.ready.scenario', {
    slow: schoolName(demo, tech),
    flapping: schoolName(demo, plan.flapping.school),
    stale: schoolName(demo, plan.stale.school),
    reboot: deviceName(demo, plan.reboot.device),
    ipv6: Object.values(plan.ipv6).filter((level) => level >= 4).length,
    upgraded: schoolName(demo, plan.ipv6Upgrade.school),
    upgradedOn: dayOfOffset(plan, plan.ipv6Upgrade.fromDayOffset),
    dead: plan.deadAps.length,
  });
  io.say('demo.ready.dashboard', { url: dashboardUrl(demo) });
  io.say('demo.ready.loginAdmin', { username: DEMO_ADMIN, password: DEMO_PASSWORD });
  io.say('demo.ready.loginTech', {
    username: DEMO_TECHNICIAN,
    password: DEMO_PASSWORD,
    school: schoolName(demo, tech),
  });
  io.say('demo.ready.api', {
    token: demo.adminToken,
    url: `${demo.collector.url}/api/v1/counties/${demo.seeded.countyId}/compliance`,
  });
}

/** `--once --json`: one document a test or a script can read. */
export function onceDocument(
  demo: StartedDemo,
  v: { reported: number; running: number; compliance: CountyCompliance },
): Record<string, unknown> {
  const { plan } = demo;
  return {
    dataDir: demo.dataDir,
    url: demo.collector.url,
    dashboardUrl: dashboardUrl(demo),
    countyId: demo.seeded.countyId,
    county: demo.county.name,
    seed: demo.county.seed,
    createdAt: demo.state.createdAt,
    historyDays: demo.state.historyDays,
    today: localDay(Date.now()),
    schools: demo.county.schools.length,
    devices: allDevices(demo.county).length,
    agents: demo.agents.length,
    isNew: demo.isNew,
    backfill: demo.backfill,
    round: { reported: v.reported, running: v.running },
    scenario: {
      slowUplinks: plan.slowUplinks,
      flapping: plan.flapping.school,
      stale: plan.stale.school,
      reboot: deviceName(demo, plan.reboot.device),
      ipv6Upgrade: plan.ipv6Upgrade.school,
    },
    logins: [
      { username: DEMO_ADMIN, password: DEMO_PASSWORD, role: 'county_admin' },
      {
        username: DEMO_TECHNICIAN,
        password: DEMO_PASSWORD,
        role: 'technician',
        school: plan.slowUplinks[0],
      },
    ],
    compliance: v.compliance,
  };
}
