import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// conventions.md §1: a route validates, calls one verb and returns; it never touches the
// database. Until the root lint config bans it, this test does.
const FORBIDDEN = /from '(kysely|better-sqlite3|[^']*\/db\/[^']*|[^']*queries[^']*)'/;

describe('feature routes', () => {
  const dir = import.meta.dirname;
  const routeFiles = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('routes.ts'),
  );

  it('exist', () => {
    expect(routeFiles.length).toBeGreaterThan(1);
  });

  it.each(routeFiles)('%s imports no database module', (file) => {
    const imports = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('import'));
    expect(imports.filter((line) => FORBIDDEN.test(line))).toEqual([]);
  });
});
