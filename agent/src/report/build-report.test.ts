import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { MAX_REPORT_DEVICES, reportSchema } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import { buildReport, packReport } from './build-report.ts';
import { outlineOf } from './device-outline.ts';

const golden = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../../test/fixtures/reports/v1-school.json'),
    'utf8',
  ),
) as Report;

const input = {
  pollStartedAt: new Date(golden.pollStartedAt),
  pollFinishedAt: new Date(golden.pollFinishedAt),
  host: golden.host,
  reportId: golden.reportId,
  agentHostname: golden.agent.hostname,
  spoolGaps: [
    {
      id: 'gap-1',
      reason: 'max-bytes' as const,
      count: 2,
      firstReportId: 'a',
      lastReportId: 'b',
      firstSpooledAt: '2026-11-20T00:00:00.000Z',
      lastSpooledAt: '2026-11-20T00:05:00.000Z',
      droppedAt: '2026-11-21T00:00:00.000Z',
    },
  ],
};

describe('packReport', () => {
  it('writes the same document buildReport builds, from devices serialised one by one', () => {
    const devices = golden.devices.map((d) => ({
      json: Buffer.from(JSON.stringify(d)),
      outline: outlineOf(d),
    }));
    const packed = packReport({ ...input, devices });
    const whole = buildReport({ ...input, devices: golden.devices });
    expect(JSON.parse(Buffer.concat(packed.body).toString('utf8'))).toEqual(whole);
    expect(reportSchema.parse(JSON.parse(Buffer.concat(packed.body).toString('utf8')))).toEqual(
      whole,
    );
    expect(packed).toMatchObject({
      reportId: golden.reportId,
      pollFinishedAt: golden.pollFinishedAt,
      spoolGapIds: ['gap-1'],
    });
    expect(packed.devices.map((d) => [d.outcome, d.target.name])).toEqual(
      golden.devices.map((d) => [d.outcome, d.target.name]),
    );
  });

  it('checks the envelope against the contract and names what is wrong', () => {
    expect(() => packReport({ ...input, agentHostname: 'x'.repeat(5000), devices: [] })).toThrow(
      /hostname/,
    );
    const many = Array.from({ length: MAX_REPORT_DEVICES + 1 }, () => ({
      json: Buffer.from('{}'),
      outline: {
        outcome: 'error' as const,
        target: { name: 'x', address: '127.0.0.1', port: 161 },
        meta: { varbinds: 0 },
      },
    }));
    expect(() => packReport({ ...input, devices: many })).toThrow(/at most 5000 devices/);
  });

  it('keeps only what the loop needs of each device', () => {
    const [device] = golden.devices;
    if (device?.outcome !== 'ok') throw new Error('the golden report starts with an ok device');
    const outline = outlineOf(device);
    expect(Object.keys(outline).sort()).toEqual(
      [
        'meta',
        'outcome',
        'partErrors',
        'snapshot',
        'target',
        ...(device.skipped ? ['skipped'] : []),
      ].sort(),
    );
    expect(JSON.stringify(outline).length).toBeLessThan(JSON.stringify(device).length / 4);
  });
});
