import type { DeviceResult, InterfaceRate, Report } from '@xiaowang/shared';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolledAgent } from '../../testing/agent-factory.ts';
import { enrollTestAgent, goldenReport } from '../../testing/agent-factory.ts';
import { onPostgres } from '../../testing/test-db.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { IngestResult } from './schema.ts';

let api: TestApp;
let agent: EnrolledAgent;
beforeEach(async () => {
  api = await createTestApp();
  agent = await enrollTestAgent(api);
});
afterEach(() => api.close());

const db = () => api.db.kysely;
const post = (report: Report) =>
  api.request<IngestResult>('POST', '/api/v1/reports', { token: agent.token, json: report });

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;
type Port = OkResult['snapshot']['interfaces'][number];

/** The golden report at `at`, the core switch's ports and rates given by `change`. */
function poll(at: string, change: (ports: readonly Port[]) => Partial<OkResult>): Report {
  const base = goldenReport();
  const devices = base.devices.map((d): DeviceResult => {
    const moved = { ...d, meta: { ...d.meta, startedAt: at } };
    if (moved.outcome !== 'ok' || moved.target.name !== 'core') return moved;
    return { ...moved, ...change(moved.snapshot.interfaces) };
  });
  return { ...base, pollStartedAt: at, pollFinishedAt: at, devices };
}

const rate = (ifIndex: number, inBps: number): InterfaceRate => ({
  ifIndex,
  inBps,
  outBps: inBps / 2,
  intervalS: 300,
  dropped: null,
});

/** The core switch's ports with their stored alias and the day's largest inbound rate. */
async function corePorts() {
  return db()
    .selectFrom('interfaces as i')
    .innerJoin('devices as d', 'd.id', 'i.device_id')
    .innerJoin('interface_daily as y', 'y.interface_id', 'i.id')
    .select(['i.if_index', 'i.if_alias', 'y.samples', 'y.max_in_bps'])
    .where('d.target_name', '=', 'core')
    .orderBy('i.if_index')
    .execute();
}

describe('a device’s interfaces', () => {
  it('take each port’s rate whether the rates come in the ports’ order or not', async () => {
    const T1 = '2026-11-27T02:00:00.000Z';
    const inOrder = (ports: readonly Port[]) => ({
      rates: ports.map((p) => rate(p.ifIndex, 1000 * p.ifIndex)),
    });
    expect((await post(poll(T1, inOrder))).status).toBe(200);
    const first = await corePorts();
    expect(first.map((p) => [p.if_index, p.max_in_bps])).toEqual(
      first.map((p) => [p.if_index, 1000 * p.if_index]),
    );

    // Reversed, one port missing and another listed twice: the last one listed counts.
    const shuffled = (ports: readonly Port[]) => {
      const [firstPort, ...rest] = ports.map((p) => rate(p.ifIndex, 2000 * p.ifIndex));
      const again = rate(firstPort?.ifIndex ?? 0, 9e9);
      return { rates: [...rest.reverse().slice(1), rate(again.ifIndex, 1), again] };
    };
    expect((await post(poll('2026-11-27T02:05:00.000Z', shuffled))).status).toBe(200);
    const ifIndexes = first.map((p) => p.if_index);
    const [lowest] = ifIndexes;
    const highest = ifIndexes[ifIndexes.length - 1];
    expect((await corePorts()).map((p) => [p.if_index, p.samples, p.max_in_bps])).toEqual(
      ifIndexes.map((i) => [
        i,
        2,
        i === lowest ? 9e9 : i === highest ? 1000 * i : Math.max(1000 * i, 2000 * i),
      ]),
    );
  });

  it('store a port listed twice once, with what it was last listed with', async () => {
    const twice = (ports: readonly Port[]) => {
      const [a, b, ...rest] = ports;
      if (a === undefined || b === undefined) throw new Error('the golden core has ports');
      const snapshot = goldenReport().devices.find((d) => d.target.name === 'core');
      if (snapshot?.outcome !== 'ok') throw new Error('the golden core is ok');
      const interfaces = [b, a, ...rest, { ...b, ifAlias: 'listed again' }];
      return {
        snapshot: { ...snapshot.snapshot, interfaces },
        rates: interfaces.map((p) => rate(p.ifIndex, 10 * p.ifIndex)),
      };
    };
    const res = await post(poll('2026-11-27T02:00:00.000Z', twice));
    expect(res.status).toBe(200);
    const ports = await corePorts();
    const golden = goldenReport().devices.find((d) => d.target.name === 'core');
    if (golden?.outcome !== 'ok') throw new Error('the golden core is ok');
    const listed = golden.snapshot.interfaces;
    const allPorts = goldenReport().devices.reduce(
      (n, d) => n + (d.outcome === 'ok' ? d.snapshot.interfaces.length : 0),
      0,
    );
    expect(res.body.stored.interfaces).toBe(allPorts);
    expect(ports.map((p) => [p.if_index, p.if_alias, p.max_in_bps])).toEqual(
      [...listed]
        .sort((x, y) => x.ifIndex - y.ifIndex)
        .map((p) => [
          p.ifIndex,
          p.ifIndex === listed[1]?.ifIndex ? 'listed again' : p.ifAlias,
          10 * p.ifIndex,
        ]),
    );
  });

  it.skipIf(onPostgres)('are looked up with their uplink designations by index', async () => {
    const { rows } = await sql<{ detail: string }>`explain query plan
      select d.id, u.if_index from devices d
      left join uplink_designations u on u.device_id = d.id
      where d.agent_id = ${agent.agentId}`.execute(db());
    expect(rows.map((r) => r.detail).join('\n')).toMatch(/USING INDEX uplink_designations_device/);
  });
});
