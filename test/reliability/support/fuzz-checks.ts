import type Database from 'better-sqlite3';

/* What the fuzzer holds every answer to: refusals name the field and write nothing. */

export interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    requestId?: unknown;
    details?: { path?: unknown; message?: unknown }[];
  };
}

/** Temp triggers log every insert, update and delete on every table, per request. */
export function watchWrites(sqlite: Database.Database): void {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[];
  sqlite.exec('create temp table fuzz_writes (tbl text)');
  for (const t of tables) {
    for (const op of ['insert', 'update', 'delete']) {
      sqlite.exec(
        `create temp trigger "fz_${t}_${op}" after ${op} on main."${t}" ` +
          `begin insert into temp.fuzz_writes values ('${t}'); end`,
      );
    }
  }
}

/** The tables written since the last call, with how many rows. */
export function takeWrites(sqlite: Database.Database): { tbl: string; n: number }[] {
  const rows = sqlite
    .prepare('select tbl, count(*) as n from temp.fuzz_writes group by tbl')
    .all() as { tbl: string; n: number }[];
  sqlite.exec('delete from temp.fuzz_writes');
  return rows;
}

/** What is wrong with a 4xx from the API, or undefined when it names what to fix. */
export function unnamed(
  status: number,
  body: ErrorBody,
  headers: Headers,
  en: boolean,
): string | undefined {
  const e = body.error;
  if (
    e === undefined ||
    typeof e.code !== 'string' ||
    typeof e.message !== 'string' ||
    e.message === '' ||
    typeof e.requestId !== 'string'
  ) {
    return 'no error envelope';
  }
  const details = e.details ?? [];
  const paths = details.map((d) => d.path);
  switch (status) {
    case 400:
      if (details.length === 0) return '400 without details';
      // The path '' is the whole body (errors.ts ErrorDetail), e.g. a list sent where an
      // object belongs; every detail must still say what is wrong.
      if (paths.some((p) => typeof p !== 'string')) return 'a detail without a path';
      if (details.some((d) => typeof d.message !== 'string' || d.message === '')) {
        return 'a detail without a message';
      }
      return undefined;
    case 409:
      return paths.some((p) => typeof p === 'string' && p !== '')
        ? undefined
        : '409 without the field';
    case 401:
      return en && !/Authorization|token|sign in|signed in|password|session|code/i.test(e.message)
        ? '401 that names no credential'
        : undefined;
    case 403:
      return en &&
        !/token|role|school|county|CSRF|site|allowed|may|sign|details|administrator/i.test(
          e.message,
        )
        ? '403 that names nothing'
        : undefined;
    case 404:
      return en && !/\d|\/|not found|no /i.test(e.message) ? '404 that names nothing' : undefined;
    case 413:
      return /\d/.test(e.message) ? undefined : '413 without the limit';
    case 429:
      return headers.get('retry-after') === null ? '429 without Retry-After' : undefined;
    default:
      return undefined;
  }
}
