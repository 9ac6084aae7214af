/** The agent's `doctor` checklist. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'cli.usage.doctor':
    'Usage: xiaowang-agent doctor [--config FILE] [--lang zh-CN|en] [--json]\n' +
    '  Checks the config, each device, the collector, the spool, the clock and IPv6, and says what to do about each failure.\n' +
    '  Exit code: 0 all checks pass (warnings allowed), 1 a check failed, 2 bad command line.\n' +
    '  Default config: {file}',
  'doctor.heading': 'xiaowang-agent doctor (config {file})',
  'doctor.summary.ok': 'All checks passed ({passed} passed, {warned} warnings, {skipped} skipped).',
  'doctor.summary.failed':
    '{failed} check(s) failed, {warned} warnings, {passed} passed, {skipped} skipped.',
  'doctor.detail': '{text}',
  'doctor.config.ok': 'Config loads: {devices} device(s), {credentials} credential set(s)',
  'doctor.config.bad': 'Config {file} has {count} problem(s):',
  'doctor.config.problem': '{path}: {message}',
  'doctor.config.fix': 'Fix each problem listed above, then run xiaowang-agent doctor again.',
  'doctor.rest.skipped': 'Other checks skipped: the config has to load first',
  'doctor.device.none': 'No devices configured (devices is empty)',
  'doctor.device.noneFix':
    "Add the school's core switch, router or wireless controller under devices in the config.",
  'doctor.device.ok':
    'Device {name} ({host}:{port}) answers: sysName {sysName}, sysObjectID {sysObjectID}',
  'doctor.device.empty':
    'Device {name} ({host}:{port}) answers but returned neither sysObjectID nor sysName',
  'doctor.device.emptyFix':
    'Check that the SNMP view on the device includes the system group (1.3.6.1.2.1.1).',
  'doctor.device.timeout': 'Device {name} ({host}:{port}) does not answer',
  'doctor.device.timeoutFix':
    'Check the community in credentials.{credentials}, that the device ACL allows this host, and that UDP {port} is open between them. Over SNMPv2c a wrong community looks exactly like a dead device.',
  'doctor.device.timeoutFixV3':
    'Check the address, the user in credentials.{credentials}, that the device ACL allows this host, and that UDP {port} is open between them.',
  'doctor.device.notSnmp': 'Device {name} ({host}:{port}) answers, but not with SNMP ({detail})',
  'doctor.device.notSnmpFix':
    'Check {setting} in the config: another service seems to listen on UDP {port}. SNMP agents listen on 161 unless the device was set otherwise.',
  'doctor.device.auth': 'Device {name} ({host}:{port}): SNMPv3 authentication failed ({detail})',
  'doctor.device.authFix': 'Check {setting} so that it matches the SNMPv3 user on the device.',
  'doctor.device.unreachable': 'Device {name} ({host}:{port}) cannot be reached ({detail})',
  'doctor.device.unreachableFix':
    'Check the address in the config and the route from this host to the device.',
  'doctor.device.error': 'Device {name} ({host}:{port}): SNMP error ({detail})',
  'doctor.device.errorFix':
    'Poll the device on its own with xiaowang-agent probe to see what it answers.',
  'doctor.tables.all': 'Device {name}: every table answers ({tables})',
  'doctor.tables.some': 'Device {name}: tables answering: {answered}; not answering: {missing}',
  'doctor.tables.fix':
    'Open these tables in the SNMP view on the device if it supports them; until then the data listed above is missing.',
  'doctor.table.ifXTable':
    'ifXTable: no 64-bit traffic counters or interface names, so uplink utilisation is less accurate',
  'doctor.table.ipAddressTable':
    'ipAddressTable: IPv6 addresses are read from the older IPV6-MIB, if the device has it',
  'doctor.table.lldp': 'LLDP: no neighbours, so the uplink port cannot be confirmed',
  'doctor.table.entity': 'ENTITY: no model, serial number or firmware version',
  'doctor.dns.literal': 'Collector {host} is an IP address: no DNS needed',
  'doctor.dns.ok': 'Collector {host} resolves to {addresses}',
  'doctor.dns.fail': 'Collector {host} does not resolve ({detail})',
  'doctor.dns.fix':
    'Check the spelling of the host name in collector.url and the DNS servers in /etc/resolv.conf, or use the collector’s IP address.',
  'doctor.health.ok': 'Collector {url} answers: HTTP {status} in {ms} ms',
  'doctor.health.status': 'Collector {url} answered HTTP {status}',
  'doctor.health.statusFix':
    'Check that collector.url is the collector’s base address (without /api), and ask the county administrator whether the collector is running.',
  'doctor.health.tls': 'TLS to the collector {url} failed ({detail})',
  'doctor.health.tlsFix':
    'Check this host’s clock and the collector’s certificate. For a private CA, give its certificate to the agent with NODE_EXTRA_CA_CERTS=/path/ca.pem.',
  'doctor.health.timeout': 'Collector {url} did not answer within {ms} ms',
  'doctor.health.timeoutFix':
    'Check the network path from this host to the collector, firewalls and any HTTP proxy.',
  'doctor.health.error': 'Cannot connect to the collector {url} ({detail})',
  'doctor.health.errorFix':
    'Check the address and port in collector.url, that the collector is running, and firewalls on the way.',
  'doctor.token.ok': 'Token accepted by the collector',
  'doctor.token.refused': 'The collector refused the token (HTTP {status})',
  'doctor.token.fix':
    'The token has expired or was revoked: ask the county administrator for a new enrolment code, then run xiaowang-agent enroll again.',
  'doctor.token.unsupported':
    'Token not checked: this collector does not support GET /api/v1/agents/me',
  'doctor.token.unexpected': 'Checking the token: the collector answered HTTP {status}',
  'doctor.token.error': 'Checking the token failed ({detail})',
  'doctor.token.skipped': 'Token not checked: the collector cannot be reached',
  'doctor.clock.ok': 'Clock agrees with the collector (difference {seconds} s)',
  'doctor.clock.ahead': 'This host’s clock is {seconds} s ahead of the collector (60 s allowed)',
  'doctor.clock.behind': 'This host’s clock is {seconds} s behind the collector (60 s allowed)',
  'doctor.clock.fix':
    'Set the clock right and keep it right with NTP (e.g. timedatectl set-ntp true): TLS certificates and tokens are checked against it, and reports carry its times.',
  'doctor.clock.noDate': 'Clock not compared: the collector’s answer has no Date header',
  'doctor.clock.skipped': 'Clock not compared: the collector cannot be reached',
  'doctor.spool.missing': 'Spool directory {dir} does not exist',
  'doctor.spool.missingFix':
    'The agent creates it on its first run; as a service, make sure its user may create {dir}.',
  'doctor.spool.notDir': 'Spool path {dir} is not a directory',
  'doctor.spool.notDirFix': 'Point spool.dir at a directory.',
  'doctor.spool.readonly': 'Spool directory {dir} is not writable ({detail})',
  'doctor.spool.readonlyFix':
    'Give the user that runs the agent write access to {dir} (owner or group).',
  'doctor.spool.error': 'Spool directory {dir} cannot be read ({detail})',
  'doctor.spool.empty': 'Spool directory {dir} is writable; no unsent reports',
  'doctor.spool.pending':
    'Spool directory {dir} is writable; {count} unsent report(s), the oldest from {oldest}',
  'doctor.spool.stale':
    'Spool directory {dir}: {count} unsent report(s), the oldest waiting {hours} h (since {oldest})',
  'doctor.spool.staleFix':
    'They are sent automatically once the collector can be reached; if a collector check above failed, fix that first.',
  'doctor.ipv6.off': 'IPv6 not checked: turned off in the config (ipv6.enabled: false)',
  'doctor.ipv6.level0': 'IPv6 as seen from this host: level 0 (not enabled)',
  'doctor.ipv6.level1': 'IPv6 as seen from this host: level 1 (uplink addressed)',
  'doctor.ipv6.level2': 'IPv6 as seen from this host: level 2 (dual-stack LAN)',
  'doctor.ipv6.level3': 'IPv6 as seen from this host: level 3 (IPv6 DNS)',
  'doctor.ipv6.level4': 'IPv6 as seen from this host: level 4 (end-to-end)',
  'doctor.ipv6.gap.uplink':
    'The uplink has no global IPv6 address: ask the county network centre to assign one to the school’s uplink.',
  'doctor.ipv6.gap.address':
    'This host has no global IPv6 address: enable IPv6 on the school network (SLAAC or DHCPv6) and on this host’s network card.',
  'doctor.ipv6.gap.route':
    'This host has no IPv6 default route: check that the gateway sends router advertisements, or configure an IPv6 default gateway.',
  'doctor.ipv6.gap.aaaa':
    'AAAA names do not resolve through an IPv6 resolver: put a working IPv6 DNS server in ipv6.resolvers (e.g. 2400:3200::1) or an IPv6 nameserver line in /etc/resolv.conf.',
  'doctor.ipv6.gap.https':
    'HTTPS over IPv6 succeeded {succeeded} of {attempted} times, {required} needed: check IPv6 routing and firewalls at the school exit and in the county network.',
  'doctor.ipv6.uplinkNote':
    'Level 1 (the uplink’s address) is judged by the collector from the devices’ data; this checks only this host.',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'cli.usage.doctor':
    '用法：xiaowang-agent doctor [--config 文件] [--lang zh-CN|en] [--json]\n' +
    '  检查配置、每台设备、汇聚端、待发队列、时钟和 IPv6，并对每项失败说明如何处理。\n' +
    '  退出码：0 全部通过（允许有警告），1 有检查失败，2 命令行有误。\n' +
    '  默认配置文件：{file}',
  'doctor.heading': '校网采集端自检（配置文件 {file}）',
  'doctor.summary.ok': '全部检查通过（通过 {passed} 项，警告 {warned} 项，跳过 {skipped} 项）。',
  'doctor.summary.failed':
    '{failed} 项检查失败，警告 {warned} 项，通过 {passed} 项，跳过 {skipped} 项。',
  'doctor.detail': '{text}',
  'doctor.config.ok': '配置文件可以读取：{devices} 台设备，{credentials} 组凭据',
  'doctor.config.bad': '配置文件 {file} 有 {count} 处问题：',
  'doctor.config.problem': '{path}：{message}',
  'doctor.config.fix': '逐条改正上面列出的问题，然后再次运行 xiaowang-agent doctor。',
  'doctor.rest.skipped': '其余检查已跳过：需要先能读取配置文件',
  'doctor.device.none': '配置中没有设备（devices 为空）',
  'doctor.device.noneFix': '在配置文件的 devices 中加入学校的核心交换机、路由器或无线控制器。',
  'doctor.device.ok':
    '设备 {name}（{host}:{port}）有应答：sysName {sysName}，sysObjectID {sysObjectID}',
  'doctor.device.empty': '设备 {name}（{host}:{port}）有应答，但没有返回 sysObjectID 和 sysName',
  'doctor.device.emptyFix': '请检查设备上的 SNMP 视图（view）是否包含 system 组（1.3.6.1.2.1.1）。',
  'doctor.device.timeout': '设备 {name}（{host}:{port}）没有应答',
  'doctor.device.timeoutFix':
    '请检查 credentials.{credentials} 中的团体名是否与设备一致、设备 ACL 是否允许本机访问，以及两者之间 UDP {port} 端口是否开放。SNMPv2c 下团体名错误与设备不在线的表现完全相同。',
  'doctor.device.timeoutFixV3':
    '请检查地址、credentials.{credentials} 中的用户名、设备 ACL 是否允许本机访问，以及两者之间 UDP {port} 端口是否开放。',
  'doctor.device.notSnmp': '设备 {name}（{host}:{port}）有应答，但不是 SNMP（详情：{detail}）',
  'doctor.device.notSnmpFix':
    '请检查配置中的 {setting}：UDP {port} 上似乎是别的服务在应答。除非设备另行设置，SNMP 代理监听 161 端口。',
  'doctor.device.auth': '设备 {name}（{host}:{port}）SNMPv3 认证失败（{detail}）',
  'doctor.device.authFix': '请检查 {setting}，使之与设备上的 SNMPv3 用户设置一致。',
  'doctor.device.unreachable': '无法访问设备 {name}（{host}:{port}）（{detail}）',
  'doctor.device.unreachableFix': '请检查配置中的地址，以及本机到该设备的路由。',
  'doctor.device.error': '设备 {name}（{host}:{port}）出现 SNMP 错误（{detail}）',
  'doctor.device.errorFix': '用 xiaowang-agent probe 单独轮询这台设备，查看它的应答。',
  'doctor.tables.all': '设备 {name}：各表均有应答（{tables}）',
  'doctor.tables.some': '设备 {name}：有应答的表：{answered}；没有应答：{missing}',
  'doctor.tables.fix':
    '如设备支持，请在设备的 SNMP 视图中放开这些表；在此之前，上面列出的数据将缺失。',
  'doctor.table.ifXTable': 'ifXTable：读不到 64 位流量计数和接口名称，上联利用率会不够准确',
  'doctor.table.ipAddressTable':
    'ipAddressTable：IPv6 地址将改从较旧的 IPV6-MIB 读取（如设备支持）',
  'doctor.table.lldp': 'LLDP：读不到邻居，无法确认哪个端口是上联',
  'doctor.table.entity': 'ENTITY：读不到型号、序列号和固件版本',
  'doctor.dns.literal': '汇聚端 {host} 是 IP 地址，无需 DNS 解析',
  'doctor.dns.ok': '汇聚端 {host} 解析为 {addresses}',
  'doctor.dns.fail': '汇聚端 {host} 无法解析（{detail}）',
  'doctor.dns.fix':
    '请检查 collector.url 中主机名的拼写和 /etc/resolv.conf 中的 DNS 服务器，或改用汇聚端的 IP 地址。',
  'doctor.health.ok': '汇聚端 {url} 可以访问：HTTP {status}，用时 {ms} 毫秒',
  'doctor.health.status': '汇聚端 {url} 应答了 HTTP {status}',
  'doctor.health.statusFix':
    '请确认 collector.url 是汇聚端的基础地址（不含 /api），并请县级管理员确认汇聚端正在运行。',
  'doctor.health.tls': '与汇聚端 {url} 的 TLS 连接失败（{detail}）',
  'doctor.health.tlsFix':
    '请检查本机时间和汇聚端证书。若使用内部 CA，请用 NODE_EXTRA_CA_CERTS=/path/ca.pem 把 CA 证书提供给采集端。',
  'doctor.health.timeout': '汇聚端 {url} 在 {ms} 毫秒内没有应答',
  'doctor.health.timeoutFix': '请检查本机到汇聚端的网络、防火墙和 HTTP 代理设置。',
  'doctor.health.error': '无法连接汇聚端 {url}（{detail}）',
  'doctor.health.errorFix':
    '请检查 collector.url 中的地址和端口、汇聚端是否正在运行，以及沿途的防火墙。',
  'doctor.token.ok': '令牌有效，汇聚端已接受',
  'doctor.token.refused': '汇聚端拒绝了令牌（HTTP {status}）',
  'doctor.token.fix':
    '令牌已过期或被吊销：请向县级管理员索取新的注册码，然后重新运行 xiaowang-agent enroll。',
  'doctor.token.unsupported': '未检查令牌：此汇聚端不支持 GET /api/v1/agents/me',
  'doctor.token.unexpected': '检查令牌时汇聚端应答了 HTTP {status}',
  'doctor.token.error': '检查令牌失败（{detail}）',
  'doctor.token.skipped': '未检查令牌：无法访问汇聚端',
  'doctor.clock.ok': '本机时间与汇聚端一致（相差 {seconds} 秒）',
  'doctor.clock.ahead': '本机时间比汇聚端快 {seconds} 秒（允许 60 秒）',
  'doctor.clock.behind': '本机时间比汇聚端慢 {seconds} 秒（允许 60 秒）',
  'doctor.clock.fix':
    '请校准本机时间并用 NTP 保持准确（例如 timedatectl set-ntp true）：TLS 证书和令牌都依赖它校验，报告中的时间也取自本机。',
  'doctor.clock.noDate': '未比较时间：汇聚端的应答没有 Date 头',
  'doctor.clock.skipped': '未比较时间：无法访问汇聚端',
  'doctor.spool.missing': '待发队列目录 {dir} 不存在',
  'doctor.spool.missingFix':
    '采集端首次运行时会创建它；若以服务运行，请确认其运行用户有权创建 {dir}。',
  'doctor.spool.notDir': '待发队列路径 {dir} 不是目录',
  'doctor.spool.notDirFix': '请把 spool.dir 指向一个目录。',
  'doctor.spool.readonly': '待发队列目录 {dir} 不可写（{detail}）',
  'doctor.spool.readonlyFix': '请让运行采集端的用户对 {dir} 有写权限（所有者或所属组）。',
  'doctor.spool.error': '无法读取待发队列目录 {dir}（{detail}）',
  'doctor.spool.empty': '待发队列目录 {dir} 可写，没有未发送的报告',
  'doctor.spool.pending':
    '待发队列目录 {dir} 可写，有 {count} 份未发送的报告，最早的生成于 {oldest}',
  'doctor.spool.stale':
    '待发队列目录 {dir} 中有 {count} 份未发送的报告，最早的已等待 {hours} 小时（自 {oldest}）',
  'doctor.spool.staleFix':
    '汇聚端可以访问后，这些报告会自动补发；如果上面的汇聚端检查失败，请先解决它。',
  'doctor.ipv6.off': '未检查 IPv6：配置中已关闭（ipv6.enabled: false）',
  'doctor.ipv6.level0': '本机所见 IPv6 级别 0（未启用）',
  'doctor.ipv6.level1': '本机所见 IPv6 级别 1（上联有 IPv6）',
  'doctor.ipv6.level2': '本机所见 IPv6 级别 2（校内双栈）',
  'doctor.ipv6.level3': '本机所见 IPv6 级别 3（IPv6 DNS）',
  'doctor.ipv6.level4': '本机所见 IPv6 级别 4（端到端可达）',
  'doctor.ipv6.gap.uplink': '上联没有全局 IPv6 地址：请县网络中心为学校上联分配 IPv6 地址。',
  'doctor.ipv6.gap.address':
    '本机没有全局 IPv6 地址：请在学校网络上启用 IPv6（SLAAC 或 DHCPv6），并在本机网卡上启用 IPv6。',
  'doctor.ipv6.gap.route':
    '本机没有 IPv6 默认路由：请检查网关是否发送路由通告（RA），或手工配置 IPv6 默认网关。',
  'doctor.ipv6.gap.aaaa':
    '无法通过 IPv6 DNS 服务器解析 AAAA 记录：请在 ipv6.resolvers 中填写可用的 IPv6 DNS 服务器（例如 2400:3200::1），或在 /etc/resolv.conf 中加入 IPv6 nameserver。',
  'doctor.ipv6.gap.https':
    'IPv6 上的 HTTPS 访问成功 {succeeded}/{attempted} 次，需要 {required} 次：请检查学校出口和县城域网的 IPv6 路由与防火墙。',
  'doctor.ipv6.uplinkNote': '级别 1（上联地址）由汇聚端根据设备数据判断；这里只检查本机。',
};

export const doctorMessages = { en, zhCN };
