import type { RoomKind, SchoolKind } from '../../places/kinds.ts';

/*
 * How the scenario county 青溪县 is described: three towns, fifteen schools (one file per
 * town: scenario-town-*.ts), and for each school its rooms, APs, uplink polls, IPv6 facts
 * and agent. The builder writes these rows; the hand table (scenario-expected.ts) judges them.
 */

export type TownKey = 'A' | 'B' | 'C';
export const TOWNS: Readonly<Record<TownKey, string>> = { A: '城关镇', B: '河口镇', C: '石门乡' };

/** What one poll of the uplink port saw. */
export interface PollSeen {
  readonly status: 'up' | 'down' | 'lowerLayerDown';
  readonly speedMbps: number;
}
export const up = (speedMbps: number): PollSeen => ({ status: 'up', speedMbps });
// A down port often still reports its configured speed: only an up port's speed counts.
export const down = (speedMbps: number): PollSeen => ({ status: 'down', speedMbps });

export interface ApSpec {
  readonly name: string;
  /** Local days it was seen online; 'daily' = every day it was polled. */
  readonly online: 'daily' | readonly string[];
  /** Listed as two radio rows (two BSSIDs, one serial): still one AP. */
  readonly radios?: 2;
  /** Explicitly assigned (ap_assignments) to this room of its school. */
  readonly room?: string;
}

export type ApSource =
  | { readonly via: 'own-ac' }
  | {
      readonly via: 'county-ac';
      readonly rule: { readonly kind: 'group' | 'prefix'; readonly pattern: string };
      readonly group: string;
    };

export interface UplinkSpec {
  readonly how: 'designated' | 'inferred';
  readonly alias: string | null;
  /** What the poll at a local time saw; null = no sample. */
  readonly poll: (day: string, hhmm: string) => PollSeen | null;
  readonly ipv6: readonly ('global' | 'linklocal' | 'ula')[];
  /** The switch no longer answers polls (last outcome error); `poll` gives its last samples. */
  readonly switchFails?: true;
}

/** Host probes the school's own agent reports (levels 2–4); null = the agent sends none. */
export type HostProbeResult = 'none' | 'dual-stack' | 'aaaa' | 'https' | null;

export interface SchoolSpec {
  readonly key: string;
  readonly town: TownKey;
  readonly name: string;
  readonly code: string;
  readonly kind: SchoolKind;
  readonly contractedEgressMbps?: number;
  /** null = the school has no room list yet. */
  readonly rooms: readonly (readonly [string, RoomKind])[] | null;
  readonly apSource: ApSource;
  readonly aps: readonly ApSpec[];
  readonly uplink: UplinkSpec | null;
  /** A second port whose alias says 上联 (inferred), overruled by the designation. */
  readonly backupPort?: { readonly alias: string; readonly poll: UplinkSpec['poll'] };
  readonly probes: HostProbeResult;
  readonly agent: 'fresh' | 'stale';
}

export const O = 'ordinary_classroom';
export const S = 'special_classroom';
export const rooms = (names: readonly string[], kind: RoomKind = O) =>
  names.map((n) => [n, kind] as const);
export const daily = (prefix: string, names: readonly string[]): ApSpec[] =>
  names.map((n) => ({ name: `${prefix}-${n}`, online: 'daily' }));
export const steady = (speed: number) => () => up(speed);
export const OWN_AC: ApSource = { via: 'own-ac' };

/** The county AC also lists an AP that no rule matches: it belongs to no school. */
export const UNATTRIBUTED_AP = { name: 'QX-未登记-01', group: 'default' } as const;

/** How AP names encode rooms in this county: the text after the first '-'. */
export const ROOM_CONVENTION = '^[^-]+-(?<room>.+)$';
