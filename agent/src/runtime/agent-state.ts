import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Message, MessageKey } from '@xiaowang/shared';
import { en } from '@xiaowang/shared';

/** What `status` shows: the last cycle and the last delivery, written after each. */
export interface AgentState {
  readonly pid: number;
  readonly lastPollAt: string | null;
  readonly lastPollDurationMs: number | null;
  readonly devicesOk: number;
  readonly devicesError: number;
  readonly lastDeliveryAt: string | null;
  /** In English, as logged; all that a state file written before `lastDeliveryFailure` has. */
  readonly lastDeliveryError: string | null;
  /** Why delivery is waiting and what to do, as a catalogue key, shown in the reader's language. */
  readonly lastDeliveryFailure?: Message | null;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A stored failure message, if it is one this version can show: a delivery key that is still
 * in the catalogue, with text or number parameters. Anything else reads as absent, so
 * `status` falls back to the English text.
 */
function storedFailure(value: unknown): Message | null {
  if (!isRecord(value) || typeof value['key'] !== 'string') return null;
  const key = value['key'];
  if (!key.startsWith('delivery.') || !Object.hasOwn(en, key)) return null;
  const params: Record<string, string | number> = {};
  const raw = value['params'];
  if (raw !== undefined && !isRecord(raw)) return null;
  for (const [name, param] of Object.entries(raw ?? {})) {
    if (typeof param !== 'string' && typeof param !== 'number') return null;
    params[name] = param;
  }
  return { key: key as MessageKey, params };
}

export function readState(file: string): AgentState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as AgentState;
    return { ...state, lastDeliveryFailure: storedFailure(state.lastDeliveryFailure) };
  } catch {
    return undefined;
  }
}
