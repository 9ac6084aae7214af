import iconv from 'iconv-lite';
import type { Varbind } from '@xiaowang/shared/varbind';
import type { DeviceFaults, SimDevice } from '@xiaowang/seeds';
import { makeCounterProvider, makeUptimeProvider, schoolSwitchWalk } from '@xiaowang/seeds';

/*
 * Devices that lie, each a school switch (or an AC) served by our responder on loopback with
 * one misbehaviour. `maxTrueBps` is the fastest any of its ports really moves: a reported
 * rate above it is a spike. `beforeCycle` changes the device between poll cycles (a reboot,
 * a counter that jumps back, a different point of silence).
 */

export const SYS = '1.3.6.1.2.1.1';
export const IF = '1.3.6.1.2.1.2.2.1';
export const IFX = '1.3.6.1.2.1.31.1.1.1';
export const UPTIME = `${SYS}.3.0`;
/** 8 access ports (ifIndex 6–13), the uplink 14, loopback 1, management 4. */
export const UPLINK = 14;
const PORTS = [1, 4, 6, 7, 8, 9, 10, 11, 12, 13, UPLINK];

export interface Clock {
  now: number;
}

export interface LyingDevice {
  readonly name: string;
  /** The lie, in a few words, for the figures. */
  readonly lie: string;
  readonly varbinds: Varbind[];
  /** Set after the reference poll, so the reference sees the device tell the truth. */
  readonly faults?: DeviceFaults;
  /** GETBULK answers carry at most this many values (the responder's cap; 64 by default). */
  readonly maxVarbinds?: number;
  /** Providers (counters, uptime) on the simulator's clock. */
  setup?(device: SimDevice, clock: Clock): void;
  /** Before poll cycle `cycle` (1, 2, …); `requests` is what a truthful poll of it needs. */
  beforeCycle?(cycle: number, device: SimDevice, clock: Clock, requests: number): void;
  /** The fastest any port of this device really moves, bit/s. */
  readonly maxTrueBps: number;
}

const text = (s: string) => new TextEncoder().encode(s);
const octets = (oid: string, value: Uint8Array): Varbind => ({ oid, type: 'OctetString', value });

function replace(varbinds: Varbind[], extra: readonly Varbind[]): Varbind[] {
  const byOid = new Map(varbinds.map((vb) => [vb.oid, vb]));
  for (const vb of extra) byOid.set(vb.oid, vb);
  return [...byOid.values()];
}

function school(seed: number, uplinkMbps = 1000): Varbind[] {
  return schoolSwitchWalk({
    school: `测试学校${seed}`,
    code: `t${seed}`,
    seed,
    accessPorts: 8,
    ipv6: true,
    uplinkMbps,
  });
}

/** Counters on every port moving at `bps` from `bootAt`, 64-bit unless `only32`. */
function movingCounters(
  device: SimDevice,
  bootAt: number,
  bps: number,
  o: { only32?: boolean; initial?: bigint } = {},
): void {
  device.set(UPTIME, makeUptimeProvider(bootAt));
  for (const i of PORTS) {
    const perSecond = i === UPLINK ? bps / 8 : 0;
    const spec = { startedAtMs: bootAt, perSecond, initial: o.initial ?? 0n };
    device.set(`${IF}.10.${i}`, makeCounterProvider({ ...spec, type: 'Counter32' }));
    device.set(`${IF}.16.${i}`, makeCounterProvider({ ...spec, type: 'Counter32' }));
    if (o.only32 === true) {
      device.delete(`${IFX}.6.${i}`);
      device.delete(`${IFX}.10.${i}`);
    } else {
      device.set(`${IFX}.6.${i}`, makeCounterProvider({ ...spec, type: 'Counter64' }));
      device.set(`${IFX}.10.${i}`, makeCounterProvider({ ...spec, type: 'Counter64' }));
    }
  }
}

