import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { DatabaseUnreachableError, isConnectionFailure } from './errors.ts';

export const PREPARED_PER_CONNECTION = 100;

/** The part of pg's client this needs: plain and named (prepared) queries, and release. */
export interface QueryClient {
  query(...args: never[]): Promise<unknown>;
  release(destroy?: boolean): void;
}

interface Pool<C> {
  connect(): Promise<C>;
  end(): Promise<void>;
}

const DML = /^\s*(select|insert|update|delete|with)\b/i;

/** Names by SQL text, so the hash is not recomputed for every query (texts are reused). */
const names = new Map<string, string>();
const MAX_NAMES = 4096;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `xw_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL's counterpart of the SQLite statement cache (statement-cache.ts). pg sends every
 * query unnamed, so the server parses and plans it anew; a report's dozen statements then
 * cost about twice as long. This names each DML text (by its hash), so each connection
 * prepares it once and runs it by name after. At most `capacity` texts are prepared per
 * connection (about 35 KB of server memory each); the rest run unnamed, as before.
 */
export function withPreparedStatements<C extends QueryClient>(
  pool: Pool<C>,
  capacity = PREPARED_PER_CONNECTION,
): PostgresPool {
  const prepared = new WeakMap<C, Set<string>>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      let client: C;
      try {
        client = await pool.connect();
      } catch (error) {
        throw isConnectionFailure(error) ? new DatabaseUnreachableError(error) : error;
      }
      let names = prepared.get(client);
      if (names === undefined) prepared.set(client, (names = new Set()));
      const known = names;
      const send = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      const query = (...args: unknown[]) =>
        send(...args).catch((error: unknown) => {
          throw isConnectionFailure(error) ? new DatabaseUnreachableError(error) : error;
        });
      return {
        query(text: unknown, values?: unknown) {
          if (typeof text !== 'string' || !DML.test(text)) return query(text, values);
          const name = nameOf(text);
          if (!known.has(name)) {
            if (known.size >= capacity) return query(text, values);
            known.add(name);
          }
          return query({ name, text, values });
        },
        release: (destroy?: boolean) => client.release(destroy),
      } as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
