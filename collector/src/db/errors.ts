/**
 * True when a write broke a UNIQUE constraint. Verbs check uniqueness first so they can name
 * the field; this catches the race the check cannot see. SQLite and PostgreSQL codes both.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}

/** The SQLSTATE of an error PostgreSQL sent (pg's DatabaseError carries `severity`). */
export function postgresCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (!('severity' in error) || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * PostgreSQL aborted the transaction to break a deadlock or keep it serialisable: the same
 * work run again normally succeeds (the server's own advice for these two codes).
 */
export function isTransientConflict(error: unknown): boolean {
  const code = postgresCode(error);
  return code === '40001' || code === '40P01';
}

/**
 * The collector could not reach its PostgreSQL server or lost the connection mid-query:
 * nothing it asked may have happened, and it is worth trying again later.
 */
export class DatabaseUnreachableError extends Error {
  constructor(cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`the database server could not be reached: ${why}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * True for how pg reports a connection that failed or broke (socket errors, its own
 * "Connection terminated" and connect timeouts), and for SQLSTATE class 08 and the
 * shutdown codes; false for everything else, so a bug is never passed off as an outage.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const sqlState = postgresCode(error);
  if (sqlState !== undefined) {
    return sqlState.startsWith('08') || ['57P01', '57P02', '57P03'].includes(sqlState);
  }
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  return /connection terminated|timeout exceeded when trying to connect|client was closed|client has encountered a connection error/i.test(
    error.message,
  );
}
