import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { reportSchema } from '@xiaowang/shared';
import { REPO_ROOT } from '../../support/paths.ts';

/*
 * Reports as agents send them: the golden school report (a core switch with its uplink, an
 * AC with APs, one device that did not answer) with a fresh id and the poll time of its slot.
 */

const GOLDEN: Report = reportSchema.parse(
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/reports/v1-school.json'), 'utf8')),
);

/** The golden report for a poll that started at `at`, with a new id. */
export function schoolReport(at: number, hostname = 'gateway'): Report {
  const started = new Date(at).toISOString();
  return {
    ...GOLDEN,
    reportId: randomUUID(),
    agent: { ...GOLDEN.agent, hostname },
    pollStartedAt: started,
    pollFinishedAt: new Date(at + 4000).toISOString(),
    devices: GOLDEN.devices.map((d) => ({ ...d, meta: { ...d.meta, startedAt: started } })),
  };
}

/** 08:00 Beijing time on a school day: samples land inside school hours. */
export const SCHOOL_MORNING = Date.UTC(2026, 10, 26, 0, 0, 0);
export const FIVE_MINUTES = 300_000;
