import { foldText, normalizeMac } from '../../inventory/aps/attribute-ap.ts';

/** One AP row attributed to a school, with what its controller said over the window. */
export interface ApObservation {
  readonly apId: number;
  readonly mac: string;
  readonly serial: string | null;
  readonly roomId: number | null;
  /** Polls in the coverage window that listed the AP, and those that saw it online. */
  readonly windowSamples: number;
  readonly windowOnlineSamples: number;
  readonly daySamples: number;
  readonly dayOnlineSamples: number;
}

/** One physical AP: rows sharing a serial (or, without one, a MAC) are one device. */
export interface ApDevice {
  readonly key: string;
  readonly apIds: readonly number[];
  readonly roomIds: readonly number[];
  readonly seenInWindow: boolean;
  readonly onlineInWindow: boolean;
  readonly onlineToday: boolean;
}

/**
 * mibs.md §6: an AP is one device, never a radio row. A controller that lists radios as
 * rows gives each its own MAC but the same serial, so the serial decides when present.
 */
export function groupApDevices(rows: readonly ApObservation[]): ApDevice[] {
  const byKey = new Map<string, ApObservation[]>();
  for (const row of rows) {
    const key = deviceKey(row);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey].map(([key, group]) => ({
    key,
    apIds: group.map((r) => r.apId),
    roomIds: [...new Set(group.flatMap((r) => (r.roomId === null ? [] : [r.roomId])))],
    seenInWindow: group.some((r) => r.windowSamples > 0),
    onlineInWindow: group.some((r) => r.windowOnlineSamples > 0),
    onlineToday: group.some((r) => r.dayOnlineSamples > 0),
  }));
}

function deviceKey(row: ApObservation): string {
  const serial = row.serial === null ? '' : foldText(row.serial);
  if (serial !== '') return `serial:${serial}`;
  return `mac:${normalizeMac(row.mac) ?? foldText(row.mac)}`;
}

/** The APs that count as known: attributed and seen at least once in the window. */
export const knownDevices = (devices: readonly ApDevice[]): ApDevice[] =>
  devices.filter((d) => d.seenInWindow);
