/*
 * Which database the collector's tests run on: `XIAOWANG_TEST_DATABASE=postgres` with
 * `XIAOWANG_TEST_DATABASE_URL` (a server the tests may create and drop databases on), or
 * SQLite by default. `npm run test:postgres` starts a throwaway server and sets both.
 */

export type TestBackend = 'sqlite' | 'postgres';

export interface TestDatabaseConfig {
  readonly backend: TestBackend;
  /** The maintenance database tests connect to first, e.g. postgres://postgres@127.0.0.1:5432/postgres. */
  readonly url: string | undefined;
}

export function loadTestDatabaseConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TestDatabaseConfig {
  const backend = env['XIAOWANG_TEST_DATABASE'] ?? 'sqlite';
  const url = env['XIAOWANG_TEST_DATABASE_URL'];
  if (backend === 'sqlite') return { backend, url: undefined };
  if (backend !== 'postgres') {
    throw new Error(`XIAOWANG_TEST_DATABASE: expected sqlite or postgres, got ${backend}`);
  }
  if (url === undefined || url === '') {
    throw new Error(
      'XIAOWANG_TEST_DATABASE=postgres needs XIAOWANG_TEST_DATABASE_URL (postgres://…), or run npm run test:postgres',
    );
  }
  return { backend, url };
}
