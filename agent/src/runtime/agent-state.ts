import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What `status` shows: the last cycle and the last delivery, written after each. */
export interface AgentState {
  readonly pid: number;
  readonly lastPollAt: string | null;
  readonly lastPollDurationMs: number | null;
  readonly devicesOk: number;
  readonly devicesError: number;
  readonly lastDeliveryAt: string | null;
  readonly lastDeliveryError: string | null;
  readonly pendingReports: number;
}

export function stateFile(spoolDir: string): string {
  return path.join(path.dirname(path.resolve(spoolDir)), 'state.json');
}

/** Written by rename so `status` never reads half a file. */
export function writeState(file: string, state: AgentState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2));
  renameSync(temp, file);
}

export function readState(file: string): AgentState | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AgentState;
  } catch {
    return undefined;
  }
}
