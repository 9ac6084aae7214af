import type { MessageKey, MessageParams } from '@xiaowang/shared';

/** The closed list of error codes and the one place that maps them to HTTP statuses. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database is locked by another writer past the busy timeout; try again soon. */
  BUSY: 503,
  /** The database could not be written: an I/O error or a read-only disk. */
  STORAGE_ERROR: 503,
  /** The disk holding the database is full. */
  STORAGE_FULL: 507,
  /** The PostgreSQL server cannot be reached or dropped the connection; try again later. */
  DATABASE_UNREACHABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** One problem with one field (or one cell of an imported file), as a catalogue key. */
export interface ErrorDetail {
  /** Dotted path of the field, e.g. `name` or `rows.5.code`; empty for the whole body. */
  readonly path: string;
  readonly key: MessageKey;
  readonly params?: MessageParams;
  /** For imported files: the spreadsheet row number (header = 1) and the column as headed. */
  readonly row?: number;
  readonly column?: string;
}

export interface AppErrorOptions {
  readonly params?: MessageParams;
  readonly details?: readonly ErrorDetail[];
  readonly cause?: unknown;
}

/**
 * The only error the API answers with. It carries a catalogue key, not a sentence, so the
 * response is rendered in the reader's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly details: readonly ErrorDetail[] | undefined;

  constructor(code: ErrorCode, key: MessageKey, options: AppErrorOptions = {}) {
    super(`${code}: ${key}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = options.params ?? {};
    this.details = options.details;
  }

  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }
}

/** A VALIDATION error listing every bad field. */
export function validationError(details: readonly ErrorDetail[]): AppError {
  return new AppError('VALIDATION', 'api.error.VALIDATION', {
    params: { count: details.length },
    details,
  });
}

export function notFound(key: MessageKey, id: number | string): AppError {
  return new AppError('NOT_FOUND', key, { params: { id } });
}

/** A uniqueness conflict; the detail names the field so a form can mark it. */
export function conflict(field: string, key: MessageKey, params: MessageParams): AppError {
  return new AppError('CONFLICT', key, { params, details: [{ path: field, key, params }] });
}
