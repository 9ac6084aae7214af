import { z } from 'zod';
import { deviceText, int, timestamp } from '../common-schema.ts';

/* Outputs of the device inventory reads; everything a device reported is plain text. */

export const deviceOutput = z.object({
  id: int,
  countyId: int,
  schoolId: int.nullable().meta({ description: 'null for a county-level device (county AC)' }),
  agentId: int,
  targetName: z.string(),
  address: z.string(),
  port: int,
  sysObjectId: deviceText.nullable(),
  sysName: deviceText.nullable(),
  sysDescr: deviceText.nullable(),
  vendor: deviceText.nullable(),
  role: z.string().nullable(),
  model: deviceText.nullable(),
  serial: deviceText.nullable(),
  firmware: deviceText.nullable(),
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  lastOkAt: timestamp.nullable(),
  lastOutcome: z.enum(['ok', 'error']),
  lastErrorCode: z.string().nullable(),
  lastErrorMessage: deviceText.nullable(),
});

export const interfaceOutput = z.object({
  id: int,
  ifIndex: int,
  ifName: deviceText.nullable(),
  ifDescr: deviceText.nullable(),
  ifAlias: deviceText.nullable(),
  ifType: int.nullable(),
  speedMbps: z.number().nullable(),
  ifSpeed: z.number().nullable(),
  ifHighSpeed: z.number().nullable(),
  speedSuspect: z.string().nullable(),
  adminStatus: z.string().nullable(),
  operStatus: z.string().nullable(),
  physAddress: deviceText.nullable(),
  octets64bit: z.boolean(),
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
});

export const ipv6AddressOutput = z.object({
  ifIndex: int,
  address: z.string(),
  prefixLength: int.nullable(),
  type: z.string(),
  source: z.string(),
  lastSeenAt: timestamp,
});

export const lldpNeighborOutput = z.object({
  localPortNum: int,
  localIfIndex: int.nullable(),
  localPort: deviceText.nullable(),
  remoteChassisId: deviceText.nullable(),
  remoteSysName: deviceText.nullable(),
  remotePortId: deviceText.nullable(),
  remotePortDesc: deviceText.nullable(),
  lastSeenAt: timestamp,
});

export const deviceDetailOutput = deviceOutput.extend({
  sysUpTime: int.nullable(),
  ipv6Forwarding: z.boolean().nullable(),
  ipv6DefaultRoutes: int.nullable(),
  interfaces: z.array(interfaceOutput),
  ipv6Addresses: z.array(ipv6AddressOutput),
  lldpNeighbors: z.array(lldpNeighborOutput),
});

export const deviceHistoryOutput = z.object({
  id: int,
  field: z.enum(['model', 'serial', 'firmware', 'sys_name', 'sys_object_id', 'vendor']),
  oldValue: deviceText.nullable(),
  newValue: deviceText.nullable(),
  changedAt: timestamp,
  reportId: int.nullable(),
});

export type Device = z.output<typeof deviceOutput>;
export type DeviceDetail = z.output<typeof deviceDetailOutput>;
export type Interface = z.output<typeof interfaceOutput>;
export type DeviceHistoryEntry = z.output<typeof deviceHistoryOutput>;
