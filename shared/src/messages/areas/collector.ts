/** The collector: API errors, places and import, its command line and config. zh-CN first; keys and placeholders match (a test checks). */
const en = {
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
    "Usage: xiaowang-collector [command] [options]\n  serve                       run the collector (default); settings come from XIAOWANG_* variables\n  migrate                     apply pending database migrations\n  backup --out FILE           copy the database while it runs, then check the copy (SQLite)\n  migrate-to-postgres --from FILE.db --to postgres://USER@HOST/DB\n                              move a county's SQLite database into an empty PostgreSQL database\n  import --county NAME --file FILE [--dry-run] [--create-county]\n                              import towns, schools and rooms from CSV or XLSX, all or nothing\n  targets --county NAME [--apply-preset KEY] [--list [--date D]]\n                              apply a plan's target preset, or list the targets in force\n  recompute --county NAME --date YYYY-MM-DD\n                              recompute one day's compliance (idempotent)\n  ledger --county NAME [--date D] --out FILE.xlsx|.csv\n                              write the ledger of schools below target\n  digest --county ID|NAME [--date D] [--town ID] [--dry-run [--out FILE.eml|.html] | --to ADDR]\n                              print the nightly mail, send one copy, or send the day to its recipients\n  user create --username NAME --role ROLE --county NAME [--school CODE …] [--password-stdin]\n                              create a dashboard user; the password is read from stdin or asked without echo\n  user create-admin --username NAME --county NAME [--password-stdin]\n                              create the first county administrator (only while there is none)\n  help                        show this text\nEvery command takes --lang zh-CN|en.",
  'collector.cli.unknownCommand':
    'Unknown command "{command}". Commands: serve, migrate, backup, migrate-to-postgres, import, targets, recompute, ledger, digest, user, help.',
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

const zhCN: Record<keyof typeof en, string> = {
  'api.error.VALIDATION': '请求有 {count} 处问题，已在 details 中逐条列出。请改正后重新提交。',
  'api.error.UNAUTHENTICATED': '需要身份验证：请在请求头中发送 Authorization: Bearer <令牌>。',
  'api.error.FORBIDDEN': '此令牌无权执行该操作。请换用有权限的令牌，或联系县级管理员。',
  'api.error.NOT_FOUND': '未找到。请检查地址和编号。',
  'api.error.CONFLICT': '与已保存的数据冲突（名称或代码已被占用）。请刷新后换一个值重试。',
  'api.error.PAYLOAD_TOO_LARGE':
    '请求内容超过上限 {limit} 字节。请减小内容、拆分文件，或请管理员调高上限。',
  'api.error.UNSUPPORTED_MEDIA_TYPE':
    '此处不接受内容类型“{type}”。请以 text/csv、XLSX 或 multipart 表单字段“file”上传文件。',
  'api.error.RATE_LIMITED': '请求过于频繁。请稍候再试。',
  'api.error.INTERNAL': '服务器出错。请重试；如果仍然出错，请把请求编号 {requestId} 告诉管理员。',
  'api.error.adminTokenMissing':
    '此操作需要县级管理令牌：请在请求头中发送 Authorization: Bearer <XIAOWANG_ADMIN_TOKEN>。',
  'api.error.adminTokenWrong': '管理令牌不正确。请与汇聚端的 XIAOWANG_ADMIN_TOKEN 核对。',
  'api.error.badJson': '请求内容不是有效的 JSON。请检查引号、逗号和括号。',
  'api.error.badRequest': '无法读取该请求。请检查其格式和请求头。',
  'api.error.noFileField': '没有找到文件。请把文件放在名为“file”的表单字段中。',
  'api.error.routeNotFound': '不存在 {method} {path}。全部接口见 /api/openapi.json。',
  'api.notFound.county': '不存在编号为 {id} 的县区。可用 GET /api/v1/counties 查看全部县区。',
  'api.notFound.town': '不存在编号为 {id} 的乡镇/学区。可用 GET /api/v1/towns 查看。',
  'api.notFound.school': '不存在编号为 {id} 的学校。可用 GET /api/v1/schools 查看。',
  'api.notFound.room': '不存在编号为 {id} 的教室。可用 GET /api/v1/rooms 查看。',
  'api.conflict.countyName': '已有名为“{name}”的县区。请换一个名称，或修改已有的县区。',
  'api.conflict.townName': '本县区已有名为“{name}”的乡镇/学区。请换一个名称。',
  'api.conflict.schoolName':
    '本乡镇已有名为“{name}”的学校（代码 {code}）。请换一个名称，或修改那所学校。',
  'api.conflict.schoolCode': '代码 {code} 已被本县区的“{school}”使用。每所学校须有自己的代码。',
  'api.conflict.roomName': '本校已有名为“{name}”的教室。请换一个名称。',
  'api.validation.required': '必填，请填写。',
  'api.validation.blank': '不能为空。',
  'api.validation.tooShort': '太短：至少 {minimum} 个字符。',
  'api.validation.tooLong': '太长：最多 {maximum} 个字符。',
  'api.validation.tooSmall': '太小：应不小于 {minimum}。',
  'api.validation.mustExceed': '应大于 {minimum}。',
  'api.validation.tooBig': '太大：应不大于 {maximum}。',
  'api.validation.oneOf': '不是可接受的值。请使用以下之一：{values}。',
  'api.validation.format': '不是有效的 {format}。',
  'api.validation.invalid': '值无效。请对照接口说明（/api/openapi.json）检查。',
  'api.validation.unknownField': '未知字段：请删除，或检查拼写。',
  'api.validation.expectedString': '应为文本。',
  'api.validation.expectedNumber': '应为数字。',
  'api.validation.expectedInteger': '应为整数，例如 100。',
  'api.validation.expectedBoolean': '应为 true 或 false。',
  'api.validation.expectedObject': '应为 JSON 对象，例如 {"name": "…"}。',
  'api.validation.expectedType': '类型应为 {expected}。',
  'api.validation.schoolCode':
    '请用 1–32 位字母、数字、“-”或“_”，以字母或数字开头（例如 10 位学校标识码 5101230001）。',
  'api.validation.timezone': '不是有效的时区。请使用 IANA 时区名，例如 Asia/Shanghai。',
  'api.validation.townOtherCounty': '该乡镇属于其他县区。学校只能调整到本县区的乡镇。',
  'import.error.unreadable':
    '无法按 CSV 或 XLSX 读取该文件（{detail}）。请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后重新上传。',
  'import.error.empty': '文件在表头下没有数据行。请每个教室（或每所学校）填一行后重新导入。',
  'import.error.tooManyRows': '文件有 {rows} 行，一次最多导入 {max} 行。请拆分成多个文件。',
  'import.error.unknownColumn': '无法识别列“{header}”。请改为以下之一：{accepted}，或删除该列。',
  'import.error.repeatedColumn': '列“{header}”出现了两次。请只保留一列。',
  'import.error.missingColumn': '表头中缺少此列。请添加一列，列名为以下之一：{accepted}。',
  'import.error.extraCells': '此行在无表头的列中有内容。请删除这些单元格，或为该列加上表头。',
  'import.error.required': '此单元格为空，请填写。',
  'import.error.badSchoolKind':
    '“{value}”不是学校类型。请使用：中学、九年一贯制、中心校、完小、村小、教学点、幼儿园、其他。',
  'import.error.badRoomKind':
    '“{value}”不是教室类型。请使用：普通教室、专用教室、办公室、其他；留空表示普通教室。',
  'import.error.roomKindWithoutRoom': '填写了教室类型但教室为空。请填写教室，或清空教室类型。',
  'import.error.badMbps':
    '“{value}”不是带宽。请填写以 Mbps 为单位的整数，如 100 或 1000（也可写 100M、1G），或留空。',
  'import.error.schoolDiffers':
    '第 {firstRow} 行中学校 {code} 此列的值为“{value}”。同一学校的各行必须一致：请改正其中一行。',
  'import.error.nameTwoCodes':
    '本乡镇的学校“{name}”在第 {firstRow} 行的代码是 {code}。一所学校只能有一个代码：请改正其中一行。',
  'import.error.duplicateRow': '与第 {firstRow} 行重复（同一学校）。请删除其中一行。',
  'import.error.duplicateRoom':
    '同一学校的这个教室已在第 {firstRow} 行列出。请删除一行，或给教室起不同的名称。',
  'import.error.nameTakenInDb':
    '本乡镇已有名为“{name}”、代码为 {code} 的学校。请使用该代码，或为其中一所学校改名。',
  'import.summary.towns': '乡镇/学区：新增 {created}，未变 {unchanged}。',
  'import.summary.schools': '学校：新增 {created}，修改 {updated}，未变 {unchanged}。',
  'import.summary.rooms': '教室：新增 {created}，修改 {updated}，未变 {unchanged}。',
  'import.cli.checked':
    '已检查 {rows} 行（{format}），没有问题。试运行未写入任何数据；去掉 --dry-run 再运行即可导入。',
  'import.cli.done': '已导入 {rows} 行（{format}）。',
  'import.cli.rejected': '发现 {count} 处问题，未写入任何数据。请改正以下单元格后重新导入：',
  'import.cli.problem': '  第 {row} 行，“{column}”列：{message}',
  'collector.schoolKind.middle': '中学',
  'collector.schoolKind.nine_year': '九年一贯制',
  'collector.schoolKind.central': '中心校',
  'collector.schoolKind.complete_primary': '完小',
  'collector.schoolKind.village_primary': '村小',
  'collector.schoolKind.teaching_point': '教学点',
  'collector.schoolKind.kindergarten': '幼儿园',
  'collector.schoolKind.other': '其他',
  'collector.roomKind.ordinary_classroom': '普通教室',
  'collector.roomKind.special_classroom': '专用教室',
  'collector.roomKind.office': '办公室',
  'collector.roomKind.other': '其他',
  'collector.config.problem': '{field}：{problem}{hint}',
  'collector.config.unknownKey': '不是汇聚端的设置项。',
  'collector.config.hint.unknownKey':
    '请检查拼写或删除。可用设置：XIAOWANG_DATA_DIR、XIAOWANG_HOST、XIAOWANG_PORT、XIAOWANG_ADMIN_TOKEN、XIAOWANG_MAX_BODY_BYTES、XIAOWANG_MAX_IMPORT_BYTES、XIAOWANG_LOG_LEVEL。',
  'collector.config.hint.dataDir':
    '请设为数据库所在的可写目录，例如 /var/lib/xiaowang（默认 ./data）。',
  'collector.config.hint.host': '请设为监听地址，例如 127.0.0.1（默认）或 0.0.0.0。',
  'collector.config.hint.port': '请设为 1 到 65535 之间的 TCP 端口，例如 8080（默认）。',
  'collector.config.hint.adminToken':
    '请设为至少 24 个字符的随机密钥，例如命令 openssl rand -base64 32 的输出。',
  'collector.config.hint.maxBodyBytes':
    '请设为 JSON 请求体的最大字节数，例如 1048576（默认 1 MiB）。',
  'collector.config.hint.maxImportBytes':
    '请设为导入文件的最大字节数，例如 10485760（默认 10 MiB）。',
  'collector.config.hint.logLevel': '请使用 debug、info（默认）、warn 或 error。',
  'collector.db.newerThanCode':
    '数据库由更新版本的 xiaowang-collector 写入，含有本版本不认识的迁移（{names}）。未做任何修改。请升级 xiaowang-collector，或恢复用本版本制作的备份。',
  'collector.db.migrationFailed':
    '迁移 {name} 失败并已回滚：{detail}。数据库保持迁移前的状态；请连同汇聚端版本号报告此错误。',
  'collector.stopping': '收到 {signal}，正在停止：先完成进行中的请求，再关闭数据库。',
  'collector.cli.usage':
    '用法：xiaowang-collector [命令] [选项]\n  serve                       运行汇聚端（默认）；设置来自 XIAOWANG_* 环境变量\n  migrate                     执行待执行的数据库迁移\n  backup --out 文件           在线复制数据库并检查副本（SQLite）\n  migrate-to-postgres --from 文件.db --to postgres://用户@主机/库名\n                              把县里的 SQLite 数据库搬到一个空的 PostgreSQL 数据库\n  import --county 县区名 --file 文件 [--dry-run] [--create-county]\n                              从 CSV 或 XLSX 导入乡镇、学校和教室，全部成功或全部不写入\n  targets --county 县区名 [--apply-preset 预设] [--list [--date 日期]]\n                              应用规划目标预设，或列出现行目标\n  recompute --county 县区名 --date 日期\n                              重新计算某一天的达标情况（可重复执行）\n  ledger --county 县区名 [--date 日期] --out 文件.xlsx|.csv\n                              导出未达标学校台账\n  digest --county 编号或县区名 [--date 日期] [--town 乡镇编号] [--dry-run [--out 文件.eml|.html] | --to 邮箱]\n                              打印每日达标邮件、单独发送一份，或发给当天尚未收到的接收人\n  user create --username 用户名 --role 角色 --county 县区名 [--school 学校代码 …] [--password-stdin]\n                              创建平台用户；密码从标准输入读取，或在不回显的提示中输入\n  user create-admin --username 用户名 --county 县区名 [--password-stdin]\n                              创建第一位县区管理员（仅在尚无管理员时可用）\n  help                        显示本说明\n所有命令都可加 --lang zh-CN|en。',
  'collector.cli.unknownCommand':
    '未知命令“{command}”。可用命令：serve、migrate、backup、migrate-to-postgres、import、targets、recompute、ledger、digest、user、help。',
  'collector.cli.unknownOption':
    '{command} 没有选项 {option}。运行“xiaowang-collector help”查看可用选项。',
  'collector.cli.missingValue': '选项 {option} 需要一个值，例如 {option} {example}。',
  'collector.cli.missingOption': '缺少必需的选项 {option}，例如 {option} {example}。',
  'collector.cli.unexpectedArgument':
    '多余的参数“{value}”。选项以 -- 开头，例如 --file schools.xlsx。',
  'collector.cli.badLang': '--lang 只能是 zh-CN 或 en，不能是“{value}”。',
  'collector.cli.configInvalid': '配置有 {count} 处问题，汇聚端未启动：',
  'collector.cli.listening':
    'xiaowang-collector 正在监听 {url}（数据库 {file}）。按 Ctrl+C 或发送 SIGTERM 停止。',
  'collector.cli.migrated': '已执行 {count} 个迁移：{names}。',
  'collector.cli.upToDate': '数据库 {file} 已是最新。',
  'collector.cli.portInUse':
    '无法监听 {host}:{port}：端口已被占用。请停止占用它的程序，或把 XIAOWANG_PORT 设为空闲端口。',
  'collector.cli.noDatabase':
    '{file} 处没有数据库。请检查 XIAOWANG_DATA_DIR；汇聚端首次启动时会创建数据库。',
  'collector.cli.backupExists': '{file} 已存在。请换一个新文件名；备份不会覆盖已有文件。',
  'collector.cli.backupBad':
    '副本 {file} 未通过检查（{detail}）。请删除后重新备份；如再次失败，请检查磁盘。',
  'collector.cli.backupDone':
    '备份已写入 {file}（{bytes} 字节）并通过检查。恢复方法：停止汇聚端，用此文件替换 collector.db，再启动。',
  'collector.cli.fileUnreadable': '无法读取 {file}：{detail}。请检查路径和权限。',
  'collector.cli.countyNotFound':
    '没有名为“{name}”的县区（已有：{known}）。请检查名称，或加上 --create-county 新建。',
  'collector.cli.countyCreated': '已新建县区“{name}”。',
  'collector.cli.unexpected': '意外错误：{detail}。请重试；如果仍然出现，请附上此信息报告。',
};

export const collectorMessages = { en, zhCN };
