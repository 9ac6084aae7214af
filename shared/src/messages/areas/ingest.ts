/** The collector's agents, enrollment, report ingest and retention. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'ingest.notFound.agent':
    'There is no agent with id {id}. List the agents with GET /api/v1/agents.',
  'ingest.enroll.schoolOtherCounty':
    'School {id} belongs to another county. Choose schools of county {countyId} (GET /api/v1/schools?countyId={countyId}).',
  'ingest.enroll.codeFormat':
    'Not an enrollment code. Type the 16 letters and digits the administrator gave you, e.g. ABCD-EFGH-JKMN-PQRS.',
  'ingest.enroll.codeWrong':
    'This enrollment code is not valid. Check it for typos, or ask the county administrator for a new one.',
  'ingest.enroll.codeUsed':
    'This enrollment code was already used (at {usedAt}). Each code enrolls one agent: ask the county administrator for a new code.',
  'ingest.enroll.codeExpired':
    'This enrollment code expired at {expiresAt}. Ask the county administrator for a new code.',
  'ingest.enroll.tooManyAttempts':
    'Too many enrollment attempts from this address. Wait {seconds} seconds, then try again.',
  'ingest.agentToken.missing':
    "This needs the agent's token: send the header Authorization: Bearer xw_…, as printed when the agent enrolled.",
  'ingest.agentToken.wrong':
    "The agent token is not known. Check the token in the agent's configuration, or enroll the agent again with a new code.",
  'ingest.agentToken.revoked':
    "This agent's token was revoked at {revokedAt}. Ask the county administrator for a new enrollment code and enroll the agent again.",
  'ingest.report.unsupportedVersion':
    'Report schemaVersion {got} is not supported: this collector accepts {supported}. Upgrade the agent (or the collector, if the agent is newer).',
  'ingest.report.forbidden':
    'The report has {count} device(s) at schools this agent does not serve, so nothing was stored. Each is listed in details.',
  'ingest.report.schoolNotAllowed':
    'School code "{school}" is not one of this agent\'s schools ({allowed}). Correct the device\'s school in the agent configuration, or enroll an agent for that school.',
  'ingest.report.duplicateTarget':
    'Device {address}:{port} appears more than once in this report. List each device once.',
  'ingest.report.idTaken':
    'Report id {reportId} was already used by another agent. Send each report with a new id (the agent does this itself).',
  'ingest.report.tooFrequent':
    'This agent sends reports too often. Wait {seconds} seconds; if it keeps happening, lengthen the poll interval.',
  'ingest.config.hint.maxReportBytes':
    'Set it to a whole number of bytes between 64 KiB and 256 MiB, e.g. 8388608 (8 MiB, default).',
  'ingest.config.hint.reportRatePerMinute':
    'Set it to how many reports one agent may send per minute, 1 to 6000, e.g. 60 (default).',
  'ingest.config.hint.reportBurst':
    'Set it to how many reports one agent may send at once after a pause, 1 to 100000, e.g. 120 (default).',
  'ingest.config.hint.enrollRatePerMinute':
    'Set it to how many enrollment attempts one address may make per minute, 1 to 600, e.g. 10 (default).',
  'ingest.config.hint.sampleRetentionDays':
    'Set it to how many days of raw uplink samples to keep, 7 to 3650, e.g. 400 (default). Daily summaries have their own retention (XIAOWANG_DAILY_RETENTION_DAYS).',
  'ingest.config.hint.reportRetentionDays':
    "Set it to how many days of report rows to keep, 60 to 3650, e.g. 400 (default). Keep it longer than the agents' spool keeps unsent reports (spool.maxAgeDays, 45 by default), or a late resend is stored twice.",
  'ingest.config.hint.dailyRetentionDays':
    'Set it to how many days of daily interface and AP summaries to keep, 100 to 3650, e.g. 800 (default). Compliance reads up to 90 days back.',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'ingest.notFound.agent': '没有编号为 {id} 的采集端。可用 GET /api/v1/agents 查看采集端列表。',
  'ingest.enroll.schoolOtherCounty':
    '学校 {id} 属于其他县区。请选择县区 {countyId} 的学校（GET /api/v1/schools?countyId={countyId}）。',
  'ingest.enroll.codeFormat':
    '不是注册码。请输入管理员给出的 16 位字母和数字，例如 ABCD-EFGH-JKMN-PQRS。',
  'ingest.enroll.codeWrong': '注册码无效。请检查是否输错，或向县区管理员索取新的注册码。',
  'ingest.enroll.codeUsed':
    '该注册码已于 {usedAt} 使用过。每个注册码只能注册一个采集端，请向县区管理员索取新的注册码。',
  'ingest.enroll.codeExpired': '该注册码已于 {expiresAt} 过期。请向县区管理员索取新的注册码。',
  'ingest.enroll.tooManyAttempts': '该地址的注册尝试过多。请等待 {seconds} 秒后再试。',
  'ingest.agentToken.missing':
    '需要采集端令牌：请发送请求头 Authorization: Bearer xw_…（注册时显示的令牌）。',
  'ingest.agentToken.wrong':
    '采集端令牌无法识别。请检查采集端配置中的令牌，或用新的注册码重新注册。',
  'ingest.agentToken.revoked':
    '该采集端的令牌已于 {revokedAt} 吊销。请向县区管理员索取新的注册码并重新注册采集端。',
  'ingest.report.unsupportedVersion':
    '不支持上报数据版本 schemaVersion {got}：本汇聚端接受 {supported}。请升级采集端（如采集端较新，则升级汇聚端）。',
  'ingest.report.forbidden':
    '上报中有 {count} 台设备属于本采集端不负责的学校，因此未保存任何数据。详见 details。',
  'ingest.report.schoolNotAllowed':
    '学校代码“{school}”不在本采集端负责的学校（{allowed}）之中。请在采集端配置中更正该设备的学校，或为该学校注册采集端。',
  'ingest.report.duplicateTarget':
    '设备 {address}:{port} 在本次上报中出现了多次。每台设备只列一次。',
  'ingest.report.idTaken':
    '上报编号 {reportId} 已被其他采集端使用。每次上报须使用新的编号（采集端会自动生成）。',
  'ingest.report.tooFrequent':
    '该采集端上报过于频繁。请等待 {seconds} 秒；如经常出现，请延长采集间隔。',
  'ingest.config.hint.maxReportBytes':
    '请设为 64 KiB 到 256 MiB 之间的字节数，例如 8388608（8 MiB，默认）。',
  'ingest.config.hint.reportRatePerMinute':
    '请设为每个采集端每分钟最多上报次数，1 到 6000，例如 60（默认）。',
  'ingest.config.hint.reportBurst':
    '请设为采集端暂停后一次最多可连续上报的次数，1 到 100000，例如 120（默认）。',
  'ingest.config.hint.enrollRatePerMinute':
    '请设为每个地址每分钟最多注册尝试次数，1 到 600，例如 10（默认）。',
  'ingest.config.hint.sampleRetentionDays':
    '请设为原始上联采样保留天数，7 到 3650，例如 400（默认）。每日汇总另有保留期限（XIAOWANG_DAILY_RETENTION_DAYS）。',
  'ingest.config.hint.reportRetentionDays':
    '请设为上报记录保留天数，60 到 3650，例如 400（默认）。须长于采集端缓存未发送上报的天数（spool.maxAgeDays，默认 45），否则迟到的重发会被重复保存。',
  'ingest.config.hint.dailyRetentionDays':
    '请设为端口和 AP 每日汇总保留天数，100 到 3650，例如 800（默认）。达标计算最多回看 90 天。',
};

export const ingestMessages = { en, zhCN };
