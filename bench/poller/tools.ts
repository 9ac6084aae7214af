// The Debian tools the poller bench drives, checked before a fleet is started: on a machine
// without one, the run used to fail minutes in with "measured process did not start".
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { PollerName } from './runners.ts';

interface Tool {
  readonly command: string;
  readonly pkg: string;
  /** Which pollers need it; undefined: every run (the fleet and the responder's calibration). */
  readonly for?: readonly PollerName[];
}

const TOOLS: readonly Tool[] = [
  { command: 'snmpsimd', pkg: 'snmpsim' },
  { command: 'snmpbulkwalk', pkg: 'snmp' },
  { command: 'snmpget', pkg: 'snmp' },
  { command: 'prometheus-snmp-exporter', pkg: 'prometheus-snmp-exporter', for: ['exporter'] },
];

function onPath(command: string): boolean {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** What to tell the user when a tool the chosen pollers need is missing; undefined if none. */
export function missingTools(pollers: readonly PollerName[]): string | undefined {
  const missing = TOOLS.filter(
    (tool) =>
      (tool.for === undefined || tool.for.some((p) => pollers.includes(p))) &&
      !onPath(tool.command),
  );
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map((tool) => tool.pkg))].join(' ');
  const names = missing.map((tool) => tool.command).join(', ');
  const skip = missing.every((tool) => tool.for !== undefined)
    ? ` or leave it out: --pollers ${pollers.filter((p) => !missing.some((tool) => tool.for?.includes(p))).join(',')}`
    : '';
  return `not installed: ${names}. Install with: apt-get install -y ${packages}${skip}`;
}
