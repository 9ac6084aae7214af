/*
 * The targets written in the plans (docs targets.md §1), as presets a county can apply.
 * Each quotes its source sentence exactly as the plan text has it, punctuation included,
 * so a bureau can find it again; thresholds are in the indicator's unit.
 */

/** The indicators the presets use; the collector checks at compile time that it knows each. */
export type PresetIndicator =
  'room_coverage' | 'has_wireless' | 'uplink_1000m' | 'egress_100m' | 'ipv6';

export interface PresetStep {
  /** Local date (YYYY-MM-DD) from which the step is in force. */
  readonly effectiveFrom: string;
  /** A fraction 0..1, Mbit/s, or an IPv6 level, by indicator. */
  readonly threshold: number;
  /** How the date was read from the plan. */
  readonly note: string;
}

export interface PresetTarget {
  /** Stored with the target, e.g. `chengkou-room-coverage`. */
  readonly key: string;
  readonly indicator: PresetIndicator;
  readonly sourceSentence: string;
  readonly steps: readonly PresetStep[];
}

export interface TargetPreset {
  readonly key: string;
  /** The plan's title as published. */
  readonly document: string;
  /** `plan`: a county or district plan; `national`: national policy every county inherits. */
  readonly scope: 'plan' | 'national';
  /** The plan text the sentences are quoted from (targets.md's ../seeds); null for national policy. */
  readonly planFile: string | null;
  /** Where in the plan, or where a national sentence is quoted from. */
  readonly section: string;
  readonly targets: readonly PresetTarget[];
}

export const TARGET_PRESETS: readonly TargetPreset[] = [
  {
    key: 'chengkou',
    document: '城口县教育事业发展“十四五”规划',
    scope: 'plan',
    planFile: '000_248b3452a778c227.txt',
    section: '专栏8 智慧教育普及应用工程',
    targets: [
      {
        key: 'chengkou-room-coverage',
        indicator: 'room_coverage',
        sourceSentence:
          '“1+3彩云计划”智慧教育工程:一项强基工程,实施教育城域网改造和教育系统无线网络建设,到2022年,无线覆盖率达到60%,2025年达到100%。',
        steps: [
          { effectiveFrom: '2022-01-01', threshold: 0.6, note: '到2022年：60%' },
          { effectiveFrom: '2025-01-01', threshold: 1, note: '2025年：100%' },
        ],
      },
    ],
  },
  {
    key: 'xingqing',
    document: '兴庆区“互联网+教育”三年发展规划(2019-2022年)',
    scope: 'plan',
    planFile: '004_f75af72c13619e4e.txt',
    section: '四、实施步骤 (一)第一阶段:建立机制 优化环境(2019年7月-2020年7月)',
    targets: [
      {
        key: 'xingqing-uplink-1000m',
        indicator: 'uplink_1000m',
        sourceSentence: '学校上联端口1000M接入城域网',
        steps: [{ effectiveFrom: '2020-07-01', threshold: 1000, note: '第一阶段止于2020年7月' }],
      },
      {
        key: 'xingqing-has-wireless',
        indicator: 'has_wireless',
        sourceSentence: '实现学校无线网全覆盖',
        steps: [{ effectiveFrom: '2020-07-01', threshold: 1, note: '第一阶段止于2020年7月' }],
      },
    ],
  },
  {
    key: 'district-ipv6',
    document: '某区教育高质量发展五年行动实施方案',
    scope: 'plan',
    planFile: '001_586e452e2535be1c.txt',
    section: '统筹推进中小学数字校园建设（总体目标：到2027年）',
    targets: [
      {
        key: 'district-ipv6-level4',
        indicator: 'ipv6',
        sourceSentence: '完成中小学校校园网IPV6升级改造工程',
        // The plan dates the project nowhere; its goals are "到2027年", read like Chengkou's years.
        steps: [{ effectiveFrom: '2027-01-01', threshold: 4, note: '总体目标“到2027年”' }],
      },
    ],
  },
  {
    key: 'national-egress',
    document: '教育部办公厅 工业和信息化部办公厅关于开展学校联网攻坚行动的通知',
    scope: 'national',
    planFile: null,
    section: '学校联网攻坚行动的目标，据东南网2019-11-13转述；不在县区规划中，各县区都适用',
    targets: [
      {
        key: 'national-egress-100m',
        indicator: 'egress_100m',
        sourceSentence:
          '到2020年底前,中小学(含教学点)宽带接入率达到98%以上、出口带宽达到100Mbps以上',
        steps: [{ effectiveFrom: '2020-12-31', threshold: 100, note: '到2020年底前' }],
      },
    ],
  },
];

/** A preset by its key, or the single-target preset holding a target of that key. */
export function findTargetPreset(key: string): TargetPreset | undefined {
  const whole = TARGET_PRESETS.find((p) => p.key === key);
  if (whole !== undefined) return whole;
  for (const preset of TARGET_PRESETS) {
    const target = preset.targets.find((t) => t.key === key);
    if (target !== undefined) return { ...preset, key, targets: [target] };
  }
  return undefined;
}
