/** Choosing the database (SQLite or PostgreSQL) and moving a county onto PostgreSQL. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'collector.config.badDatabaseUrl': 'neither a postgres:// URL nor a file path.',
  'collector.config.hint.databaseUrl':
    'Use postgres://USER:PASSWORD@HOST:5432/DATABASE for PostgreSQL, or leave it unset for collector.db in XIAOWANG_DATA_DIR (a path or sqlite:PATH names another SQLite file).',
  'collector.config.hint.databasePoolSize':
    'Set it to the PostgreSQL connections per collector process, 1 to 500, e.g. 10 (default).',
  'collector.config.hint.jobLeaseSeconds':
    'Set it to the seconds, 2 to 3600, after which another collector on the same database takes over the scheduled jobs (recompute, mail, pruning) of one that stopped without a clean shutdown, e.g. 120 (default).',
  'collector.db.notSqlite':
    '{command} works on a SQLite database only; this collector uses PostgreSQL. Use the PostgreSQL tools instead (pg_dump for a backup).',
  'collector.cli.pgUsage':
    'Usage: xiaowang-collector migrate-to-postgres --from FILE.db --to postgres://USER@HOST:5432/DATABASE',
  'collector.cli.pgTargetNotEmpty':
    'The PostgreSQL database {target} already holds collector data ({rows} rows in {table}). Nothing was copied. Create an empty database (createdb --locale=C --template=template0 NAME) and run again.',
  'collector.cli.pgCountMismatch':
    'Copying {table} gave {copied} rows in PostgreSQL but the SQLite file has {expected}; everything was rolled back and the target is empty again. Stop any collector writing to {file} and run again.',
  'collector.cli.pgCopied':
    'Copied {tables} tables, {rows} rows, from {file} into {target} in {seconds} s; every table’s row count matches. Point the collectors at it with XIAOWANG_DATABASE_URL.',
  'collector.cli.pgTable': '  {table}: {rows} rows',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'collector.config.badDatabaseUrl': '既不是 postgres:// 地址，也不是文件路径。',
  'collector.config.hint.databaseUrl':
    'PostgreSQL 请写 postgres://用户:密码@主机:5432/数据库；不设置则使用 XIAOWANG_DATA_DIR 下的 collector.db（写路径或 sqlite:路径 可指定别的 SQLite 文件）。',
  'collector.config.hint.databasePoolSize':
    '请设为每个汇聚端进程的 PostgreSQL 连接数，1 到 500，例如 10（默认）。',
  'collector.config.hint.jobLeaseSeconds':
    '请设为秒数，2 到 3600：某个汇聚端未正常停止时，共用同一数据库的其他汇聚端在这么久之后接管它的定时任务（重新计算、邮件、清理），例如 120（默认）。',
  'collector.db.notSqlite':
    '{command} 只适用于 SQLite 数据库；本汇聚端使用 PostgreSQL。请改用 PostgreSQL 自带的工具（备份用 pg_dump）。',
  'collector.cli.pgUsage':
    '用法：xiaowang-collector migrate-to-postgres --from 文件.db --to postgres://用户@主机:5432/数据库',
  'collector.cli.pgTargetNotEmpty':
    'PostgreSQL 数据库 {target} 中已有汇聚端数据（{table} 有 {rows} 行），未复制任何数据。请新建一个空数据库（createdb --locale=C --template=template0 库名）后重试。',
  'collector.cli.pgCountMismatch':
    '复制 {table} 后 PostgreSQL 中有 {copied} 行，而 SQLite 文件中有 {expected} 行；已全部回滚，目标库恢复为空。请停止所有写入 {file} 的汇聚端后重试。',
  'collector.cli.pgCopied':
    '已将 {file} 的 {tables} 张表、{rows} 行复制到 {target}，用时 {seconds} 秒；各表行数一致。请用 XIAOWANG_DATABASE_URL 让汇聚端使用该库。',
  'collector.cli.pgTable': '  {table}：{rows} 行',
};

export const databaseMessages = { en, zhCN };
