import type { SnmpClient } from './client.ts';
import type { SnmpCredentials, SnmpTarget, SnmpTiming } from './credentials.ts';
import { NetSnmpClient } from './net-snmp-client.ts';
import { V2cClient } from './v2c-client.ts';

/** SNMPv2c through our own codec and shared socket; SNMPv3 (USM, crypto) through net-snmp. */
export function createSnmpClient(
  target: SnmpTarget,
  credentials: SnmpCredentials,
  timing: Partial<SnmpTiming> = {},
): SnmpClient & { repetitions?: number } {
  if (credentials.version === '2c') {
    return new V2cClient(target, credentials.community.reveal(), timing);
  }
  return new NetSnmpClient(target, credentials, timing);
}
