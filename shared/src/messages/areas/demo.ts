/**
 * The demo county (`npm start`): what it prints while it starts, runs and stops. zh-CN
 * first; keys and placeholders match (a test checks).
 */
const en = {
  'demo.usage':
    'Usage: npm start [-- options]\n  --history N     back-fill N days of reports when the demo county is created (default {history})\n  --port N        port of the dashboard and API on 127.0.0.1 (default 8080; 0 picks a free one)\n  --interval S    seconds between two polls of each agent (default 60)\n  --snmp-port N   UDP port the simulated devices answer on (default 16100)\n  --data-dir DIR  where the database and the agents live (default ./.xiaowang-demo, or XIAOWANG_DATA_DIR)\n  --fresh         delete the demo county in the data directory and start over\n  --once          start, back-fill, run one poll round, print the figures and exit (for tests and CI)\n  --json          with --once: print one JSON document instead of text\n  --lang zh-CN|en language of this output (default zh-CN)\n  --help          show this text',
  'demo.error.unknownOption':
    'Unknown option {option}. Run "npm start -- --help" to see the options.',
  'demo.error.notDemoDir':
    '{dir} holds a collector database that the demo did not create. Point the demo at another directory with --data-dir or XIAOWANG_DATA_DIR.',
  'demo.error.portInUse':
    'Port {port} on 127.0.0.1 is taken. Stop what uses it, or pass --port N (0 picks a free port).',
  'demo.error.udpInUse':
    'UDP port {port} for the simulated devices is taken on {host}. Pass --snmp-port N with a free port, or --fresh with a new one.',
  'demo.error.udpInUseResume':
    'This demo county’s simulated devices answer on UDP port {port} ({host}), and something holds it: most likely this demo is already running. Stop it first, or use another --data-dir.',
  'demo.error.failed': 'The demo stopped: {message}. The log is in {log}.',
  'demo.start.new': 'Creating the demo county in {dir} …',
  'demo.start.reuse':
    'Resuming the demo county created {created} in {dir} (npm start -- --fresh starts over).',
  'demo.start.historyIgnored':
    '--history applies when the demo county is created; this one was back-filled {days} days then.',
  'demo.start.incomplete':
    'The back-fill of this demo county was interrupted; its history has gaps. npm start -- --fresh builds it again.',
  'demo.county.created':
    'Created {county}: {towns} towns, {schools} schools ({points} teaching points, {kindergartens} kindergartens), {rooms} rooms, {aps} APs, targets from the plans.',
  'demo.county.devices':
    '{devices} simulated switches and controllers answer SNMP on {where}; {agents} agents poll them every {interval} s and report to the collector over HTTP.',
  'demo.backfill.progress': 'Back-filling: day {done} of {days}, {reports} reports so far …',
  'demo.backfill.done':
    'Back-filled {days} days: {reports} reports through the collector’s ingest API in {seconds} s, each day’s compliance computed.',
  'demo.round.done':
    'First poll round: {ok} of {agents} running agents reported (the offline one is {stale}).',
  'demo.figures':
    '{date}: room coverage {coverage} ({covered}/{rooms} rooms); 1000M uplink met by {uplinkMet} of {schools} schools, {unknown} unknown.',
  'demo.ready.dashboard': 'Dashboard: {url}',
  'demo.ready.loginAdmin': 'Log in:    {username} / {password} (county administrator)',
  'demo.ready.loginTech': '           {username} / {password} (technician of {school})',
  'demo.ready.noUsers':
    'Log in:    this collector has no user accounts yet; use the API with the admin token below.',
  'demo.ready.api': 'API:       curl -H "Authorization: Bearer {token}" {url}',
  'demo.ready.scenario':
    'What to look for: {slow} has a 100M uplink; {flapping}’s uplink flaps; {stale}’s agent is offline; {reboot} reboots; {ipv6} schools have IPv6 ({upgraded} turned it on {upgradedOn}); {dead} APs are dead.',
  'demo.ready.stop':
    'Ctrl+C stops the demo; npm start resumes it; npm start -- --fresh starts over. Log: {log}',
  'demo.live.recomputed': '{time} {figures}',
  'demo.stopping': 'Stopping: the agents finish their cycle, then everything closes …',
  'demo.stopped': 'Stopped.',
};

