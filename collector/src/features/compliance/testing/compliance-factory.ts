import type { HostProbes } from '@xiaowang/shared';
import type { Clock } from '../../../context.ts';
import type { Db } from '../../../db/schema.ts';
import type { Indicator } from '../indicators.ts';

/*
 * TEST ONLY. What ingest and the targets feature write, inserted straight through Kysely so
 * the compliance job can be tested on exact rows: reports, uplink samples, AP days,
 * designations, IPv6 addresses, targets. Never import this outside tests.
 */

let uuid = 0;

export interface SampleSpec {
  readonly reportId: number;
  readonly at: string;
  readonly status?: string | null;
  readonly speedMbps?: number | null;
  readonly inBps?: number | null;
  readonly outBps?: number | null;
  readonly dropped?: string | null;
}

export function complianceFactory(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  return {
    /** A report of the agent polled at `polledAt` (received then too, unless told). */
    async report(
      agentId: number,
      polledAt: string,
      o: { hostProbes?: HostProbes | null; receivedAt?: string } = {},
    ): Promise<number> {
      const row = await db
        .insertInto('reports')
        .values({
          report_uuid: `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
          agent_id: agentId,
          received_at: o.receivedAt ?? polledAt,
          poll_started_at: polledAt,
          poll_finished_at: polledAt,
          schema_version: 1,
          devices_ok: 1,
          devices_error: 0,
          host_probes: o.hostProbes == null ? null : JSON.stringify(o.hostProbes),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('agents')
        .set({ last_report_at: o.receivedAt ?? polledAt })
        .where('id', '=', agentId)
        .execute();
      return row.id;
    },

    async samples(interfaceId: number, specs: readonly SampleSpec[]): Promise<void> {
      if (specs.length === 0) return;
      await db
        .insertInto('interface_samples')
        .values(
          specs.map((s) => ({
            interface_id: interfaceId,
            report_id: s.reportId,
            sampled_at: s.at,
            oper_status: s.status === undefined ? 'up' : s.status,
            speed_mbps: s.speedMbps === undefined ? 1000 : s.speedMbps,
            in_bps: s.inBps ?? null,
            out_bps: s.outBps ?? null,
            rate_dropped: s.dropped ?? null,
          })),
        )
        .execute();
    },

    async apDay(apId: number, day: string, samples: number, onlineSamples: number): Promise<void> {
      await db
        .insertInto('ap_daily')
        .values({ ap_id: apId, day, samples, online_samples: onlineSamples })
        .execute();
    },

    async designate(schoolId: number, deviceId: number, ifIndex: number): Promise<void> {
      await db
        .insertInto('uplink_designations')
        .values({
          school_id: schoolId,
          device_id: deviceId,
          if_index: ifIndex,
          designated_by: 'test',
          designated_at: now(),
        })
        .execute();
    },

    async ipv6(
      deviceId: number,
      ifIndex: number,
      address: string,
      o: { type?: string; lastSeenAt?: string } = {},
    ): Promise<void> {
      await db
        .insertInto('device_ipv6_addresses')
        .values({
          device_id: deviceId,
          if_index: ifIndex,
          address,
          prefix_length: 64,
          type: o.type ?? 'global',
          source: 'ipAddressTable',
          last_seen_at: o.lastSeenAt ?? now(),
        })
        .execute();
    },

    /** A target with its steps, as [effective from, threshold]. */
    async target(
      countyId: number,
      indicator: Indicator,
      steps: readonly (readonly [string, number])[],
    ): Promise<{ id: number; stepIds: number[] }> {
      const target = await db
        .insertInto('targets')
        .values({
          county_id: countyId,
          indicator,
          preset: null,
          document: '城口县教育事业发展“十四五”规划',
          source_sentence: '到2022年，无线覆盖率达到60%，2025年达到100%。',
          created_at: now(),
          updated_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const stepIds: number[] = [];
      for (const [effectiveFrom, threshold] of steps) {
        const step = await db
          .insertInto('target_steps')
          .values({ target_id: target.id, effective_from: effectiveFrom, threshold, note: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        stepIds.push(step.id);
      }
      return { id: target.id, stepIds };
    },

    async rule(
      countyId: number,
      kind: 'group' | 'prefix' | 'mac',
      pattern: string,
      schoolId: number,
    ) {
      await db
        .insertInto('ap_attribution_rules')
        .values({
          county_id: countyId,
          kind,
          pattern,
          school_id: schoolId,
          created_by: 'test',
          created_at: now(),
        })
        .execute();
    },

    async assignRoom(apId: number, roomId: number): Promise<void> {
      await db
        .insertInto('ap_assignments')
        .values({
          ap_id: apId,
          school_id: null,
          room_id: roomId,
          assigned_by: 'test',
          assigned_at: now(),
        })
        .execute();
    },

    async convention(countyId: number, pattern: string): Promise<void> {
      await db
        .insertInto('ap_room_conventions')
        .values({ county_id: countyId, pattern, created_by: 'test', created_at: now() })
        .execute();
    },
  };
}

export type ComplianceFactory = ReturnType<typeof complianceFactory>;
