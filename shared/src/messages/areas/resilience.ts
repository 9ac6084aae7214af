/** The collector under stress: a full or failing disk, a busy database, a broken upload. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'api.error.STORAGE_FULL':
    "The collector's disk is full, so nothing was stored. Free space on the disk that holds XIAOWANG_DATA_DIR, or move it to a larger one. Agents keep their reports and send them again.",
  'api.error.STORAGE_ERROR':
    'The collector could not write to its database (a disk error, a file-size limit, or a read-only disk), so nothing was stored. Check the disk that holds XIAOWANG_DATA_DIR and the collector log (request id {requestId}). Agents keep their reports and send them again.',
  'api.error.BUSY':
    'The database is busy (another program, such as a long import, holds it), so nothing was stored. Try again in a few seconds; agents do this by themselves.',
  'api.error.DATABASE_FULL':
    "The PostgreSQL server's disk is full, so nothing was stored. Free space on the disk that holds the server's data directory (or raise its quota). Agents keep their reports and send them again.",
  'api.error.DATABASE_UNREACHABLE':
    'The collector cannot reach its PostgreSQL server, or lost the connection to it, so nothing was stored. Check that the server is running and that XIAOWANG_DATABASE_URL (or DATABASE_URL) points at it (request id {requestId}). Agents keep their reports and send them again.',
  'api.error.badMultipart':
    'The upload could not be read as a multipart form. Send the file in the form field "file" (multipart/form-data), or as the whole body with Content-Type text/csv or the XLSX type.',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'api.error.STORAGE_FULL':
    '汇聚端磁盘已满，本次未保存任何数据。请清理 XIAOWANG_DATA_DIR 所在磁盘的空间，或将其移到更大的磁盘。采集端会保留上报并自动重发。',
  'api.error.STORAGE_ERROR':
    '汇聚端无法写入数据库（磁盘出错、文件大小受限或磁盘只读），本次未保存任何数据。请检查 XIAOWANG_DATA_DIR 所在的磁盘和汇聚端日志（请求编号 {requestId}）。采集端会保留上报并自动重发。',
  'api.error.BUSY':
    '数据库正忙（另一个程序，例如耗时较长的导入，正在使用），本次未保存任何数据。请几秒后重试；采集端会自动重试。',
  'api.error.DATABASE_FULL':
    'PostgreSQL 服务器磁盘已满，本次未保存任何数据。请清理该服务器数据目录所在磁盘的空间（或提高其配额）。采集端会保留上报并自动重发。',
  'api.error.DATABASE_UNREACHABLE':
    '汇聚端无法连接其 PostgreSQL 服务器，或与其连接中断，本次未保存任何数据。请确认该服务器正在运行，且 XIAOWANG_DATABASE_URL（或 DATABASE_URL）指向它（请求编号 {requestId}）。采集端会保留上报并自动重发。',
  'api.error.badMultipart':
    '无法按 multipart 表单读取上传内容。请把文件放在表单字段“file”中（multipart/form-data），或将文件作为整个请求体发送，并把 Content-Type 设为 text/csv 或 XLSX 类型。',
};

export const resilienceMessages = { en, zhCN };
