import * as z from 'zod';
import { counter64String } from './counter64.ts';

/**
 * The report an agent sends to the collector, defined once. Field names of the device
 * snapshot follow the fixtures' expected.json, so a probe's JSON and a report agree.
 * SNMP credentials have no field anywhere in here, on purpose.
 */
export const REPORT_SCHEMA_VERSION = 1;
/** Devices one report may carry; an agent with more is told to split them between agents. */
export const MAX_REPORT_DEVICES = 5000;

// Device-sourced text is untrusted; cap it so a garbage string cannot bloat a report.
const deviceText = z.string().max(4096);
const shortText = z.string().max(512);
const nullableInt = z.number().int().nullable();

export const ifStatus = z.union([
  z.enum(['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown']),
  z.number().int(),
]);

export const interfaceSchema = z.strictObject({
  ifIndex: z.number().int().nonnegative(),
  ifName: deviceText.nullable(),
  ifDescr: deviceText.nullable(),
  ifAlias: deviceText.nullable(),
  ifType: nullableInt,
  ifTypeName: shortText.nullable(),
  /** J2: ifHighSpeed when present (even 0), else ifSpeed / 10^6, else null. */
  ifSpeedMbps: z.number().nonnegative().nullable(),
  ifSpeed: z.number().nonnegative().nullable(),
  ifHighSpeed: z.number().nonnegative().nullable(),
  /** Set when the speed cannot be true (ifHighSpeed reported in bit/s, …). */
  speedSuspect: shortText.nullable(),
  ifAdminStatus: ifStatus.nullable(),
  ifOperStatus: ifStatus.nullable(),
  ifPhysAddress: shortText.nullable(),
  inOctets: counter64String.nullable(),
  outOctets: counter64String.nullable(),
  octetsAre64bit: z.boolean(),
  ifLastChange: nullableInt,
  ifCounterDiscontinuityTime: nullableInt,
});

export const ipv6AddressSchema = z.strictObject({
  ifIndex: nullableInt,
  address: shortText,
  addressFull: shortText,
  prefixLength: z.number().int().min(0).max(128).nullable(),
  type: z.enum(['global', 'linklocal', 'ula', 'loopback', 'other']),
  source: z.enum(['ipAddressTable', 'ipv6AddrTable', 'both']),
  zone: z.number().int().optional(),
  ipAddressStatus: z.number().int().optional(),
  indexAnomaly: shortText.optional(),
});

export const ipv6DefaultRouteSchema = z.strictObject({
  nextHop: shortText.nullable(),
  ifIndex: nullableInt,
  routeType: z
    .union([z.enum(['other', 'reject', 'local', 'remote', 'blackhole']), z.number()])
    .nullable(),
  protocol: nullableInt,
});

export const apSchema = z.strictObject({
  mac: shortText.nullable(),
  name: deviceText.nullable(),
  model: deviceText.nullable(),
  serial: deviceText.nullable(),
  online: z.boolean().nullable(),
  clients: nullableInt,
  apGroup: deviceText.nullable().optional(),
  radios: z.number().int().optional(),
});

export const apSourceSchema = z.strictObject({
  kind: z.enum(['table', 'radioTable', 'scalar', 'notApplicable']),
  /** What was read, in words, with the OIDs and scalar values. */
  detail: z.string().max(2048),
});

export const lldpNeighborSchema = z.strictObject({
  localPortNum: z.number().int(),
  localPort: deviceText.nullable(),
  localIfIndex: nullableInt,
  localPortResolvedBy: shortText.nullable(),
  remoteChassisId: deviceText.nullable(),
  remoteSysName: deviceText.nullable(),
  remotePortId: deviceText.nullable(),
  remotePortIdSubtype: nullableInt,
  remotePortDesc: deviceText.nullable(),
  remoteCapabilities: z.array(shortText).nullable(),
  remoteCapabilitiesSupported: z.array(shortText).nullable(),
  /** From lldpRemManAddrTable: first IPv4, else IPv6; absent when the device has no such table. */
  remoteManagementAddress: z.string().max(64).nullable().optional(),
});