const zhCN: Record<keyof typeof en, string> = {
  'demo.usage':
    '用法：npm start [-- 选项]\n  --history N     新建演示县时补录 N 天的上报（默认 {history}）\n  --port N        看板与接口在 127.0.0.1 上的端口（默认 8080；0 表示任选空闲端口）\n  --interval S    每个采集端两次轮询间隔的秒数（默认 60）\n  --snmp-port N   模拟设备应答 SNMP 的 UDP 端口（默认 16100）\n  --data-dir DIR  数据库与采集端所在目录（默认 ./.xiaowang-demo，或 XIAOWANG_DATA_DIR）\n  --fresh         删除数据目录中的演示县，重新开始\n  --once          启动、补录、轮询一轮、打印数据后退出（用于测试与持续集成）\n  --json          与 --once 一起使用：输出一个 JSON 文档而非文字\n  --lang zh-CN|en 本输出的语言（默认 zh-CN）\n  --help          显示本说明',
  'demo.error.unknownOption': '未知选项 {option}。运行“npm start -- --help”查看可用选项。',
  'demo.error.notDemoDir':
    '{dir} 中有一个不是演示程序创建的汇聚端数据库。请用 --data-dir 或 XIAOWANG_DATA_DIR 指定另一个目录。',
  'demo.error.portInUse':
    '127.0.0.1 上的端口 {port} 已被占用。请停止占用它的程序，或用 --port N 指定端口（0 表示任选空闲端口）。',
  'demo.error.udpInUse':
    '{host} 上供模拟设备使用的 UDP 端口 {port} 已被占用。请用 --snmp-port N 指定空闲端口，或加 --fresh 换用新端口。',
  'demo.error.udpInUseResume':
    '本演示县的模拟设备使用 UDP 端口 {port}（{host}），该端口已被占用，多半是本演示已在运行。请先停止它，或换用 --data-dir。',
  'demo.error.failed': '演示已停止：{message}。日志在 {log}。',
  'demo.start.new': '正在 {dir} 中创建演示县……',
  'demo.start.reuse':
    '继续运行 {created} 创建于 {dir} 的演示县（npm start -- --fresh 可重新开始）。',
  'demo.start.historyIgnored': '--history 只在创建演示县时生效；本县创建时已补录 {days} 天。',
  'demo.start.incomplete':
    '本演示县的补录曾被中断，历史数据不完整。可用 npm start -- --fresh 重新创建。',
  'demo.county.created':
    '已创建{county}：{towns} 个乡镇（街道），{schools} 所学校（含教学点 {points} 个、幼儿园 {kindergartens} 所），{rooms} 间教室，{aps} 个 AP，目标取自规划。',
  'demo.county.devices':
    '{devices} 台模拟交换机与无线控制器在 {where} 上应答 SNMP；{agents} 个采集端每 {interval} 秒轮询一次，经 HTTP 上报汇聚端。',
  'demo.backfill.progress': '正在补录：第 {done}/{days} 天，已上报 {reports} 份……',
  'demo.backfill.done':
    '已补录 {days} 天：{reports} 份上报经汇聚端上报接口写入，用时 {seconds} 秒，并逐日计算了达标情况。',
  'demo.round.done': '第一轮轮询：运行中的 {agents} 个采集端有 {ok} 个已上报（离线的是 {stale}）。',
  'demo.figures':
    '{date}：教室无线覆盖率 {coverage}（{covered}/{rooms} 间）；上联千兆达标 {uplinkMet}/{schools} 所，状态未知 {unknown} 所。',
  'demo.ready.dashboard': '看板：{url}',
  'demo.ready.loginAdmin': '登录：{username} / {password}（县级管理员）',
  'demo.ready.loginTech': '      {username} / {password}（{school}的技术员）',
  'demo.ready.noUsers': '登录：本汇聚端尚无用户账号；请用下面的管理令牌访问接口。',
  'demo.ready.api': '接口：curl -H "Authorization: Bearer {token}" {url}',
  'demo.ready.scenario':
    '看点：{slow} 上联只有 100M；{flapping} 上联时断时续；{stale} 的采集端离线；{reboot} 会重启；{ipv6} 所学校已通 IPv6（{upgraded} 于 {upgradedOn} 开通）；{dead} 个 AP 已损坏。',
  'demo.ready.stop':
    '按 Ctrl+C 停止；再次 npm start 继续运行；npm start -- --fresh 重新开始。日志：{log}',
  'demo.live.recomputed': '{time} {figures}',
  'demo.stopping': '正在停止：等采集端完成本轮后全部关闭……',
  'demo.stopped': '已停止。',
};

export const demoMessages = { en, zhCN };
