import { z } from 'zod';
import { deviceText, int, timestamp } from '../../inventory/common-schema.ts';
import { ROOM_KINDS } from '../../places/kinds.ts';
import { RESULT_STATUSES, UNKNOWN_REASONS } from '../indicators.ts';
import { indicator } from './schema.ts';

/* What the evidence endpoint answers: every report, device, port, AP, room and OID behind a figure. */

const num = z.number().nullable();
const oid = z.object({ name: z.string(), oid: z.string() });
const figure = z.object({
  status: z.enum(RESULT_STATUSES),
  value: num,
  numerator: num,
  denominator: num,
  unknownReason: z.enum(UNKNOWN_REASONS).nullable(),
});

export const evidenceOutput = z.object({
  schoolId: int,
  indicator,
  date: z.string(),
  evaluatedAt: timestamp,
  stored: figure
    .extend({ failingSince: z.string().nullable(), computedAt: timestamp })
    .nullable()
    .meta({ description: 'The figure as last stored; null when the day was not computed' }),
  recomputed: figure
    .extend({ details: z.record(z.string(), z.unknown()) })
    .meta({ description: 'The same figure computed now from the data listed here' }),
  freshness: z.object({
    state: z.enum(['fresh', 'late', 'stale', 'never']),
    lastReportAt: timestamp.nullable(),
    ageMinutes: num,
  }),
  reports: z.array(
    z.object({
      id: int,
      agentId: int,
      polledAt: timestamp,
      receivedAt: timestamp,
      why: z.enum(['latest', 'probes', 'samples', 'controller']),
    }),
  ),
  devices: z.array(
    z.object({
      id: int,
      name: deviceText.nullable(),
      vendor: z.string().nullable(),
      model: deviceText.nullable(),
      address: z.string(),
      lastReportId: int.nullable(),
      why: z.enum(['uplink', 'ap-controller']),
    }),
  ),
  interfaces: z.array(
    z.object({
      deviceId: int,
      ifIndex: int,
      ifName: deviceText.nullable(),
      ifAlias: deviceText.nullable(),
      how: z.string().meta({ description: 'designated, lldp-metro, alias or default-route' }),
      evidence: deviceText.nullable(),
      samples: int,
      globalIpv6: z.array(z.string()),
      oids: z.array(oid),
    }),
  ),
  aps: z.array(
    z.object({
      apId: int,
      name: deviceText.nullable(),
      mac: deviceText,
      serial: deviceText.nullable(),
      apGroup: deviceText.nullable(),
      controllerDeviceId: int,
      attributedBy: z.string().nullable(),
      roomId: int.nullable(),
      roomBy: z.string().nullable(),
      roomMiss: z.string().nullable(),
      windowSamples: int,
      windowOnlineSamples: int,
      dayOnlineSamples: int,
      lastOnlineDay: z.string().nullable(),
    }),
  ),
  rooms: z.array(
    z.object({
      roomId: int,
      name: z.string(),
      kind: z.enum(ROOM_KINDS),
      covered: z.boolean(),
      why: z.enum(['covered', 'aps-offline', 'no-ap']),
      apIds: z.array(int),
      lastOnlineDay: z.string().nullable(),
    }),
  ),
  oids: z
    .array(oid)
    .meta({ description: 'Tables read for the figure (AP tables per vendor, IP-MIB)' }),
  notes: z.array(z.string()),
});

export type Evidence = z.output<typeof evidenceOutput>;
export type EvidenceReport = Evidence['reports'][number];
