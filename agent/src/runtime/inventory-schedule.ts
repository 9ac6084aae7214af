import type { DeviceTarget } from '../poll/poll-device.ts';
import type { DeviceOutline } from '../report/device-outline.ts';

/**
 * Inventory (ENTITY-MIB: model, serial, firmware) changes rarely and can be a large table,
 * so it is read once per interval per device; in between the walk is skipped and the
 * report says so, and the collector keeps what it had.
 */
export class InventorySchedule {
  readonly #lastRead = new Map<string, number>();
  readonly #intervalMs: number;

  constructor(intervalHours: number) {
    this.#intervalMs = intervalHours * 3_600_000;
  }

  plan(devices: readonly DeviceTarget[], now: number): DeviceTarget[] {
    return devices.map((d) => {
      const last = this.#lastRead.get(`${d.host}:${d.port}`);
      return last !== undefined && now - last < this.#intervalMs
        ? { ...d, skipParts: ['entity'] }
        : d;
    });
  }

  /** Remembers the devices whose inventory was read without error this cycle. */
  record(results: readonly DeviceOutline[], now: number): void {
    for (const r of results) {
      if (r.outcome !== 'ok' || r.skipped?.includes('entity') === true) continue;
      if (r.partErrors.some((e) => e.part === 'entity')) continue;
      this.#lastRead.set(`${r.target.address}:${r.target.port}`, now);
    }
  }
}
