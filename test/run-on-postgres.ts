import { spawn } from 'node:child_process';
import type { PostgresServer } from './support/postgres-server.ts';
import { startPostgresServer } from './support/postgres-server.ts';

/*
 * `npm run test:postgres`: the collector's whole test suite, and the two-collector test, on
 * PostgreSQL. Uses XIAOWANG_TEST_DATABASE_URL when set (a server where tests may create and
 * drop databases), else starts a throwaway server and stops it afterwards. Arguments narrow
 * the run like vitest's own, e.g. `npm run test:postgres -- collector/src/db`.
 */

const DEFAULT_FILES = ['collector/src', 'test/e2e/two-collectors.test.ts'];

const given = process.env['XIAOWANG_TEST_DATABASE_URL'];
let server: PostgresServer | undefined;
const url =
  given !== undefined && given !== '' ? given : (server = await startPostgresServer()).url;
const stop = () => server?.stop();
process.once('exit', stop);

const files = process.argv.slice(2);
const vitest = spawn(
  'npx',
  ['vitest', 'run', '--project', 'unit', ...(files.length > 0 ? files : DEFAULT_FILES)],
  {
    stdio: 'inherit',
    env: { ...process.env, XIAOWANG_TEST_DATABASE: 'postgres', XIAOWANG_TEST_DATABASE_URL: url },
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => vitest.kill(signal));
}
vitest.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal === null ? 1 : 128));
});
