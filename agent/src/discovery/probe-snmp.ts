import { SYSTEM_OIDS } from '../checks/system.ts';
import type { ClientFactory } from '../poll/poll-device.ts';
import type { SnmpCredentials, SnmpTarget, SnmpTiming } from '../snmp/credentials.ts';
import { createSnmpClient } from '../snmp/create-client.ts';
import { asBytes, asOidText } from '../snmp/varbind.ts';
import { decodeText } from '../text/decode.ts';

/** What a discovery probe learns from an address that answered. */
export interface ProbeAnswer {
  readonly sysObjectID: string;
  readonly sysName: string | null;
}

export type Probe = (
  target: SnmpTarget,
  credentials: SnmpCredentials,
) => Promise<ProbeAnswer | undefined>;

/** Short and without retries: most swept addresses are silent, and each try is rate-limited. */
export const PROBE_TIMING: Partial<SnmpTiming> = { timeoutMs: 1000, retries: 0 };

// The client the cycle polls with: an address discovery accepts is one the cycle can read,
// and a sweep's v2c probes share the agent's socket instead of opening one each.
const defaultFactory: ClientFactory = createSnmpClient;

/** One GET of sysObjectID.0 and sysName.0; undefined unless sysObjectID came back. */
export function snmpProbe(
  timing: Partial<SnmpTiming> = PROBE_TIMING,
  factory: ClientFactory = defaultFactory,
): Probe {
  return async (target, credentials) => {
    const client = factory(target, credentials, timing);
    try {
      const got = await client.get([SYSTEM_OIDS.sysObjectID, SYSTEM_OIDS.sysName]);
      const sysObjectID = asOidText(got.varbinds[0]);
      if (sysObjectID === undefined) return undefined;
      const name = asBytes(got.varbinds[1]);
      const sysName = name === undefined ? null : decodeText(name).trim();
      return { sysObjectID, sysName: sysName === '' ? null : sysName };
    } finally {
      client.close();
    }
  };
}
