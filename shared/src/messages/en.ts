/** English text. Keys and placeholders must match zh-CN.ts (a test checks). */
export const en = {
  'cli.usage.probe':
    'Usage: xiaowang-agent probe --host HOST [--port 161] --community NAME [--snmp-version 2c|3] [--json] [--lang zh-CN|en]\n' +
    '  SNMPv3: --v3-user NAME --v3-auth-protocol sha|sha224|sha256|sha384|sha512|md5 --v3-auth-key KEY\n' +
    '          [--v3-priv-protocol aes|aes256b|aes256r|des --v3-priv-key KEY] [--v3-level noAuthNoPriv|authNoPriv|authPriv]\n' +
    '  Other: --timeout MS (per request, default 2000) --retries N (default 1) --deadline MS (whole device, default 60000)',
  'cli.usage.main':
    'Usage: xiaowang-agent <command> [options]\n  probe    poll one device once and print what was read\n  help     show this text',
  'cli.error.unknownOption':
    'Unknown option {option}. Run "xiaowang-agent {command} --help" to see the options.',
  'cli.error.unknownCommand': 'Unknown command "{command}". Commands: probe, help.',
  'cli.error.missingValue': 'Option {option} needs a value, e.g. {option} {example}.',
  'cli.error.missingRequired': 'Option {option} is required: {hint}',
  'cli.error.badValue': 'Option {option}: expected {expected}, got "{value}".',
  'cli.error.v3Missing':
    'SNMPv3 needs {option}. Ask the device administrator for the v3 user and keys, then add {option}.',
  'cli.error.desNeedsLegacy':
    "DES privacy needs Node's legacy OpenSSL provider: start with NODE_OPTIONS=--openssl-legacy-provider, or better, switch the device to AES.",
  'snmp.error.TIMEOUT':
    'No answer from {host}:{port}. Check the address, the community string or v3 user, the device ACL (does it allow this server?) and that UDP {port} is open. Over SNMPv2c a wrong community looks exactly like a dead device.',
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
  'demo.started':
    'A synthetic school device is answering SNMP on {host}:{port} (community "{community}").',
  'demo.polling': 'The agent is polling it now:',
  'demo.hint':
    'Try it yourself: npx xiaowang-agent probe --host {host} --port {port} --community {community}',
  'demo.stop': 'Press Ctrl+C to stop the simulated devices.',
} as const;
