import {
  DatabaseUnreachableError,
  isConnectionFailure,
  isTransientConflict,
  postgresCode,
} from '../db/errors.ts';
import { AppError } from '../errors.ts';

/*
 * Database failures that are about the disk, the lock or the server, not about our code
 * (SQLite's and PostgreSQL's alike): the answer says
 * what to fix and when to come back (503/507 with Retry-After), never a bare 500. Agents
 * treat both as "try again later" and keep the report.
 */

export interface StorageFailure {
  readonly error: AppError;
  readonly retryAfterS: number;
}

function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

const busy = (): StorageFailure => ({
  error: new AppError('BUSY', 'api.error.BUSY'),
  retryAfterS: 5,
});

/** PostgreSQL's classes for the same situations (SQLSTATE, appendix A of its manual). */
function postgresFailure(error: unknown): StorageFailure | undefined {
  if (error instanceof DatabaseUnreachableError || isConnectionFailure(error)) {
    return {
      error: new AppError('DATABASE_UNREACHABLE', 'api.error.DATABASE_UNREACHABLE'),
      retryAfterS: 10,
    };
  }
  const code = postgresCode(error);
  if (code === undefined) return undefined;
  // disk_full; out_of_memory and too_many_connections are load, gone in a moment.
  if (code === '53100') {
    return { error: new AppError('STORAGE_FULL', 'api.error.DATABASE_FULL'), retryAfterS: 60 };
  }
  if (code === '53200' || code === '53300') return busy();
  // A deadlock or serialisation failure that outlived inTransaction's retries, or
  // lock_not_available: another writer holds what this request needs.
  if (isTransientConflict(error) || code === '55P03') return busy();
  return undefined;
}

/** The answer for a full disk, a disk error or a busy database; undefined for anything else. */
export function storageFailure(error: unknown): StorageFailure | undefined {
  const code = sqliteCode(error);
  if (code === undefined) return postgresFailure(error);
  if (code === 'SQLITE_FULL') {
    return { error: new AppError('STORAGE_FULL', 'api.error.STORAGE_FULL'), retryAfterS: 60 };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busy();
  if (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN'
  ) {
    return { error: new AppError('STORAGE_ERROR', 'api.error.STORAGE_ERROR'), retryAfterS: 60 };
  }
  return undefined;
}