export const entitySchema = z.strictObject({
  entPhysicalIndex: z.number().int().nullable(),
  model: deviceText.nullable(),
  serial: deviceText.nullable(),
  firmware: deviceText.nullable(),
  serialFrom: shortText.nullable(),
  firmwareFrom: shortText.nullable(),
  descr: deviceText.nullable(),
  name: deviceText.nullable(),
  mfgName: deviceText.nullable(),
  hardwareRev: deviceText.nullable(),
  firmwareRev: deviceText.nullable(),
  softwareRev: deviceText.nullable(),
  selection: shortText,
  chassisCount: z.number().int(),
  chassis: z
    .array(
      z.strictObject({
        entPhysicalIndex: z.number().int(),
        model: deviceText.nullable(),
        serial: deviceText.nullable(),
      }),
    )
    .optional(),
});

export const deviceRole = z.enum(['switch', 'router', 'wlc', 'ap', 'server', 'unknown']);

/** Which part of a poll a problem belongs to, so "no IPv6 table" is not "device down". */
export const pollPart = z.enum([
  'system',
  'interfaces',
  'ipv6',
  'routes',
  'lldp',
  'entity',
  'wireless',
]);

export const pollErrorSchema = z.strictObject({
  code: z.enum([
    'TIMEOUT',
    'AUTH',
    'UNREACHABLE',
    'NO_SUCH_OBJECT',
    'TOO_BIG',
    'WALK_LOOP',
    'WALK_ROW_CAP',
    'DEADLINE',
    'PROTOCOL',
    'CONFIG',
  ]),
  message: z.string().max(2048),
  retryable: z.boolean(),
  /** The setting to check, when the device named one (SNMPv3 user, auth key, …). */
  setting: z.string().max(128).optional(),
});

export const partErrorSchema = pollErrorSchema.extend({
  part: pollPart,
  oid: shortText.optional(),
});

export const deviceSnapshotSchema = z.strictObject({
  sysObjectID: shortText.nullable(),
  sysDescr: deviceText.nullable(),
  sysName: deviceText.nullable(),
  sysContact: deviceText.nullable(),
  sysLocation: deviceText.nullable(),
  sysUpTime: nullableInt,
  vendor: shortText.nullable(),
  role: deviceRole,
  interfaces: z.array(interfaceSchema).max(20_000),
  ipv6: z.array(ipv6AddressSchema).max(20_000),
  ipv6Forwarding: z.boolean().nullable(),
  ipv6DefaultRoutes: z.array(ipv6DefaultRouteSchema).max(1000).nullable(),
  apCount: nullableInt,
  apsOnline: nullableInt,
  apSource: apSourceSchema.nullable(),
  aps: z.array(apSchema).max(20_000).nullable(),
  lldpNeighbors: z.array(lldpNeighborSchema).max(10_000),
  entity: entitySchema.nullable(),
});

export const pollMetaSchema = z.strictObject({
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  timeouts: z.number().int().nonnegative(),
  varbinds: z.number().int().nonnegative(),
});

/** A device is named by the school; the address is kept so the collector can tell two apart. */
export const deviceTargetSchema = z.strictObject({
  name: shortText,
  address: shortText,
  port: z.number().int().min(1).max(65535),
  /**
   * The code of the school the device belongs to, for an agent that serves several schools
   * (a county centre); omitted by a one-school agent. The collector checks it against the
   * agent's schools.
   */
  school: z.string().min(1).max(64).optional(),
});

/** Why the agent could not turn two counter readings into a rate (docs/mibs.md §2). */
export const rateDropReason = z.enum([
  'first-sample',
  'clock-not-advancing',
  'device-restarted',
  'counter-discontinuity',
  'counter-reset',
  'interval-too-long-for-32bit',
  'gap-unverifiable',
  'rate-above-port-speed',
  'counters-missing',
]);

/** Utilisation the agent computed from the previous poll's counters; a broken delta says why. */
export const interfaceRateSchema = z.strictObject({
  ifIndex: z.number().int().nonnegative(),
  inBps: z.number().nonnegative().nullable(),
  outBps: z.number().nonnegative().nullable(),
  intervalS: z.number().positive().nullable(),
  dropped: rateDropReason.nullable(),
});

