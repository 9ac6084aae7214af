/*
 * The collector's HTTP app over the bench database, in a process of its own, so the load
 * tool and the server are measured apart: `node --import tsx server.ts <db file>`. Binds
 * 127.0.0.1 on a free port and sends its URL to the parent over IPC; closes on the parent's
 * "stop" (so `--cpu-prof` can write its profile) or when the parent goes away. Logs as the
 * collector does (JSON lines at info, one per request) to stderr, which the parent sends to
 * a file. Answers "cpu" with its CPU time, so the parent can charge each run its CPU. Its clock starts at BENCH_NOW and runs, so sessions are touched as in service.
 * With a second argument above 0, records that many agent reports a second: ingest's update of
 * the agent's row, on this connection, for agents that are not stale (the page's stale list
 * stays the same, but every write makes the next page read the database again).
 */
import { Secret } from '@xiaowang/shared';
import { createApp } from '../../collector/src/app.ts';
import { openDatabase } from '../../collector/src/db/open.ts';
import { createLogger } from '../../collector/src/logger.ts';
import { listen } from '../../collector/src/main.ts';
import { BENCH_NOW } from './county-data.ts';

const file = process.argv[2];
const writesPerSecond = Number(process.argv[3] ?? '0');
if (file === undefined || process.send === undefined) {
  throw new Error('usage: run by bench/county-page.ts with an IPC channel: server.ts <db file>');
}
const offset = Date.now() - BENCH_NOW.getTime();
const clock = () => new Date(Date.now() - offset);
const database = openDatabase({ file, mustExist: true });
const logger = createLogger({
  level: 'info',
  clock,
  write: (line) => process.stderr.write(`${line}\n`),
});
const app = createApp({
  db: database.kysely,
  clock,
  logger,
  config: {
    adminToken: new Secret('bench-county-page-admin-token-0123456789'),
    maxBodyBytes: 1 << 20,
    maxImportBytes: 8 << 20,
    maxReportBytes: 8 << 20,
    reportRatePerMinute: 600,
    reportBurst: 600,
    enrollRatePerMinute: 60,
  },
});
const server = await listen(app, { host: '127.0.0.1', port: 0 });

let reporting: NodeJS.Timeout | undefined;
if (writesPerSecond > 0) {
  const db = database.kysely;
  const fresh = await db
    .selectFrom('agents')
    .select('id')
    .where('last_report_at', '>=', new Date(clock().getTime() - 24 * 3600_000).toISOString())
    .orderBy('id')
    .execute();
  let next = 0;
  reporting = setInterval(() => {
    const agent = fresh[next++ % fresh.length];
    if (agent === undefined) return;
    void db
      .updateTable('agents')
      .set({ last_report_at: clock().toISOString() })
      .where('id', '=', agent.id)
      .execute();
  }, 1000 / writesPerSecond);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(reporting);
  await server.close();
  await database.close();
  process.exit(0);
}
process.on('message', (message) => {
  if (message === 'stop') void stop();
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => void stop());
process.send({ url: server.url });
