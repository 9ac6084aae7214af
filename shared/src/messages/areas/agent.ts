/** The agent: its command line, SNMP errors, the probe summary. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'cli.usage.probe':
    'Usage: xiaowang-agent probe --host HOST [--port 161] --community NAME [--snmp-version 2c|3] [--json] [--lang zh-CN|en]\n' +
    '  SNMPv3: --v3-user NAME --v3-auth-protocol sha|sha224|sha256|sha384|sha512|md5 --v3-auth-key KEY\n' +
    '          [--v3-priv-protocol aes|aes256b|aes256r|des --v3-priv-key KEY] [--v3-level noAuthNoPriv|authNoPriv|authPriv]\n' +
    '  Other: --timeout MS (per request, default 2000) --retries N (default 1) --deadline MS (whole device, default 60000)',
  'cli.usage.main':
    "Usage: xiaowang-agent <command> [options]\n  enroll   exchange an enrollment code for this agent's token (--collector URL --code CODE)\n  run      poll on a schedule and report to the collector\n  status   last poll, last delivery, reports waiting\n  doctor   check the config, devices, collector, spool, clock and IPv6\n  probe    poll one device once and print what was read\n  help     show this text",
  'cli.error.unknownOption':
    'Unknown option {option}. Run "xiaowang-agent {command} --help" to see the options.',
  'cli.error.unknownCommand':
    'Unknown command "{command}". Commands: enroll, run, status, doctor, probe, help.',
  'cli.error.missingValue': 'Option {option} needs a value, e.g. {option} {example}.',
  'cli.error.missingRequired': 'Option {option} is required: {hint}',
  'cli.error.badValue': 'Option {option}: expected {expected}, got "{value}".',
  'cli.error.v3Missing':
    'SNMPv3 needs {option}. Ask the device administrator for the v3 user and keys, then add {option}.',
  'cli.error.desNeedsLegacy':
    "DES privacy needs Node's legacy OpenSSL provider: start with NODE_OPTIONS=--openssl-legacy-provider, or better, switch the device to AES.",
  'snmp.error.TIMEOUT':
    'No answer from {host}:{port}. Check the address, the community string or v3 user, the device ACL (does it allow this server?) and that UDP {port} is open. Over SNMPv2c a wrong community looks exactly like a dead device.',
  'snmp.error.notSnmp':
    '{host}:{port} answers, but not with SNMP. Check the port: another service seems to listen on UDP {port}. SNMP agents listen on 161 unless the device was set otherwise. (Details: {detail})',
  'snmp.error.AUTH': 'SNMPv3 authentication failed at {host}:{port} ({detail}). Check {parameter}.',
  'snmp.error.UNREACHABLE':
    'Cannot reach {host}:{port}: {detail}. Check the address and the route from this server.',
  'snmp.error.DEADLINE':
    'The device {host}:{port} took longer than the deadline of {deadlineMs} ms; the parts read so far are kept.',
  'snmp.error.generic': 'SNMP error at {host}:{port}: {detail}',
  'probe.heading': 'Device {host}:{port}',
  'probe.identity': 'Identity',
  'probe.vendor': 'Vendor / role',
  'probe.sysName': 'sysName',
  'probe.sysDescr': 'sysDescr',
  'probe.sysObjectID': 'sysObjectID',
  'probe.uptime': 'Uptime',
  'probe.interfaces': 'Interfaces: {count} ({up} up)',
  'probe.interfaceLine': '{ifIndex} {name}  {oper}  {speed}  {alias}',
  'probe.ipv6': 'IPv6 addresses: {count}; forwarding: {forwarding}; default routes: {routes}',
  'probe.aps': 'Access points: {count} known, {online} online (source: {source})',
  'probe.apLine': '{name}  {mac}  {model}  {state}  {clients} clients  group {group}',
  'probe.lldp': 'LLDP neighbours: {count}',
  'probe.lldpLine': '{localPort} → {remoteSysName} {remotePortId}',
  'probe.entity': 'Inventory: model {model}, serial {serial}, firmware {firmware}',
  'probe.partErrors': 'Parts not read:',
  'probe.partErrorLine': '{part}: {message}',
  'probe.meta':
    'Read in {durationMs} ms, {requests} requests, {retries} retries, {varbinds} values.',
  'probe.more': '… and {count} more',
  'probe.none': 'none',
  'probe.unknown': 'unknown',
  'probe.online': 'online',
  'probe.offline': 'offline',
  'common.yes': 'yes',
  'common.no': 'no',
  'enroll.unreachable':
    'Cannot reach the collector at {url}: {detail}. Check the address and that this server can open HTTPS to it.',
  'enroll.refused':
    'The collector refused the enrollment ({status}): {message}. Ask the county network centre for a new code if it was used or has expired.',
  'enroll.done':
    'Enrolled as agent {agentId} for {schools}. The token is saved in {file} (readable by its owner only). Next: list your devices and SNMP credentials in that file, then run "xiaowang-agent doctor".',
  'status.never': 'never',
  'status.lastPoll': 'Last poll: {at} ({ok} devices read, {error} failed)',
  'status.lastDelivery': 'Last delivery to the collector: {at}',
  'status.deliveryError': 'Delivery is waiting: {error}',
  'status.spool': 'Reports waiting to be sent: {count} (oldest {oldest})',
  'status.rejected':
    'Reports the collector refused for good: {count}, kept in {dir}; they are not sent again. Latest ({at}): {reason}. Send this reason to the county network centre; an agent and a collector of different versions is the usual cause.',
  'status.rejectedNoReason':
    'Reports the collector refused for good: {count}, kept in {dir}; they are not sent again.',
  'status.droppedMaxBytes':
    '{count} reports spooled from {from} to {to} were dropped unsent: the spool reached spool.maxBytes. The collector is told with the next report. To keep more while the collector cannot be reached, raise spool.maxBytes.',
  'status.droppedMaxAge':
    '{count} reports spooled from {from} to {to} were dropped unsent: they were older than spool.maxAgeDays. The collector is told with the next report. To keep them longer while the collector cannot be reached, raise spool.maxAgeDays.',
  'status.droppedMissing':
    '{count} reports spooled from {from} to {to} disappeared from the spool directory before they were sent (deleted by hand, or disk trouble). The collector is told with the next report.',
  'status.corrupt':
    'Damaged spool files set aside: {count}, in {dir}, each with a .reason.json saying what was wrong. They are not sent; disk trouble or a power cut is the usual cause.',
  'delivery.refused':
    'The collector at {address} refused the connection. Check that the collector is running and that the host and port in collector.url are right.',
  'delivery.timeout':
    'The collector at {url} did not answer within {seconds} s. Check the network between this host and the collector; if the collector is only slow, raise collector.timeoutMs.',
  'delivery.tls':
    'The secure connection (TLS) to the collector at {url} failed ({code}). Check this host’s clock and the collector’s certificate. For a private CA, give its certificate to the agent with NODE_EXTRA_CA_CERTS=/path/ca.pem.',
  'delivery.dns':
    'The collector’s host name {host} cannot be resolved ({code}). Check its spelling in collector.url and the DNS servers in /etc/resolv.conf, or use the collector’s IP address.',
  'delivery.network':
    'The connection to the collector at {address} failed ({code}). Check the network, firewalls and any proxy between this host and the collector.',
  'delivery.redirect':
    'The collector at {url} redirects reports to {location}. Put {suggested} in collector.url, then run "systemctl reload xiaowang-agent".',
  'delivery.tokenRefused':
    'The collector refused this agent’s token (HTTP {status}); reports are kept. Ask the county administrator for a new enrollment code, run "xiaowang-agent enroll --collector {url} --code CODE", then "systemctl reload xiaowang-agent".',
  'delivery.forbidden':
    'The collector refused the report (HTTP {status}): {detail}. Check the school of each device in the agent’s config, or ask the county administrator to assign those schools to this agent; reports are kept.',
  'delivery.collectorError':
    'The collector cannot take reports just now (HTTP {status}: {detail}). Reports are kept and sent again automatically; if this lasts, tell the county administrator.',
  'delivery.badUrl':
    'collector.url is not a usable address: "{url}". Correct it in the config (e.g. https://xiaowang.county.edu.cn/), then run "systemctl reload xiaowang-agent".',
  'delivery.rejected':
    'The collector rejected a report (HTTP {status}): {detail}. That report was moved to the spool’s rejected/ folder; the ones after it are still sent.',
  'delivery.noReportEndpoint':
    'What answers at {url} is not a xiaowang collector (HTTP {status} for the report address). Check that collector.url is the county collector’s address, then run "systemctl reload xiaowang-agent". Reports are kept until then.',
  'delivery.other':
    'Delivery to the collector failed: {detail}. Reports are kept and sent again automatically.',
  'delivery.spoolFile':
    'A report in the spool could not be read to be sent ({detail}). Check the disk that holds spool.dir and leave the files there as the agent wrote them; "xiaowang-agent doctor" checks the spool. The report is read and checked again at the next attempt.',
  'config.unknownKeys': 'unknown key(s) {keys}: remove them or check the spelling',
  'config.numberAtLeast': 'must be a number no less than {limit}',
  'config.numberAbove': 'must be a number greater than {limit}',
  'config.numberAtMost': 'must be a number no greater than {limit}',
  'config.numberBelow': 'must be a number less than {limit}',
  'config.textAtLeast': 'must be at least {limit} character(s) long',
  'config.textAtMost': 'must be at most {limit} characters long',
  'config.listAtLeast': 'must list at least {limit} item(s)',
  'config.listAtMost': 'must list at most {limit} items',
  'config.fileMissing':
    'not found: run "xiaowang-agent enroll --collector URL --code CODE" first, or pass --config FILE',
  'config.fileUnreadable': 'cannot be read ({code}): check its permissions',
  'config.notJson': 'is not valid JSON: {detail}',
  'config.notEmpty': 'must not be empty',
  'config.tooManyDevices':
    'one agent polls at most {max} listed devices; split them between agents (one per town, for example)',
  'config.v3KeyLength': 'SNMPv3 keys have at least 8 characters',
  'config.hostFormat': 'expected an IPv4/IPv6 address or a host name',
  'config.subnetFormat': 'expected a subnet such as 10.20.0.0/16',
  'config.tokenFormat': 'expected the token printed by enroll (xw_…)',
  'config.ipv6Address': 'expected an IPv6 address',
  'config.noSuchCredentials':
    'no credentials named "{name}"; define it under "credentials" or use one of: {defined}',
  'config.noCredentialsDefined':
    'no credentials named "{name}": none are defined yet; add it under "credentials"',
  'config.discoveryNoSuchCredentials': 'no credentials named "{name}"',
  'config.duplicateDevice':
    '{address} is already listed as devices[{first}]; list each device once',
  'config.v3NeedsAuthKey': 'level {level} needs authKey',
  'config.v3NeedsPrivKey': 'level authPriv needs privKey',
  'run.configInvalid': 'The config {file} has problems; the agent did not start:',
  'run.started':
    'xiaowang-agent is running: {devices} devices, every {interval} s. Reports are kept in {spool} until the collector acknowledges them.',
  'run.spoolLocked':
    'The spool {dir} is in use by {holder}. Only one agent may use a spool: stop the other agent (systemctl stop xiaowang-agent), or give this one its own spool.dir.',
  'run.spoolFull':
    'No room to store reports in {dir} ({code}). Free disk space or lower spool.maxBytes; reports already stored are safe.',
  'run.spoolError':
    "Cannot use the spool {dir} ({code}): {detail}. Check that the directory exists and belongs to the agent's user.",
  'run.anotherProcess': 'another process',
  'probe.apSource.table': "the controller's per-AP table",
  'probe.apSource.radioTable': 'distinct APs in the radio table (no per-AP table)',
  'probe.apSource.scalar': "the controller's AP counters (no per-AP table)",
  'probe.apSource.notApplicable': 'this device is an AP',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'cli.usage.probe':
    '用法：xiaowang-agent probe --host 主机 [--port 161] --community 团体名 [--snmp-version 2c|3] [--json] [--lang zh-CN|en]\n' +
    '  SNMPv3：--v3-user 用户名 --v3-auth-protocol sha|sha224|sha256|sha384|sha512|md5 --v3-auth-key 认证密钥\n' +
    '          [--v3-priv-protocol aes|aes256b|aes256r|des --v3-priv-key 加密密钥] [--v3-level noAuthNoPriv|authNoPriv|authPriv]\n' +
    '  其他：--timeout 毫秒（单次请求，默认 2000） --retries 次数（默认 1） --deadline 毫秒（整台设备，默认 60000）',
  'cli.usage.main':
    '用法：xiaowang-agent <命令> [选项]\n  enroll   用注册码换取本采集端的令牌（--collector 地址 --code 注册码）\n  run      按计划轮询并向汇聚端上报\n  status   上次轮询、上次送达、待发送的报告\n  doctor   检查配置、设备、汇聚端、缓存、时钟和 IPv6\n  probe    轮询一台设备一次并显示读到的内容\n  help     显示本说明',
  'cli.error.unknownOption':
    '未知选项 {option}。运行 "xiaowang-agent {command} --help" 查看可用选项。',
  'cli.error.unknownCommand':
    '未知命令 "{command}"。可用命令：enroll、run、status、doctor、probe、help。',
  'cli.error.missingValue': '选项 {option} 需要一个值，例如 {option} {example}。',
  'cli.error.missingRequired': '缺少必需的选项 {option}：{hint}',
  'cli.error.badValue': '选项 {option}：应为 {expected}，实际为 "{value}"。',
  'cli.error.v3Missing':
    'SNMPv3 需要 {option}。请向设备管理员索取 v3 用户名和密钥，然后加上 {option}。',
  'cli.error.desNeedsLegacy':
    'DES 加密需要 Node 的旧版 OpenSSL 提供程序：请以 NODE_OPTIONS=--openssl-legacy-provider 启动；更好的做法是把设备改为 AES。',
  'snmp.error.TIMEOUT':
    '{host}:{port} 没有应答。请检查地址、团体名或 v3 用户、设备 ACL 是否允许本服务器访问，以及 UDP {port} 端口是否开放。SNMPv2c 下团体名错误与设备不在线的表现完全相同。',
  'snmp.error.notSnmp':
    '{host}:{port} 有应答，但不是 SNMP。请检查端口：UDP {port} 上似乎是别的服务在应答。除非设备另行设置，SNMP 代理监听 161 端口。（详情：{detail}）',
  'snmp.error.AUTH': '{host}:{port} 的 SNMPv3 认证失败（{detail}）。请检查 {parameter}。',
  'snmp.error.UNREACHABLE':
    '无法访问 {host}:{port}：{detail}。请检查地址以及本服务器到该设备的路由。',
  'snmp.error.DEADLINE':
    '设备 {host}:{port} 超过了 {deadlineMs} 毫秒的时限；已读到的部分仍然保留。',
  'snmp.error.generic': '{host}:{port} 出现 SNMP 错误：{detail}',
  'probe.heading': '设备 {host}:{port}',
  'probe.identity': '设备标识',
  'probe.vendor': '厂商 / 角色',
  'probe.sysName': '设备名称',
  'probe.sysDescr': '系统描述',
  'probe.sysObjectID': '系统对象标识',
  'probe.uptime': '运行时间',
  'probe.interfaces': '接口：{count} 个（{up} 个在线）',
  'probe.interfaceLine': '{ifIndex} {name}  {oper}  {speed}  {alias}',
  'probe.ipv6': 'IPv6 地址：{count} 个；IPv6 转发：{forwarding}；IPv6 默认路由：{routes}',
  'probe.aps': '无线 AP：已知 {count} 台，在线 {online} 台（来源：{source}）',
  'probe.apLine': '{name}  {mac}  {model}  {state}  终端 {clients}  分组 {group}',
  'probe.lldp': 'LLDP 邻居：{count} 个',
  'probe.lldpLine': '{localPort} → {remoteSysName} {remotePortId}',
  'probe.entity': '资产：型号 {model}，序列号 {serial}，固件 {firmware}',
  'probe.partErrors': '未能读取的部分：',
  'probe.partErrorLine': '{part}：{message}',
  'probe.meta': '用时 {durationMs} 毫秒，{requests} 次请求，{retries} 次重试，{varbinds} 个值。',
  'probe.more': '……另有 {count} 项',
  'probe.none': '无',
  'probe.unknown': '未知',
  'probe.online': '在线',
  'probe.offline': '离线',
  'common.yes': '是',
  'common.no': '否',
  'enroll.unreachable':
    '无法连接汇聚端 {url}：{detail}。请检查地址，以及本服务器能否以 HTTPS 访问它。',
  'enroll.refused':
    '汇聚端拒绝了注册（{status}）：{message}。如果注册码已使用或已过期，请向县网络中心索取新的注册码。',
  'enroll.done':
    '已注册为采集端 {agentId}，负责 {schools}。令牌已保存到 {file}（仅所有者可读）。下一步：在该文件中填写设备和 SNMP 凭据，然后运行 "xiaowang-agent doctor"。',
  'status.never': '从未',
  'status.lastPoll': '上次轮询：{at}（读取 {ok} 台设备，{error} 台失败）',
  'status.lastDelivery': '上次送达汇聚端：{at}',
  'status.deliveryError': '上报暂停中：{error}',
  'status.spool': '待发送的报告：{count} 份（最早 {oldest}）',
  'status.rejected':
    '汇聚端拒收的报告：{count} 份，保存在 {dir}，不会再发送。最近一次（{at}）：{reason}。请把这一原因告知县网络中心；常见原因是采集端与汇聚端的版本不一致。',
  'status.rejectedNoReason': '汇聚端拒收的报告：{count} 份，保存在 {dir}，不会再发送。',
  'status.droppedMaxBytes':
    '{from} 至 {to} 暂存的 {count} 份报告未发送即被丢弃：待发队列达到了 spool.maxBytes 上限。下一份报告会告知汇聚端。若要在汇聚端无法连接时保留更多报告，请调大 spool.maxBytes。',
  'status.droppedMaxAge':
    '{from} 至 {to} 暂存的 {count} 份报告未发送即被丢弃：它们超过了 spool.maxAgeDays。下一份报告会告知汇聚端。若要在汇聚端无法连接时保留更久，请调大 spool.maxAgeDays。',
  'status.droppedMissing':
    '{from} 至 {to} 暂存的 {count} 份报告在发送前从待发队列目录中消失（被手动删除或磁盘故障）。下一份报告会告知汇聚端。',
  'status.corrupt':
    '已移出的损坏文件：{count} 个，位于 {dir}，每个旁边的 .reason.json 说明了问题。它们不会被发送；常见原因是磁盘故障或断电。',
  'delivery.refused':
    '汇聚端 {address} 拒绝了连接。请确认汇聚端正在运行，以及 collector.url 中的主机和端口是否正确。',
  'delivery.timeout':
    '汇聚端 {url} 在 {seconds} 秒内没有应答。请检查本机到汇聚端的网络；如果只是汇聚端响应慢，可调大 collector.timeoutMs。',
  'delivery.tls':
    '与汇聚端 {url} 的安全连接（TLS）失败（{code}）。请检查本机时间和汇聚端证书。若使用内部 CA，请用 NODE_EXTRA_CA_CERTS=/path/ca.pem 把 CA 证书提供给采集端。',
  'delivery.dns':
    '无法解析汇聚端的主机名 {host}（{code}）。请检查 collector.url 中主机名的拼写和 /etc/resolv.conf 中的 DNS 服务器，或改用汇聚端的 IP 地址。',
  'delivery.network':
    '与汇聚端 {address} 的连接失败（{code}）。请检查本机到汇聚端之间的网络、防火墙和代理。',
  'delivery.redirect':
    '汇聚端 {url} 把报告重定向到 {location}。请把 collector.url 改为 {suggested}，然后运行 "systemctl reload xiaowang-agent"。',
  'delivery.tokenRefused':
    '汇聚端拒绝了本采集端的令牌（HTTP {status}），报告已保留。请向县级管理员索取新的注册码，运行 "xiaowang-agent enroll --collector {url} --code 注册码"，然后运行 "systemctl reload xiaowang-agent"。',
  'delivery.forbidden':
    '汇聚端拒收报告（HTTP {status}）：{detail}。请检查配置中各设备所属的学校，或请县级管理员把这些学校分配给本采集端；报告已保留。',
  'delivery.collectorError':
    '汇聚端暂时无法接收报告（HTTP {status}：{detail}）。报告已保留，稍后会自动重发；如果持续出现，请告知县级管理员。',
  'delivery.badUrl':
    'collector.url 不是可用的地址："{url}"。请在配置文件中改正（例如 https://xiaowang.county.edu.cn/），然后运行 "systemctl reload xiaowang-agent"。',
  'delivery.rejected':
    '汇聚端拒收了一份报告（HTTP {status}）：{detail}。该报告已移到待发队列的 rejected/ 目录，后面的报告照常发送。',
  'delivery.noReportEndpoint':
    '{url} 上应答的不是校网汇聚端（上报地址返回 HTTP {status}）。请确认 collector.url 是县级汇聚端的地址，然后运行 "systemctl reload xiaowang-agent"。在此之前报告会一直保留。',
  'delivery.other': '向汇聚端上报失败：{detail}。报告已保留，稍后会自动重发。',
  'delivery.spoolFile':
    '待发队列中的一份报告读取失败，未能发送（{detail}）。请检查 spool.dir 所在的磁盘，不要改动或移走其中的文件；可运行 "xiaowang-agent doctor" 检查待发队列。下次重发时会重新读取并校验该报告。',
  'config.unknownKeys': '未知的键 {keys}：请删除，或检查拼写',
  'config.numberAtLeast': '应为不小于 {limit} 的数',
  'config.numberAbove': '应为大于 {limit} 的数',
  'config.numberAtMost': '应为不大于 {limit} 的数',
  'config.numberBelow': '应为小于 {limit} 的数',
  'config.textAtLeast': '长度应至少为 {limit} 个字符',
  'config.textAtMost': '长度应不超过 {limit} 个字符',
  'config.listAtLeast': '应至少列出 {limit} 项',
  'config.listAtMost': '应不超过 {limit} 项',
  'config.fileMissing':
    '找不到：请先运行 "xiaowang-agent enroll --collector 地址 --code 注册码"，或用 --config 指定配置文件',
  'config.fileUnreadable': '无法读取（{code}）：请检查文件权限',
  'config.notJson': '不是有效的 JSON：{detail}',
  'config.notEmpty': '不能为空',
  'config.tooManyDevices':
    '一个采集端最多轮询 {max} 台列出的设备；请把设备分给多个采集端（例如每个镇一个）',
  'config.v3KeyLength': 'SNMPv3 密钥至少 8 个字符',
  'config.hostFormat': '应为 IPv4/IPv6 地址或主机名',
  'config.subnetFormat': '应为网段，例如 10.20.0.0/16',
  'config.tokenFormat': '应为 enroll 命令给出的令牌（以 xw_ 开头）',
  'config.ipv6Address': '应为 IPv6 地址',
  'config.noSuchCredentials':
    '没有名为 "{name}" 的凭据；请在 "credentials" 下定义，或改用以下之一：{defined}',
  'config.noCredentialsDefined':
    '没有名为 "{name}" 的凭据：还没有定义任何凭据，请在 "credentials" 下添加',
  'config.discoveryNoSuchCredentials': '没有名为 "{name}" 的凭据',
  'config.duplicateDevice': '{address} 已在 devices[{first}] 中列出；每台设备只列一次',
  'config.v3NeedsAuthKey': '安全级别 {level} 需要 authKey',
  'config.v3NeedsPrivKey': '安全级别 authPriv 需要 privKey',
  'run.configInvalid': '配置文件 {file} 有问题，采集端未启动：',
  'run.started':
    'xiaowang-agent 正在运行：{devices} 台设备，每 {interval} 秒一次。报告会保存在 {spool}，直到汇聚端确认收到。',
  'run.spoolLocked':
    '待发队列 {dir} 正被 {holder} 使用。一个队列只能由一个采集端使用：请停止另一个采集端（systemctl stop xiaowang-agent），或为本采集端另设 spool.dir。',
  'run.spoolFull':
    '{dir} 没有空间保存报告（{code}）。请清理磁盘或调小 spool.maxBytes；已保存的报告不受影响。',
  'run.spoolError':
    '无法使用待发队列 {dir}（{code}）：{detail}。请检查该目录是否存在、是否属于采集端的运行用户。',
  'run.anotherProcess': '另一个进程',
  'probe.apSource.table': '控制器的逐台 AP 表',
  'probe.apSource.radioTable': '射频表中不同的 AP（无逐台 AP 表）',
  'probe.apSource.scalar': '控制器的 AP 计数（无逐台 AP 表）',
  'probe.apSource.notApplicable': '本设备就是 AP',
};

export const agentMessages = { en, zhCN };
