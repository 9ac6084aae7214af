import { describe, expect, it } from 'vitest';
import { DatabaseUnreachableError } from './errors.ts';
import { withPreparedStatements } from './postgres-statements.ts';

/** A client that records what it was asked, as pg's would receive it. */
function fakePool() {
  const calls: unknown[] = [];
  const client = {
    query: (...args: unknown[]) => {
      calls.push(args.length === 1 ? args[0] : args);
      return Promise.resolve({ rows: [] });
    },
    release: () => undefined,
  };
  return { calls, pool: { connect: () => Promise.resolve(client), end: () => Promise.resolve() } };
}

describe('withPreparedStatements', () => {
  it('names each DML text once per connection, up to the capacity, and leaves the rest unnamed', async () => {
    const { calls, pool } = fakePool();
    const wrapped = withPreparedStatements(pool, 2);
    const client = await wrapped.connect();
    await client.query('select $1', [1]);
    await client.query('select $1', [2]);
    await client.query('insert into t values ($1)', [3]);
    await client.query('update t set v = $1', [4]); // over capacity: unnamed
    await client.query('create table x (id int)', []); // DDL: never named
    const [first, second, third, fourth, fifth] = calls as [
      { name: string; text: string; values: unknown[] },
      { name: string },
      { name: string },
      unknown[],
      unknown[],
    ];
    expect(first).toMatchObject({ text: 'select $1', values: [1] });
    expect(first.name).toMatch(/^xw_[0-9a-f]{24}$/);
    expect(second.name).toBe(first.name);
    expect(third.name).not.toBe(first.name);
    expect(fourth).toEqual(['update t set v = $1', [4]]);
    expect(fifth).toEqual(['create table x (id int)', []]);
  });

  it('tells a connection that failed or broke from an error the server sent', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const down = withPreparedStatements({
      connect: () => Promise.reject(refused),
      end: () => Promise.resolve(),
    });
    await expect(down.connect()).rejects.toBeInstanceOf(DatabaseUnreachableError);
    const failures = [
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('syntax error'), { code: '42601', severity: 'ERROR' }),
    ];
    const client = {
      query: () => Promise.reject(failures.shift() ?? new Error('none left')),
      release: () => undefined,
    };
    const flaky = withPreparedStatements({
      connect: () => Promise.resolve(client),
      end: () => Promise.resolve(),
    });
    const c = await flaky.connect();
    await expect(c.query('select 1', [])).rejects.toBeInstanceOf(DatabaseUnreachableError);
    await expect(c.query('select 1', [])).rejects.toMatchObject({ code: '42601' });
  });
});