const ARUBA_RADIO = '1.3.6.1.4.1.14823.2.2.1.5.2.1.5.1';

/** An Aruba controller with no AP table: one row per radio, two radios per AP. */
function radioOnlyController(aps: number): Varbind[] {
  const out: Varbind[] = [
    octets(`${SYS}.1.0`, text('ArubaOS (MODEL: Aruba7010), Version 8.6.0.4')),
    { oid: `${SYS}.2.0`, type: 'ObjectIdentifier', value: '1.3.6.1.4.1.14823.1.1.32' },
    { oid: UPTIME, type: 'TimeTicks', value: 123456 },
    octets(`${SYS}.5.0`, text('county-ac')),
  ];
  const rows: Varbind[][] = [[], []];
  for (let n = 1; n <= aps; n++) {
    for (const radio of [1, 2]) {
      const index = `0.11.134.0.${n >> 8}.${n & 255}.${radio}`;
      rows[0]?.push({ oid: `${ARUBA_RADIO}.7.${index}`, type: 'Gauge32', value: n + radio });
      rows[1]?.push(octets(`${ARUBA_RADIO}.16.${index}`, text(`城关小学-${n}F-AP`)));
    }
  }
  return [...out, ...rows.flat()];
}

export const RADIO_AC_APS = 10;
export const WRAP_BPS = 50e6;
export const REBOOT_BPS = 20e6;

/** Garbage from the device: GB18030, invalid UTF-8, control characters, markup, over-long text. */
function garbageStrings(): Varbind[] {
  const invalidUtf8 = Uint8Array.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0xc3, 0x28]);
  return replace(school(7), [
    octets(`${SYS}.5.0`, iconv.encode('学校交换机', 'gb18030')),
    octets(`${SYS}.6.0`, invalidUtf8),
    octets(`${SYS}.1.0`, new Uint8Array(10_000).fill(0x41)),
    octets(`${IFX}.18.6`, text(`<script>alert(1)</script>'; DROP TABLE reports;--`)),
    octets(`${IFX}.18.7`, new Uint8Array(5000).fill(0x42)),
    octets(`${IFX}.18.8`, text('\u202e\u2028教学楼\u0000\u0007')),
    octets(`${IF}.6.9`, new Uint8Array(300).fill(0xab)),
    octets(`${IF}.2.10`, iconv.encode('千兆上联口', 'gb18030')),
    octets('1.3.6.1.2.1.47.1.1.1.1.11.9', text('SN\u0000\u0000😀\uFFFF')),
  ]);
}

function counterJumpsBack(): LyingDevice {
  return {
    name: 'counter64-jumps-back',
    lie: 'a 64-bit counter that goes back without a reboot (cleared by hand)',
    varbinds: school(9),
    setup(device, clock) {
      movingCounters(device, clock.now - 86_400_000, REBOOT_BPS, { initial: 10n ** 12n });
    },
    beforeCycle(cycle, device, clock) {
      if (cycle !== 2) return;
      for (const col of [6, 10]) {
        device.set(
          `${IFX}.${col}.${UPLINK}`,
          makeCounterProvider({
            type: 'Counter64',
            startedAtMs: clock.now,
            perSecond: REBOOT_BPS / 8,
          }),
        );
      }
    },
    maxTrueBps: REBOOT_BPS,
  };
}

