import type { Db } from '../../../db/schema.ts';
import type { Indicator } from '../indicators.ts';

/*
 * The county's target schedules (targets.md §1, §4), inserted as rows: full coverage and
 * the AP online ratio get no target, so they are judged `no_target`.
 */

interface TargetSpec {
  readonly indicator: Indicator;
  readonly document: string;
  readonly sentence: string;
  readonly steps: readonly { readonly from: string; readonly threshold: number }[];
}

export const TARGETS: readonly TargetSpec[] = [
  {
    indicator: 'room_coverage',
    document: '城口县教育事业发展“十四五”规划',
    sentence: '到2022年，无线覆盖率达到60%，2025年达到100%。',
    steps: [
      { from: '2022-01-01', threshold: 0.6 },
      { from: '2025-01-01', threshold: 1 },
    ],
  },
  {
    indicator: 'uplink_1000m',
    document: '兴庆区“互联网+教育”实施方案（2019—2022年）',
    sentence: '学校上联端口1000M接入城域网',
    steps: [{ from: '2020-07-01', threshold: 1000 }],
  },
  {
    indicator: 'has_wireless',
    document: '兴庆区“互联网+教育”实施方案（2019—2022年）',
    sentence: '实现学校无线网全覆盖',
    steps: [{ from: '2021-01-01', threshold: 1 }],
  },
  {
    indicator: 'ipv6',
    document: '区教育五年行动计划',
    sentence: '完成中小学校校园网IPV6升级改造工程',
    steps: [{ from: '2023-01-01', threshold: 4 }],
  },
  {
    indicator: 'egress_100m',
    document: '学校联网攻坚行动',
    sentence: '学校（含教学点）宽带接入，出口带宽不低于100Mbps',
    steps: [{ from: '2021-01-01', threshold: 100 }],
  },
];

/** Step ids by `${indicator}@${from}`. */
export type TargetStepIds = ReadonlyMap<string, number>;

export async function insertTargets(db: Db, countyId: number, now: string): Promise<TargetStepIds> {
  const ids = new Map<string, number>();
  for (const t of TARGETS) {
    const target = await db
      .insertInto('targets')
      .values({
        county_id: countyId,
        indicator: t.indicator,
        preset: null,
        document: t.document,
        source_sentence: t.sentence,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const step of t.steps) {
      const row = await db
        .insertInto('target_steps')
        .values({
          target_id: target.id,
          effective_from: step.from,
          threshold: step.threshold,
          note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(`${t.indicator}@${step.from}`, row.id);
    }
  }
  return ids;
}
