import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { pick, seeded } from '../../test/reliability/support/fuzz-gen.ts';
import { UnsupportedSchemaError, compileAccepts } from './accepts.ts';
import { counter64String } from './counter64.ts';
import type { DeviceResult, Report } from './report.ts';
import { deviceResultSchema, reportSchema } from './report.ts';

/** A device result that uses every part of the contract, optional fields included. */
function fullResult(): DeviceResult {
  const row = (ifIndex: number) => ({
    ifIndex,
    ifName: `GigabitEthernet0/0/${ifIndex}`,
    ifDescr: 'uplink 上联',
    ifAlias: null,
    ifType: 6,
    ifTypeName: 'ethernetCsmacd',
    ifSpeedMbps: 1000,
    ifSpeed: 1e9,
    ifHighSpeed: 1000,
    speedSuspect: null,
    ifAdminStatus: 'up' as const,
    ifOperStatus: 7,
    ifPhysAddress: '00:11:22:33:44:55',
    inOctets: '18446744073709551615',
    outOctets: '0',
    octetsAre64bit: true,
    ifLastChange: 12,
    ifCounterDiscontinuityTime: null,
  });
  return {
    outcome: 'ok',
    target: { name: 'core', address: '127.0.0.1', port: 161, school: '3301' },
    meta: {
      startedAt: '2026-11-27T01:00:00.000Z',
      durationMs: 5.5,
      requests: 3,
      retries: 0,
      timeouts: 0,
      varbinds: 40,
    },
    snapshot: {
      sysObjectID: '1.3.6.1.4.1.2011.2.23.291',
      sysDescr: 'Huawei S5735',
      sysName: 'core',
      sysContact: null,
      sysLocation: '行政楼',
      sysUpTime: 100,
      vendor: 'Huawei',
      role: 'switch',
      interfaces: [row(1), row(2)],
      ipv6: [
        {
          ifIndex: 1,
          address: '2001:db8::1',
          addressFull: '2001:0db8:0000:0000:0000:0000:0000:0001',
          prefixLength: 64,
          type: 'global',
          source: 'both',
          zone: 0,
          ipAddressStatus: 1,
        },
      ],
      ipv6Forwarding: true,
      ipv6DefaultRoutes: [{ nextHop: 'fe80::1', ifIndex: 1, routeType: 4, protocol: 2 }],
      apCount: 1,
      apsOnline: 1,
      apSource: { kind: 'table', detail: 'hwWlanApTable' },
      aps: [
        {
          mac: 'aa:bb:cc:dd:ee:ff',
          name: 'AP-1',
          model: null,
          serial: null,
          online: true,
          clients: 3,
          apGroup: null,
          radios: 2,
        },
      ],
      lldpNeighbors: [
        {
          localPortNum: 1,
          localPort: 'ge1',
          localIfIndex: 1,
          localPortResolvedBy: 'ifName',
          remoteChassisId: 'x',
          remoteSysName: null,
          remotePortId: null,
          remotePortIdSubtype: 5,
          remotePortDesc: null,
          remoteCapabilities: ['bridge'],
          remoteCapabilitiesSupported: null,
          remoteManagementAddress: '10.0.0.1',
        },
      ],
      entity: {
        entPhysicalIndex: 1,
        model: 'S5735',
        serial: 'SN1',
        firmware: null,
        serialFrom: 'entPhysicalSerialNum',
        firmwareFrom: null,
        descr: null,
        name: null,
        mfgName: null,
        hardwareRev: null,
        firmwareRev: null,
        softwareRev: null,
        selection: 'chassis',
        chassisCount: 1,
        chassis: [{ entPhysicalIndex: 1, model: null, serial: 'SN1' }],
      },
    },
    partErrors: [
      { part: 'lldp', code: 'NO_SUCH_OBJECT', message: 'none', retryable: false, oid: '1.0' },
    ],
    rates: [{ ifIndex: 1, inBps: 1, outBps: null, intervalS: 300, dropped: 'counter-reset' }],
    skipped: ['entity'],
  };
}

const errorResult: DeviceResult = {
  outcome: 'error',
  target: { name: 'ap', address: '::1', port: 1161 },
  meta: fullResult().meta,
  error: { code: 'AUTH', message: 'wrong user', retryable: false, setting: 'credentials.v3' },
};

type Path = readonly (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pathsOf((value as Record<string, unknown>)[k], [...at, k]))];
}

const REPLACEMENTS: readonly unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  'up',
  'ok',
  'error',
  'x'.repeat(513),
  'y'.repeat(4097),
  '18446744073709551616',
  '007',
  '2026-11-27T01:00:00Z',
  '2026-02-30T01:00:00Z',
  true,
  {},
  [],
  ['bridge'],
  Array.from({ length: 101 }, () => 'a'),
];

/** Not `pick`: `undefined` is one of the replacements. */
function replacement(next: () => number): unknown {
  return REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
}

function mutate(root: unknown, path: Path, next: () => number): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return replacement(next);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) throw new Error('unreachable: the root was handled above');
  const roll = next();
  if (roll < 0.1) delete parent[last];
  else if (roll < 0.15 && !Array.isArray(parent)) parent['unexpected'] = 1;
  else parent[last] = replacement(next);
  return copy;
}

