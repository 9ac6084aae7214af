/**
 * One JSON line per event on stdout (systemd's journal keeps them). Fields pass through
 * JSON.stringify, so Secrets print as <secret>; device text has control characters removed.
 */
export type LogFields = Record<string, unknown>;
export type Log = (level: 'info' | 'warn' | 'error', event: string, fields?: LogFields) => void;

function clean(value: unknown): unknown {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]/g, ' ') : value;
}

export function jsonLog(write: (line: string) => void, now: () => Date = () => new Date()): Log {
  return (level, event, fields = {}) => {
    const safe = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, clean(v)]));
    write(JSON.stringify({ t: now().toISOString(), level, event, ...safe }));
  };
}
