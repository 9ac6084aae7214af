import type { WalkSet } from '../snmp/walk-set.ts';
import { asBytes, asNumber, asOidText } from '../snmp/varbind.ts';
import { normaliseOid } from '../snmp/oid.ts';
import { decodeText } from '../text/decode.ts';
import type { PollContext } from './check.ts';

export const SYSTEM_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
} as const;

export interface SystemInfo {
  readonly sysObjectID: string | null;
  readonly sysDescr: string | null;
  readonly sysName: string | null;
  readonly sysContact: string | null;
  readonly sysLocation: string | null;
  readonly sysUpTime: number | null;
}

function text(ws: WalkSet, oid: string): string | null {
  const bytes = asBytes(ws.scalar(oid));
  return bytes === undefined ? null : decodeText(bytes);
}

export function extractSystem(ws: WalkSet): SystemInfo {
  const objectId = asOidText(ws.scalar(SYSTEM_OIDS.sysObjectID));
  return {
    sysObjectID: objectId === undefined ? null : normaliseOid(objectId),
    sysDescr: text(ws, SYSTEM_OIDS.sysDescr),
    sysName: text(ws, SYSTEM_OIDS.sysName),
    sysContact: text(ws, SYSTEM_OIDS.sysContact),
    sysLocation: text(ws, SYSTEM_OIDS.sysLocation),
    sysUpTime: asNumber(ws.scalar(SYSTEM_OIDS.sysUpTime)) ?? null,
  };
}

export function enterpriseOf(sysObjectID: string | null): number | null {
  if (sysObjectID === null) return null;
  const m = /^1\.3\.6\.1\.4\.1\.(\d+)(\.|$)/.exec(sysObjectID);
  return m === null ? null : Number(m[1]);
}

export function pollContext(system: SystemInfo): PollContext {
  return {
    sysObjectID: system.sysObjectID,
    enterprise: enterpriseOf(system.sysObjectID),
    sysDescr: system.sysDescr,
  };
}
