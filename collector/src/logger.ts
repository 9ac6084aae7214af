import type { LogLevel } from './config.ts';

export type LogFields = Readonly<Record<string, unknown>>;

/** Structured logs: an event name (often a catalogue key) and fields, one JSON line each. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly write: (line: string) => void;
  readonly clock?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// JSON.stringify escapes control characters, so device text cannot forge log lines.
export function createLogger(options: LoggerOptions): Logger {
  const clock = options.clock ?? (() => new Date());
  const emit =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (RANK[level] < RANK[options.level]) return;
      const line = { time: clock().toISOString(), level, event, ...serialise(fields) };
      options.write(JSON.stringify(line));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger({ level: 'error', write: () => undefined });

function serialise(fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    out[name] =
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack }
        : value;
  }
  return out;
}
