import type { DemoDevice, DemoSchool, SchoolKind } from '../county/types.ts';
import type { DemoPlan } from '../plan/plan.ts';
import { apOnline, plannedBoots, uplinkMbps, uplinkUp } from '../plan/timeline.ts';
import { peakSeconds } from '../plan/traffic.ts';

/**
 * What the simulator shows. `live` follows the plan and the clock; `nominal` (everything
 * up) and `degraded` are read once each at
 * start (`degraded`: every AP off, every uplink down), so the back-fill can take each
 * device's real reading of either state from the agent's own poll.
 */
export type SimMode = 'live' | 'nominal' | 'degraded';

export interface SimControl {
  mode: SimMode;
}

/** Peak uplink load by school kind, in Mbit/s: what a school's users pull at the busiest hour. */
const PEAK_MBPS: Readonly<Record<SchoolKind, number>> = {
  middle: 420,
  nine_year: 300,
  other: 380,
  central: 260,
  complete_primary: 220,
  village_primary: 60,
  teaching_point: 25,
  kindergarten: 70,
};
const OUT_SHARE = 0.22;

export interface UplinkModel {
  readonly ifIndex: number;
  /** Bytes per second inbound at the peak hour; outbound is a share of it. */
  readonly peakInBytes: number;
}

/** One device's moving parts: boots, uplink state and counters, AP states. */
export class DeviceState {
  readonly device: DemoDevice;
  readonly school: DemoSchool | null;
  readonly uplink: UplinkModel | null;
  readonly #plan: DemoPlan;
  readonly #control: SimControl;
  readonly #boots: number[];

  constructor(v: {
    plan: DemoPlan;
    control: SimControl;
    device: DemoDevice;
    school: DemoSchool | null;
    uplinkIfIndex: number;
  }) {
    this.device = v.device;
    this.school = v.school;
    this.#plan = v.plan;
    this.#control = v.control;
    this.#boots = plannedBoots(v.plan, v.device);
    const isCore = v.device.role === 'core' && v.school !== null;
    this.uplink =
      isCore && v.school !== null
        ? {
            ifIndex: v.uplinkIfIndex,
            peakInBytes:
              (Math.min(PEAK_MBPS[v.school.kind], 0.9 * uplinkMbps(v.plan, v.school.code)) * 1e6) /
              8,
          }
        : null;
  }

  /** A reboot happening now (live): uptime and counters restart. */
  reboot(at: number): void {
    this.#boots.push(at);
    this.#boots.sort((a, b) => a - b);
  }

  bootedAt(t: number): number {
    let last = this.#boots[0] ?? t;
    for (const b of this.#boots) if (b <= t) last = b;
    return last;
  }

  /** sysUpTime in hundredths of a second, wrapping at 2^32 like the real thing. */
  upTicks(t: number): number {
    return Math.floor(Math.max(0, t - this.bootedAt(t)) / 10) % 2 ** 32;
  }

  /** Uplink octets since boot at `t`, inbound or outbound. */
  octets(direction: 'in' | 'out', t: number): bigint {
    const boot = this.bootedAt(t);
    if (this.uplink === null || t <= boot) return 0n;
    const bytes = (peakSeconds(t) - peakSeconds(boot)) * this.uplink.peakInBytes;
    return BigInt(Math.floor(direction === 'in' ? bytes : bytes * OUT_SHARE));
  }

  uplinkUp(t: number): boolean {
    if (this.#control.mode !== 'live') return this.#control.mode === 'nominal';
    return this.school === null || uplinkUp(this.#plan, this.school.code, t);
  }

  apOnline(mac: string, t: number): boolean {
    if (this.#control.mode !== 'live') return this.#control.mode === 'nominal';
    return apOnline(this.#plan, mac, t);
  }
}
