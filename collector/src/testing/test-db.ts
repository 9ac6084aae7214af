import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../db/migrate.ts';
import type { OpenedDatabase } from '../db/open.ts';
import { databaseFile, openDatabase } from '../db/open.ts';

export interface TestDb extends OpenedDatabase {
  /** The temporary data directory, removed by close(); undefined for `:memory:`. */
  readonly dataDir: string | undefined;
}

export interface TestDbOptions {
  /** `memory` (default) is fastest; `file` gives a real WAL database in a fresh temp dir. */
  readonly storage?: 'memory' | 'file';
  /** Leave the database empty, e.g. to test migrations themselves. */
  readonly migrate?: boolean;
}

/** A fresh temporary data directory; remove it with the returned function. */
export function makeTempDir(prefix = 'xiaowang-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A new, migrated database for one test: never shared, so tests cannot see each other's
 * rows. Call `close()` in afterEach; it also deletes the temp directory.
 */
export async function createTestDb(options: TestDbOptions = {}): Promise<TestDb> {
  const temp = options.storage === 'file' ? makeTempDir() : undefined;
  const database = openDatabase({ file: temp === undefined ? ':memory:' : databaseFile(temp.dir) });
  if (options.migrate !== false) await migrateToLatest(database.kysely);
  return {
    ...database,
    dataDir: temp?.dir,
    async close() {
      await database.close();
      temp?.remove();
    },
  };
}
