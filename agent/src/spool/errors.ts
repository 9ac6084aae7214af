/** Codes that mean "no room": the disk, a quota, a file-size limit, or the report itself. */
export type SpoolFullCode = 'ENOSPC' | 'EDQUOT' | 'EFBIG' | 'TOO_LARGE';

const FULL_CODES: readonly string[] = ['ENOSPC', 'EDQUOT', 'EFBIG'];

/** The spool could not store or change something; `code` is the errno code (EROFS, EIO, …). */
export class SpoolWriteError extends Error {
  readonly code: string;
  readonly dir: string;

  constructor(dir: string, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SpoolWriteError';
    this.code = code;
    this.dir = dir;
  }
}

/** Out of room; nothing half-written was left behind. */
export class SpoolFullError extends SpoolWriteError {
  declare readonly code: SpoolFullCode;

  constructor(dir: string, code: SpoolFullCode, message: string, options?: { cause?: unknown }) {
    super(dir, code, message, options);
    this.name = 'SpoolFullError';
  }
}

/** Another live process holds the spool's lock file (`pid` null: it kept changing hands). */
export class SpoolLockedError extends Error {
  readonly code = 'LOCKED';
  readonly dir: string;
  readonly pid: number | null;

  constructor(dir: string, lockPath: string, pid: number | null) {
    const holder = pid === null ? 'another process' : `process ${pid}`;
    super(
      `spool ${dir} is in use by ${holder} (lock file ${lockPath}). Only one agent may use a ` +
        `spool: stop the other agent, or give this one its own spool.dir. If no agent is ` +
        `running there, delete ${lockPath} and start again.`,
    );
    this.name = 'SpoolLockedError';
    this.dir = dir;
    this.pid = pid;
  }
}

export function errnoCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    if (typeof code === 'string') return code;
  }
  return 'UNKNOWN';
}

/** Wraps an fs failure in the spool's typed errors, keeping the original as `cause`. */
export function toSpoolError(dir: string, action: string, error: unknown): SpoolWriteError {
  if (error instanceof SpoolWriteError) return error;
  const code = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (FULL_CODES.includes(code)) {
    return new SpoolFullError(
      dir,
      code as SpoolFullCode,
      `spool ${dir} is full while trying to ${action} (${detail}): free space on that disk or ` +
        `lower spool.maxBytes; nothing half-written was kept`,
      { cause: error },
    );
  }
  return new SpoolWriteError(
    dir,
    code,
    `cannot ${action} in spool ${dir} (${detail}): check that the disk is mounted read-write ` +
      `and that the directory belongs to the agent's user`,
    { cause: error },
  );
}
