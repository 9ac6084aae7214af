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
  'api.error.VALIDATION':
    'The request has {count} problem(s), each listed in details. Correct them and send the request again.',
  'api.error.UNAUTHENTICATED': 'Sign-in required: send the header Authorization: Bearer <token>.',
  'api.error.FORBIDDEN':
    'This token may not do that. Use a token that is allowed to, or ask the county administrator.',
  'api.error.NOT_FOUND': 'Not found. Check the address and the id.',
  'api.error.CONFLICT':
    'This conflicts with data already stored (a name or code is taken). Reload, then try again with a different value.',
  'api.error.PAYLOAD_TOO_LARGE':
    'The request body is larger than the limit of {limit} bytes. Send a smaller body, split the file, or ask the administrator to raise the limit.',
  'api.error.UNSUPPORTED_MEDIA_TYPE':
    'Content type "{type}" is not accepted here. Send the file as text/csv, as XLSX, or as the field "file" of a multipart form.',
  'api.error.RATE_LIMITED': 'Too many requests. Wait a moment, then try again.',
  'api.error.INTERNAL':
    'Something went wrong on the server. Try again; if it happens again, give the request id {requestId} to the administrator.',
  'api.error.adminTokenMissing':
    'This needs the county administration token: send the header Authorization: Bearer <XIAOWANG_ADMIN_TOKEN>.',
  'api.error.adminTokenWrong':
    'The administration token is wrong. Check it against XIAOWANG_ADMIN_TOKEN on the collector.',
  'api.error.badJson': 'The body is not valid JSON. Check the quotes, commas and brackets.',
  'api.error.badRequest': 'The request could not be read. Check its format and headers.',
  'api.error.noFileField': 'No file found. Put the file in the form field named "file".',
  'api.error.routeNotFound':
    'There is no {method} {path}. The endpoints are listed in /api/openapi.json.',
  'api.notFound.county':
    'There is no county with id {id}. List the counties with GET /api/v1/counties.',
  'api.notFound.town': 'There is no town with id {id}. List the towns with GET /api/v1/towns.',
  'api.notFound.school':
    'There is no school with id {id}. List the schools with GET /api/v1/schools.',
  'api.notFound.room': 'There is no room with id {id}. List the rooms with GET /api/v1/rooms.',
  'api.conflict.countyName':
    'A county named "{name}" already exists. Choose another name, or change the existing county.',
  'api.conflict.townName': 'This county already has a town named "{name}". Choose another name.',
  'api.conflict.schoolName':
    'This town already has a school named "{name}" (code {code}). Choose another name, or change that school.',
  'api.conflict.schoolCode':
    'The code {code} is already used by "{school}" in this county. Each school needs its own code.',
  'api.conflict.roomName': 'This school already has a room named "{name}". Choose another name.',
  'api.validation.required': 'Required: fill it in.',
  'api.validation.blank': 'Must not be empty.',
  'api.validation.tooShort': 'Too short: use at least {minimum} characters.',
  'api.validation.tooLong': 'Too long: use at most {maximum} characters.',
  'api.validation.tooSmall': 'Too small: use {minimum} or more.',
  'api.validation.mustExceed': 'Must be greater than {minimum}.',
  'api.validation.tooBig': 'Too large: use {maximum} or less.',
  'api.validation.oneOf': 'Not an accepted value. Use one of: {values}.',
  'api.validation.format': 'Not a valid {format}.',
  'api.validation.invalid':
    'Invalid value. Check it against the API description (/api/openapi.json).',
  'api.validation.unknownField': 'Unknown field: remove it, or check its spelling.',
  'api.validation.expectedString': 'Must be text.',
  'api.validation.expectedNumber': 'Must be a number.',
  'api.validation.expectedInteger': 'Must be a whole number, e.g. 100.',
  'api.validation.expectedBoolean': 'Must be true or false.',
  'api.validation.expectedObject': 'Must be a JSON object, e.g. {"name": "…"}.',
  'api.validation.expectedType': 'Must be of type {expected}.',
  'api.validation.schoolCode':
    'Use 1–32 letters, digits, "-" or "_", starting with a letter or digit (e.g. the 10-digit school identifier 5101230001).',
  'api.validation.timezone': 'Not a time zone. Use an IANA name such as Asia/Shanghai.',
  'api.validation.townOtherCounty':
    'That town belongs to another county. A school can move only to a town of its own county.',
  'import.error.unreadable':
    'The file could not be read as CSV or XLSX ({detail}). Save it from Excel or WPS as "CSV UTF-8" or as .xlsx and upload it again.',
  'import.error.empty':
    'The file has no rows below the header. Add one row per room (or per school) and import again.',
  'import.error.tooManyRows':
    'The file has {rows} rows; at most {max} can be imported at once. Split it into several files.',
  'import.error.unknownColumn':
    'The column "{header}" is not recognised. Rename it to one of: {accepted}, or delete the column.',
  'import.error.repeatedColumn': 'The column "{header}" appears twice. Keep one of them.',
  'import.error.missingColumn':
    'The header row has no such column. Add a column headed one of: {accepted}.',
  'import.error.extraCells':
    'This row has values in a column without a header. Delete those cells or give the column a header.',
  'import.error.required': 'This cell is empty. Fill it in.',
  'import.error.badSchoolKind':
    '"{value}" is not a school type. Use one of: 中学, 九年一贯制, 中心校, 完小, 村小, 教学点, 幼儿园, 其他 (or middle, nine_year, central, complete_primary, village_primary, teaching_point, kindergarten, other).',
  'import.error.badRoomKind':
    '"{value}" is not a room type. Use one of: 普通教室, 专用教室, 办公室, 其他 (or ordinary_classroom, special_classroom, office, other); leave it empty for an ordinary classroom.',
  'import.error.roomKindWithoutRoom':
    'A room type is given but the room is empty. Fill in the room, or clear the room type.',
  'import.error.badMbps':
    '"{value}" is not a bandwidth. Write whole Mbit/s such as 100 or 1000 (100M and 1G are understood too), or leave it empty.',
  'import.error.schoolDiffers':
    'Row {firstRow} gives school {code} the value "{value}" in this column. Every row of one school must agree: correct one of the two rows.',
  'import.error.nameTwoCodes':
    'The school "{name}" in this town already has code {code} on row {firstRow}. One school has one code: correct either row.',
  'import.error.duplicateRow':
    'Repeats row {firstRow} for the same school. Delete one of the two rows.',
  'import.error.duplicateRoom':
    'This room is already listed on row {firstRow} for the same school. Delete one row, or give the rooms different names.',
  'import.error.nameTakenInDb':
    'This town already has a school named "{name}" with code {code}. Use that code for it, or rename one of the schools.',
  'import.summary.towns': 'Towns: {created} new, {unchanged} unchanged.',
  'import.summary.schools': 'Schools: {created} new, {updated} changed, {unchanged} unchanged.',
  'import.summary.rooms': 'Rooms: {created} new, {updated} changed, {unchanged} unchanged.',
  'import.cli.checked':
    'Checked {rows} rows ({format}): no problems. Nothing was written (dry run); run again without --dry-run to import.',
  'import.cli.done': 'Imported {rows} rows ({format}).',
  'import.cli.rejected':
    '{count} problem(s) found; nothing was written. Correct these cells and import again:',
  'import.cli.problem': '  row {row}, column "{column}": {message}',
  'collector.schoolKind.middle': 'middle school',
  'collector.schoolKind.nine_year': 'nine-year school',
  'collector.schoolKind.central': 'central school',
  'collector.schoolKind.complete_primary': 'complete primary school',
  'collector.schoolKind.village_primary': 'village primary school',
  'collector.schoolKind.teaching_point': 'teaching point',
  'collector.schoolKind.kindergarten': 'kindergarten',
  'collector.schoolKind.other': 'other',
  'collector.roomKind.ordinary_classroom': 'ordinary classroom',
  'collector.roomKind.special_classroom': 'special classroom',
  'collector.roomKind.office': 'office',
  'collector.roomKind.other': 'other room',
  'collector.config.problem': '{field}: {problem} {hint}',
  'collector.config.unknownKey': 'not a setting of the collector.',
  'collector.config.hint.unknownKey':
    'Check the spelling, or remove it. Settings: XIAOWANG_DATA_DIR, XIAOWANG_HOST, XIAOWANG_PORT, XIAOWANG_ADMIN_TOKEN, XIAOWANG_MAX_BODY_BYTES, XIAOWANG_MAX_IMPORT_BYTES, XIAOWANG_LOG_LEVEL.',
  'collector.config.hint.dataDir':
    'Set it to a writable directory for the database, e.g. /var/lib/xiaowang (default ./data).',
  'collector.config.hint.host':
    'Set it to the address to listen on, e.g. 127.0.0.1 (default) or 0.0.0.0.',
  'collector.config.hint.port': 'Set it to a TCP port between 1 and 65535, e.g. 8080 (default).',
  'collector.config.hint.adminToken':
    'Set it to a random secret of at least 24 characters, e.g. the output of: openssl rand -base64 32.',
  'collector.config.hint.maxBodyBytes':
    'Set it to the largest JSON body in bytes, e.g. 1048576 (default, 1 MiB).',
  'collector.config.hint.maxImportBytes':
    'Set it to the largest import file in bytes, e.g. 10485760 (default, 10 MiB).',
  'collector.config.hint.logLevel': 'Use debug, info (default), warn or error.',
  'collector.db.newerThanCode':
    'The database was written by a newer xiaowang-collector: it has migrations this version does not know ({names}). Nothing was changed. Upgrade xiaowang-collector, or restore a backup made with this version.',
  'collector.db.migrationFailed':
    'Migration {name} failed and was rolled back: {detail}. The database is as it was before it; report this error with the collector version.',
  'collector.stopping':
    'Stopping on {signal}: finishing requests in flight, then closing the database.',
  'collector.cli.usage':
    'Usage: xiaowang-collector [command] [options]\n  serve                       run the collector (default); settings come from XIAOWANG_* variables\n  migrate                     apply pending database migrations\n  backup --out FILE           copy the database while it runs, then check the copy\n  import --county NAME --file FILE [--dry-run] [--create-county]\n                              import towns, schools and rooms from CSV or XLSX, all or nothing\n  help                        show this text\nEvery command takes --lang zh-CN|en.',
  'collector.cli.unknownCommand':
    'Unknown command "{command}". Commands: serve, migrate, backup, import, help.',
  'collector.cli.unknownOption':
    'Unknown option {option} for {command}. Run "xiaowang-collector help" to see the options.',
  'collector.cli.missingValue': 'Option {option} needs a value, e.g. {option} {example}.',
  'collector.cli.missingOption': 'Option {option} is required, e.g. {option} {example}.',
  'collector.cli.unexpectedArgument':
    'Unexpected argument "{value}". Options start with --, e.g. --file schools.xlsx.',
  'collector.cli.badLang': '--lang must be zh-CN or en, not "{value}".',
  'collector.cli.configInvalid':
    'The configuration has {count} problem(s); the collector did not start:',
  'collector.cli.listening':
    'xiaowang-collector is listening on {url} (database {file}). Stop it with Ctrl+C or SIGTERM.',
  'collector.cli.migrated': 'Applied {count} migration(s): {names}.',
  'collector.cli.upToDate': 'The database {file} is up to date.',
  'collector.cli.portInUse':
    'Cannot listen on {host}:{port}: the port is in use. Stop the other program, or set XIAOWANG_PORT to a free port.',
  'collector.cli.noDatabase':
    'There is no database at {file}. Check XIAOWANG_DATA_DIR; the collector creates the database on its first start.',
  'collector.cli.backupExists':
    '{file} already exists. Choose a new file name; a backup never overwrites a file.',
  'collector.cli.backupBad':
    'The copy {file} failed its check ({detail}). Delete it and run the backup again; check the disk if it fails again.',
  'collector.cli.backupDone':
    'Backup written to {file} ({bytes} bytes) and checked. To restore: stop the collector, replace collector.db with this file, start it again.',
  'collector.cli.fileUnreadable':
    'Cannot read {file}: {detail}. Check the path and the permissions.',
  'collector.cli.countyNotFound':
    'There is no county named "{name}" (counties: {known}). Check the name, or add --create-county to create it.',
  'collector.cli.countyCreated': 'Created the county "{name}".',
  'collector.cli.unexpected':
    'Unexpected error: {detail}. Run again; if it persists, report it with this message.',
} as const;
