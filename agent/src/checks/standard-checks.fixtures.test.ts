import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  entitySchema,
  interfaceSchema,
  ipv6AddressSchema,
  ipv6DefaultRouteSchema,
  lldpNeighborSchema,
} from '@xiaowang/shared';
import type { DeviceSnapshot } from '@xiaowang/shared';
import { parseSnmprec } from '@xiaowang/seeds';
import { isUnder } from '../snmp/oid.ts';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { WalkPlan } from './check.ts';
import { entityCheck } from './entity.ts';
import { interfacesCheck } from './interfaces.ts';
import { ipv6Check } from './ipv6.ts';
import { lldpCheck } from './lldp.ts';
import { routesCheck } from './routes.ts';
import { extractSystem, pollContext, SYSTEM_OIDS } from './system.ts';

/**
 * Offline conformance: every shared walk, read only through the union of these checks'
 * plans, must give exactly the values in its expected.json. The fixtures are GPL walks kept
 * outside the repo, so this suite skips (and says so) when they are not there.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures');
const FIXTURE_DIRS = ['devices', 'synthetic-ac'];
const exists = existsSync(FIXTURES);

const INTERFACE_FIELDS = [
  'ifIndex',
  'ifName',
  'ifDescr',
  'ifType',
  'ifTypeName',
  'ifSpeedMbps',
  'ifSpeed',
  'ifHighSpeed',
  'ifAdminStatus',
  'ifOperStatus',
  'ifAlias',
  'ifPhysAddress',
  'inOctets',
  'outOctets',
  'octetsAre64bit',
] as const;

const CHECKS = [interfacesCheck, ipv6Check, routesCheck, lldpCheck, entityCheck];

function walkFiles(): string[] {
  if (!exists) return [];
  return FIXTURE_DIRS.flatMap((dir) =>
    readdirSync(path.join(FIXTURES, dir))
      .filter((f) => f.endsWith('.snmprec'))
      .sort()
      .map((f) => path.join(dir, f)),
  );
}

/** The union of the checks' plans, with subtrees inside another one dropped as the poller does. */
function unionPlan(plans: readonly WalkPlan[]): WalkPlan {
  const scalars = [...new Set(plans.flatMap((p) => p.scalars))];
  const all = [...new Set(plans.flatMap((p) => p.subtrees))];
  const subtrees = all.filter((s) => !all.some((other) => isUnder(s, other)));
  return { scalars, subtrees };
}

type Expected = Pick<
  DeviceSnapshot,
  'ipv6' | 'ipv6Forwarding' | 'ipv6DefaultRoutes' | 'lldpNeighbors' | 'entity'
> & { interfaces: Record<string, unknown>[] };

function compare(mismatches: string[], where: string, expected: unknown, got: unknown): void {
  if (!isDeepStrictEqual(got, expected)) {
    mismatches.push(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
}

function compareList(
  mismatches: string[],
  where: string,
  expected: readonly unknown[] | null,
  got: readonly unknown[] | null,
): void {
  if (expected === null || got === null || expected.length !== got.length) {
    compare(mismatches, where, expected, got);
    return;
  }
  expected.forEach((e, i) => compare(mismatches, `${where}[${i}]`, e, got[i]));
}

function schemaErrors(where: string, schema: { safeParse(v: unknown): { success: boolean } }) {
  return (value: unknown, i: number): string[] =>
    schema.safeParse(value).success ? [] : [`${where}[${i}] fails its zod schema`];
}

describe.skipIf(!exists)('standard checks against the shared fixtures', () => {
  const files = walkFiles();

  it('finds the shared walks', () => {
    expect(files.length, `walks under ${FIXTURES}`).toBeGreaterThanOrEqual(25);
  });

  it.each(files)('%s matches its expected.json', (file) => {
    const device = path.basename(file, '.snmprec');
    const { varbinds } = parseSnmprec(readFileSync(path.join(FIXTURES, file), 'latin1'));
    const expectedPath = path.join(FIXTURES, file.replace(/\.snmprec$/, '.expected.json'));
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;

    const systemPlan = { scalars: [SYSTEM_OIDS.sysDescr, SYSTEM_OIDS.sysObjectID], subtrees: [] };
    const ctx = pollContext(extractSystem(walkSetFromVarbinds(varbinds, systemPlan)));
    const ws = walkSetFromVarbinds(varbinds, unionPlan(CHECKS.map((c) => c.plan(ctx))));
    const got = {
      ...interfacesCheck.extract(ws, ctx),
      ...ipv6Check.extract(ws, ctx),
      ...routesCheck.extract(ws, ctx),
      ...lldpCheck.extract(ws, ctx),
      ...entityCheck.extract(ws, ctx),
    };

    const mismatches: string[] = [];
    const gotIndexes = got.interfaces.map((i) => i.ifIndex);
    compare(
      mismatches,
      'interfaces ifIndex list',
      expected.interfaces.map((i) => i['ifIndex']),
      gotIndexes,
    );
    expected.interfaces.forEach((e, i) => {
      const row = got.interfaces[i];
      for (const field of INTERFACE_FIELDS) {
        compare(
          mismatches,
          `interfaces[ifIndex ${String(e['ifIndex'])}].${field}`,
          e[field],
          row?.[field],
        );
      }
    });
    compareList(mismatches, 'ipv6', expected.ipv6, got.ipv6);
    compare(mismatches, 'ipv6Forwarding', expected.ipv6Forwarding, got.ipv6Forwarding);
    compareList(mismatches, 'ipv6DefaultRoutes', expected.ipv6DefaultRoutes, got.ipv6DefaultRoutes);
    compareList(mismatches, 'lldpNeighbors', expected.lldpNeighbors, got.lldpNeighbors);
    compare(mismatches, 'entity', expected.entity, got.entity);

    mismatches.push(
      ...got.interfaces.flatMap(schemaErrors('interfaces', interfaceSchema)),
      ...got.ipv6.flatMap(schemaErrors('ipv6', ipv6AddressSchema)),
      ...(got.ipv6DefaultRoutes ?? []).flatMap(
        schemaErrors('ipv6DefaultRoutes', ipv6DefaultRouteSchema),
      ),
      ...got.lldpNeighbors.flatMap(schemaErrors('lldpNeighbors', lldpNeighborSchema)),
      ...(got.entity === null ? [] : [got.entity]).flatMap(schemaErrors('entity', entitySchema)),
    );
    const report = [`${device}: ${mismatches.length} mismatches`, ...mismatches].join('\n');
    expect(mismatches.length, report).toBe(0);
  });
});