describe('compileAccepts', () => {
  const accepts = compileAccepts(deviceResultSchema);

  it('accepts what the contract accepts, for every part of a device result', () => {
    expect(deviceResultSchema.safeParse(fullResult()).success).toBe(true);
    expect(accepts(fullResult())).toBe(true);
    expect(accepts(errorResult)).toBe(true);
  });

  it('agrees with zod on thousands of damaged device results', () => {
    // Seeded, so a failure names a case that reruns.
    const next = seeded(9);
    let refused = 0;
    for (const base of [fullResult(), errorResult]) {
      const paths = pathsOf(base);
      for (let i = 0; i < 4000; i++) {
        const path = pick(next, paths);
        const damaged = mutate(base, path, next);
        const parsed = deviceResultSchema.safeParse(damaged);
        const zod = parsed.success;
        // Accepted means zod's output is the value itself, so callers can keep the value.
        if (accepts(damaged) && zod) expect(parsed.data).toStrictEqual(damaged);
        if (accepts(damaged) !== zod) {
          throw new Error(
            `zod says ${zod} at ${path.join('.')}: ${JSON.stringify(damaged).slice(0, 300)}`,
          );
        }
        if (!zod) refused++;
      }
    }
    // Most damage must be refused, or the cases above proved little.
    expect(refused).toBeGreaterThan(4000);
  });

  it('agrees with zod on a whole report', () => {
    const acceptsReport = compileAccepts(reportSchema);
    const report: Report = {
      schemaVersion: 1,
      reportId: '6f1c1f8e-2b7a-4c3e-9d2a-0e5b8c1d2f3a',
      agent: { version: '0.1.0', hostname: 'gw' },
      pollStartedAt: '2026-11-27T01:00:00.000Z',
      pollFinishedAt: '2026-11-27T01:00:09.000Z',
      devices: [fullResult(), errorResult],
      host: null,
    };
    expect(acceptsReport(report)).toBe(true);
    for (const reportId of ['not-a-uuid', '6f1c1f8e2b7a4c3e9d2a0e5b8c1d2f3a']) {
      expect(acceptsReport({ ...report, reportId })).toBe(false);
      expect(reportSchema.safeParse({ ...report, reportId }).success).toBe(false);
    }
  });

  it('reads numbers, bounds and refinements as zod does', () => {
    const port = compileAccepts(z.number().int().min(1).max(65535));
    expect([1, 65535, 80].map(port)).toEqual([true, true, true]);
    expect([0, 65536, 1.5, Number.NaN, '80'].map(port)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const interval = compileAccepts(z.number().positive());
    expect([0, 1e-9, Number.POSITIVE_INFINITY].map(interval)).toEqual([false, true, false]);
    const counter = compileAccepts(counter64String);
    expect(['0', '18446744073709551615', '18446744073709551616', '01', ' 1'].map(counter)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('takes what zod takes of enums, formats and refinements it cannot run alone', () => {
    // What TypeScript emits for `enum Speed { Slow = 1, Fast = 2 }`: names both ways.
    const Speed = { Slow: 1, Fast: 2, 1: 'Slow', 2: 'Fast' } as const;
    const speed = compileAccepts(z.enum(Speed));
    expect([1, 2, 'Slow', 3].map(speed)).toEqual([true, true, false, false]);
    expect([1, 2, 'Slow', 3].map((v) => z.enum(Speed).safeParse(v).success)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const stamp = compileAccepts(z.string().datetime());
    expect(['2026-11-27T01:00:00Z', '2026-11-27 01:00'].map(stamp)).toEqual([true, false]);
    // zod counts code points for a minimum: one emoji is one, not two.
    const two = z.string().min(2);
    expect(['😀', '😀😀', 'ab'].map(compileAccepts(two))).toEqual(
      ['😀', '😀😀', 'ab'].map((v) => two.safeParse(v).success),
    );
    // A length check on an optional: undefined is refused, never a TypeError.
    // zod's own check is typed for strings alone, though zod runs it on the optional too.
    const short = z
      .string()
      .optional()
      .check(z.maxLength(3) as never);
    expect(compileAccepts(short)(undefined)).toBe(false);
    // An array zod would copy into something else is left to zod.
    const list = compileAccepts(z.array(z.number().optional()));
    const holey: unknown[] = [1];
    holey[2] = 2;
    const subclass = Object.setPrototypeOf([1], class extends Array {}.prototype) as unknown[];
    expect([[1, 2], holey, subclass].map(list)).toEqual([true, false, false]);
  });

  it('takes only plain objects with exactly the known keys', () => {
    const pair = compileAccepts(z.strictObject({ a: z.number(), b: z.string().optional() }));
    expect(pair({ a: 1 })).toBe(true);
    expect(pair({ a: 1, b: undefined })).toBe(true);
    expect(pair({ a: 1, c: 2 })).toBe(false);
    expect(pair(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(false);
    expect(pair([1])).toBe(false);
  });

  it('refuses to compile what it cannot prove, naming where', () => {
    const cases: [z.ZodType, RegExp][] = [
      [z.object({ a: z.string() }), /not strict/],
      [z.strictObject({ mail: z.email() }), /string format "email" at mail/],
      [z.strictObject({ n: z.number().default(1) }), /type "default" at n/],
      [z.string().transform((s) => s.length), /type "pipe"/],
      [z.string().trim(), /check "overwrite"/],
      [z.number().multipleOf(5), /check "multiple_of"/],
      [z.strictObject({ a: z.string().exactOptional() }), /exactOptional\(\) at a/],
      [z.xor([z.string(), z.string().max(5)]), /exclusive union/],
      [
        z.number().superRefine((n, ctx) => {
          if (n % 2 !== 0) ctx.addIssue({ code: 'custom', message: 'odd' });
        }),
        /needs zod's context/,
      ],
    ];
    for (const [schema, message] of cases) {
      expect(() => compileAccepts(schema)).toThrow(UnsupportedSchemaError);
      expect(() => compileAccepts(schema)).toThrow(message);
    }
  });
});
