/** The collector's compliance feature. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'compliance.validation.day':
    'Not a date: "{value}". Write the local date as YYYY-MM-DD, e.g. 2026-11-27.',
  'compliance.validation.clockTime':
    'Not a time of day. Write HH:MM on a 24-hour clock, e.g. 08:00.',
  'compliance.validation.schoolHoursOrder':
    'School hours must end after they start ({start}–{end}). Set schoolHoursEnd later, e.g. 17:00.',
  'compliance.validation.staleAfterLate':
    'The stale window must be longer than the late window ({late} minutes). Raise staleWindowHours.',
  'compliance.cli.recomputed':
    'Recomputed {county} for {date}: {schools} schools, {results} school figures, {rollups} town and county figures.',
  'compliance.cli.badDate':
    'Not a date: "{value}". Give --date YYYY-MM-DD, e.g. --date 2026-11-27.',
  'compliance.indicator.room_coverage': 'Classroom wireless coverage',
  'compliance.indicator.has_wireless': 'School has wireless',
  'compliance.indicator.full_coverage': 'Full wireless coverage',
  'compliance.indicator.ap_online_ratio': 'AP online ratio',
  'compliance.indicator.uplink_1000m': '1000M uplink',
  'compliance.indicator.egress_100m': '100M egress',
  'compliance.indicator.ipv6': 'IPv6 level',
  'compliance.status.met': 'Met',
  'compliance.status.not_met': 'Not met',
  'compliance.status.unknown': 'Unknown',
  'compliance.status.no_target': 'No target in force',
  'compliance.unknownReason.stale': 'No recent report (last report {lastReportAt})',
  'compliance.unknownReason.never_reported': 'Never reported: enrol an agent for this school',
  'compliance.unknownReason.room_list_missing':
    'Room list missing: import the school’s classrooms ({aps} APs known)',
  'compliance.unknownReason.no_uplink': 'No uplink port known: designate the school’s uplink port',
  'compliance.unknownReason.no_samples_in_school_hours': 'No usable uplink samples in school hours',
  'compliance.unknownReason.no_ap_data': 'No AP attributed to this school was seen',
  'compliance.unknownReason.no_probe_data':
    'The school’s agent sent no IPv6 probe results: check its ipv6 settings',
  'compliance.room.covered': 'Covered: an AP of this room was online on {day}',
  'compliance.room.apsOffline': 'Not covered: its APs were not online in the last {days} days',
  'compliance.room.noAp':
    'Not covered: no AP is mapped to this room (assign one, or set the AP naming convention)',
  'compliance.ipv6.level5NeedsSite':
    "Level 5 (the school's own site over IPv6) is checked when the school's agent has ipv6.schoolSite set.",
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'compliance.validation.day':
    '不是日期：“{value}”。请按 YYYY-MM-DD 填写当地日期，例如 2026-11-27。',
  'compliance.validation.clockTime': '不是时刻。请按 24 小时制 HH:MM 填写，例如 08:00。',
  'compliance.validation.schoolHoursOrder':
    '在校时段的结束时间须晚于开始时间（{start}–{end}）。请把 schoolHoursEnd 设得更晚，例如 17:00。',
  'compliance.validation.staleAfterLate':
    '失联时限须长于迟报时限（{late} 分钟）。请调大 staleWindowHours。',
  'compliance.cli.recomputed':
    '已重算 {county} {date}：{schools} 所学校，{results} 项学校指标，{rollups} 项乡镇和县级汇总。',
  'compliance.cli.badDate':
    '不是日期：“{value}”。请填写 --date YYYY-MM-DD，例如 --date 2026-11-27。',
  'compliance.indicator.room_coverage': '教室无线覆盖率',
  'compliance.indicator.has_wireless': '有无线',
  'compliance.indicator.full_coverage': '无线全覆盖',
  'compliance.indicator.ap_online_ratio': 'AP 在线率',
  'compliance.indicator.uplink_1000m': '上联千兆',
  'compliance.indicator.egress_100m': '出口百兆',
  'compliance.indicator.ipv6': 'IPv6 等级',
  'compliance.status.met': '达标',
  'compliance.status.not_met': '未达标',
  'compliance.status.unknown': '未知',
  'compliance.status.no_target': '无生效目标',
  'compliance.unknownReason.stale': '近期无上报（最后上报 {lastReportAt}）',
  'compliance.unknownReason.never_reported': '从未上报：请为该校登记采集端',
  'compliance.unknownReason.room_list_missing': '缺少教室名单：请导入该校教室（已知 AP {aps} 个）',
  'compliance.unknownReason.no_uplink': '未知上联口：请指定该校的上联端口',
  'compliance.unknownReason.no_samples_in_school_hours': '在校时段内没有可用的上联采样',
  'compliance.unknownReason.no_ap_data': '没有见到归属该校的 AP',
  'compliance.unknownReason.no_probe_data': '该校采集端未上报 IPv6 探测结果：请检查其 ipv6 配置',
  'compliance.room.covered': '已覆盖：该教室的 AP 在 {day} 在线',
  'compliance.room.apsOffline': '未覆盖：该教室的 AP 近 {days} 天内均未在线',
  'compliance.room.noAp': '未覆盖：没有 AP 对应到该教室（请指定 AP，或设置 AP 命名规则）',
  'compliance.ipv6.level5NeedsSite':
    '第 5 级（学校自有网站经 IPv6 访问）需要在本校采集端配置 ipv6.schoolSite 后才会检测。',
};

export const complianceMessages = { en, zhCN };