export const deviceResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('ok'),
    target: deviceTargetSchema,
    meta: pollMetaSchema,
    snapshot: deviceSnapshotSchema,
    /** Parts that could not be read; the rest of the snapshot is still good. */
    partErrors: z.array(partErrorSchema).max(100),
    /** Present once the agent has a previous reading of this device. */
    rates: z.array(interfaceRateSchema).max(20_000).optional(),
    /** Parts not read on purpose this cycle (inventory is refreshed daily): keep what you had. */
    skipped: z.array(pollPart).max(10).optional(),
  }),
  z.strictObject({
    outcome: z.literal('error'),
    target: deviceTargetSchema,
    meta: pollMetaSchema,
    error: pollErrorSchema,
  }),
]);

/** Host-level IPv6 probes (targets.md §6 levels 2–4); filled in by the agent runtime. */
export const hostProbesSchema = z.strictObject({
  measuredAt: z.iso.datetime(),
  globalIpv6Address: z.boolean().nullable(),
  ipv6DefaultRoute: z.boolean().nullable(),
  aaaaOverIpv6: z.boolean().nullable(),
  httpsOverIpv6: z
    .strictObject({
      succeeded: z.number().int().nonnegative(),
      attempted: z.number().int().nonnegative(),
    })
    .nullable(),
  tried: z.array(z.string().max(512)).max(100),
  /** Level 5: the school's own site has AAAA and answers HTTPS over IPv6; null if none set. */
  schoolSiteOverIpv6: z
    .strictObject({ aaaa: z.boolean(), https: z.boolean() })
    .nullable()
    .optional(),
});

/** Reports the agent's spool had to drop unsent (bounded while the collector was away). */
export const spoolGapSchema = z.strictObject({
  id: z.string().min(1).max(128),
  reason: z.enum(['max-bytes', 'max-age', 'missing']),
  count: z.number().int().positive(),
  firstReportId: z.string().max(64),
  lastReportId: z.string().max(64),
  firstSpooledAt: z.iso.datetime(),
  lastSpooledAt: z.iso.datetime(),
  droppedAt: z.iso.datetime(),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  reportId: z.uuid(),
  agent: z.strictObject({
    version: shortText,
    hostname: shortText,
  }),
  pollStartedAt: z.iso.datetime(),
  pollFinishedAt: z.iso.datetime(),
  devices: z.array(deviceResultSchema).max(MAX_REPORT_DEVICES),
  host: hostProbesSchema.nullable(),
  /** Told once: the collector records the gap so "no data" is explained, not guessed. */
  spoolGaps: z.array(spoolGapSchema).max(100).optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type DeviceResult = z.infer<typeof deviceResultSchema>;
export type DeviceSnapshot = z.infer<typeof deviceSnapshotSchema>;
export type InterfaceRow = z.infer<typeof interfaceSchema>;
export type Ipv6Address = z.infer<typeof ipv6AddressSchema>;
export type Ipv6DefaultRoute = z.infer<typeof ipv6DefaultRouteSchema>;
export type AccessPoint = z.infer<typeof apSchema>;
export type ApSource = z.infer<typeof apSourceSchema>;
export type LldpNeighbor = z.infer<typeof lldpNeighborSchema>;
export type EntityInventory = z.infer<typeof entitySchema>;
export type DeviceRole = z.infer<typeof deviceRole>;
export type PollPart = z.infer<typeof pollPart>;
export type PollError = z.infer<typeof pollErrorSchema>;
export type PartError = z.infer<typeof partErrorSchema>;
export type PollMeta = z.infer<typeof pollMetaSchema>;
export type HostProbes = z.infer<typeof hostProbesSchema>;
export type InterfaceRate = z.infer<typeof interfaceRateSchema>;
export type RateDropReason = z.infer<typeof rateDropReason>;
export type SpoolGapReport = z.infer<typeof spoolGapSchema>;
