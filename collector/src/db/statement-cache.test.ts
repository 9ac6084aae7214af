import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

const sqlite = new SqliteDatabase(':memory:');
afterAll(() => sqlite.close());

describe('withStatementCache', () => {
  it('hands out one compiled statement per SQL text', () => {
    const cached = withStatementCache(sqlite);
    expect(cached.prepare('select 1')).toBe(cached.prepare('select 1'));
    expect(cached.prepare('select 2')).not.toBe(cached.prepare('select 1'));
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const cached = withStatementCache(sqlite);
    const sql = 'select value from json_each(?)';
    const first = cached.prepare(sql);
    const rows = first.iterate(['[1, 2]']);
    rows.next();
    const second = cached.prepare(sql);
    expect(second).not.toBe(first);
    expect(second.all(['[3]'])).toEqual([{ value: 3 }]);
    rows.return?.();
    expect(cached.prepare(sql)).toBe(first);
  });

  it('starts over when full', () => {
    const cached = withStatementCache(sqlite, 2);
    const one = cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).not.toBe(one);
  });
});