export function lyingDevices(): LyingDevice[] {
  return [
    {
      name: 'silent-half-way',
      lie: 'stops answering half-way through a poll, at a different point each cycle',
      varbinds: school(1),
      faults: { silentAfterRequests: 2 },
      beforeCycle(cycle, device, _clock, requests) {
        const share = [0.5, 0.3, 0.7, 0.4, 0.6][cycle % 5] ?? 0.5;
        device.setFaults({ silentAfterRequests: Math.max(1, Math.floor(requests * share)) });
      },
      maxTrueBps: 0,
    },
    {
      name: 'walk-loops',
      lie: 'a walk that returns the same OID again (ifHCInOctets)',
      varbinds: school(2),
      faults: { loopAt: `${IFX}.6.9` },
      maxTrueBps: 0,
    },
    {
      name: 'walk-goes-backwards',
      lie: 'a walk that answers an OID before the one asked for (ifOperStatus)',
      varbinds: school(3),
      faults: { backwardsAt: `${IF}.8.9` },
      maxTrueBps: 0,
    },
    {
      name: 'too-big',
      lie: 'tooBig for any response over 8 values',
      varbinds: school(4),
      faults: { tooBigOverVarbinds: 8 },
      maxTrueBps: 0,
    },
    {
      name: 'drops-large-datagrams',
      lie: 'silently drops any response over 700 bytes',
      varbinds: school(5),
      faults: { maxResponseBytes: 700 },
      maxTrueBps: 0,
    },
    {
      name: 'counter32-wraps',
      lie: '32-bit counters only, a 100M uplink at 50 Mbit/s wrapping every 11.5 minutes',
      varbinds: school(6, 100),
      setup(device, clock) {
        movingCounters(device, clock.now - 3_600_000, WRAP_BPS, {
          only32: true,
          initial: 2n ** 32n - 1_000_000_000n,
        });
      },
      maxTrueBps: WRAP_BPS,
    },
    {
      name: 'reboots',
      lie: 'reboots between cycles 2 and 3: uptime and counters start again from 0',
      varbinds: school(8),
      setup(device, clock) {
        movingCounters(device, clock.now - 86_400_000, REBOOT_BPS, { initial: 10n ** 12n });
      },
      beforeCycle(cycle, device, clock) {
        if (cycle === 2) movingCounters(device, clock.now - 30_000, REBOOT_BPS);
      },
      maxTrueBps: REBOOT_BPS,
    },
    counterJumpsBack(),
    {
      name: 'ifHighSpeed-in-bits',
      lie: 'ifHighSpeed in bit/s (1e9 for a 1000M uplink; ifHighSpeed = ifSpeed on a 100M port)',
      varbinds: replace(school(10), [
        { oid: `${IFX}.15.${UPLINK}`, type: 'Gauge32', value: 1_000_000_000 },
        { oid: `${IF}.5.6`, type: 'Gauge32', value: 100_000_000 },
        { oid: `${IFX}.15.6`, type: 'Gauge32', value: 100_000_000 },
      ]),
      maxTrueBps: 0,
    },
    {
      name: 'garbage-strings',
      lie: 'GB18030, invalid UTF-8, control characters, markup, 5,000- and 10,000-byte strings',
      varbinds: garbageStrings(),
      maxTrueBps: 0,
    },
    {
      name: 'garbage-datagrams',
      lie: 'answers every request with bytes that are not BER',
      varbinds: school(11),
      faults: { garbageReply: true },
      maxTrueBps: 0,
    },
    {
      name: 'wrong-request-id',
      lie: 'answers with another request id',
      varbinds: school(12),
      faults: { wrongRequestId: true },
      maxTrueBps: 0,
    },
    {
      name: 'too-slow',
      lie: 'answers after 400 ms, past the 200 ms timeout',
      varbinds: school(13),
      faults: { delayMs: 400 },
      maxTrueBps: 0,
    },
    {
      name: 'drops-every-3rd',
      lie: 'ignores every third request',
      varbinds: school(14),
      faults: { dropEveryNth: 3 },
      maxTrueBps: 0,
    },
    {
      name: 'bulk-capped-at-8',
      lie: 'answers GETBULK with at most 8 values, fewer than the scalars asked for',
      varbinds: school(15),
      maxVarbinds: 8,
      maxTrueBps: 0,
    },
    {
      name: 'ac-row-per-radio',
      lie: 'a controller listing APs only in its radio table, one row per radio',
      varbinds: radioOnlyController(RADIO_AC_APS),
      maxTrueBps: 0,
    },
  ];
}
