import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import { pollDevices, renderProbe } from '@xiaowang/agent';
import { Secret } from '@xiaowang/shared';
import { startSnmpResponder } from '../sim/responder.ts';
import type { SnmpResponder } from '../sim/responder.ts';
import { makeCounterProvider, makeUptimeProvider } from '../sim/providers.ts';
import { schoolAcWalk, schoolSwitchWalk } from '../walks/school.ts';

export interface SchoolDemoOptions {
  readonly lang: Lang;
  /** Preferred UDP port on 127.0.0.1; an ephemeral one is used when it is taken. */
  readonly port: number;
  readonly print: (text: string) => void;
}

const SCHOOL = { school: '城关小学', code: 'cgxx', seed: 2025, ipv6: true, aps: 18 };
const UPLINK_HC_IN = '1.3.6.1.2.1.31.1.1.1.6';
const UPLINK_HC_OUT = '1.3.6.1.2.1.31.1.1.1.10';

async function listen(port: number): Promise<SnmpResponder> {
  const devices = { 'cgxx-core': schoolSwitchWalk(SCHOOL), 'cgxx-ac': schoolAcWalk(SCHOOL) };
  try {
    return await startSnmpResponder({ host: '127.0.0.1', port, devices });
  } catch {
    return startSnmpResponder({ host: '127.0.0.1', port: 0, devices });
  }
}

/** Makes the switch look alive: uptime advances and the uplink carries school-day traffic. */
function animate(responder: SnmpResponder): void {
  const device = responder.device('cgxx-core');
  if (device === undefined) return;
  const now = Date.now();
  device.set('1.3.6.1.2.1.1.3.0', makeUptimeProvider(now - 3 * 86_400_000));
  const uplink = device.store
    .oids()
    .find(
      (oid) =>
        oid.startsWith('1.3.6.1.2.1.31.1.1.1.18.') &&
        device.get(oid) !== undefined &&
        new TextDecoder().decode(device.get(oid)?.value as Uint8Array).startsWith('上联'),
    );
  const ifIndex = uplink?.split('.').pop();
  if (ifIndex === undefined) return;
  device.set(
    `${UPLINK_HC_IN}.${ifIndex}`,
    makeCounterProvider({
      type: 'Counter64',
      startedAtMs: now,
      perSecond: 38_000_000,
      initial: 9_000_000_000_000n,
    }),
  );
  device.set(
    `${UPLINK_HC_OUT}.${ifIndex}`,
    makeCounterProvider({
      type: 'Counter64',
      startedAtMs: now,
      perSecond: 6_000_000,
      initial: 2_000_000_000_000n,
    }),
  );
}

/**
 * The main job until the collector exists: a synthetic school (core switch + AC) answers
 * SNMP on loopback, and the agent's poller reads it and prints what it found.
 */
export async function runSchoolDemo(options: SchoolDemoOptions): Promise<SnmpResponder> {
  const responder = await listen(options.port);
  animate(responder);
  const { lang, print } = options;
  for (const community of responder.deviceNames()) {
    print(t(lang, 'demo.started', { host: responder.host, port: responder.port, community }));
  }
  print(t(lang, 'demo.polling'));
  const results = await pollDevices(
    responder.deviceNames().map((community) => ({
      name: community,
      host: responder.host,
      port: responder.port,
      credentials: { version: '2c', community: new Secret(community) },
    })),
  );
  for (const result of results) print(`\n${renderProbe(result, lang)}`);
  print(
    `\n${t(lang, 'demo.hint', { host: responder.host, port: responder.port, community: 'cgxx-core' })}`,
  );
  return responder;
}
