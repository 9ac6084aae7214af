import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessPoint, InterfaceRow } from '@xiaowang/shared';
import type { Varbind } from '@xiaowang/shared/varbind';
import { describe, expect, it } from 'vitest';
import { parseSnmprec } from '../../../../seeds/src/sim/snmprec.ts';
import { WalkSet } from '../../snmp/walk-set.ts';
import { walkSetFromVarbinds } from '../../testing/walk-set-from-varbinds.ts';
import { detectRole, detectVendor, identityPlan } from '../identity.ts';
import { extractSystem, pollContext, SYSTEM_OIDS } from '../system.ts';
import { mergePlans } from './common.ts';
import { wirelessCheck } from './index.ts';

/**
 * Offline conformance: every walk in the shared fixtures, read only through what our plans
 * ask for, must give the expected vendor, role and AP figures. Skipped on a clean clone.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixturesRoot = path.resolve(repoRoot, '../shared/fixtures');
const exists = existsSync(fixturesRoot);
const FOLDERS = ['devices', 'synthetic-ac'];
const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';

interface Expected {
  vendor: string;
  role: string;
  apCount: number | null;
  apsOnline: number | null;
  apSource: Record<string, unknown> | null;
  aps: Record<string, unknown>[] | null;
}

function listWalks(): string[] {
  if (!exists) return [];
  return FOLDERS.flatMap((folder) =>
    readdirSync(path.join(fixturesRoot, folder))
      .filter((name) => name.endsWith('.snmprec'))
      .map((name) => path.join(folder, name.slice(0, -'.snmprec'.length))),
  ).sort();
}

/** The kind J14's wording implies, as the task defines the mapping. */
function expectedKind(source: Record<string, unknown> | null): string | null {
  if (source === null) return null;
  if ('note' in source) return 'notApplicable';
  const table = typeof source['table'] === 'string' ? source['table'] : '';
  if (/absent/.test(table) && /RadioTable/i.test(table)) return 'radioTable';
  if (/absent|no per-AP table/.test(table)) return 'scalar';
  return 'table';
}

/** Only the row count matters to the role rules; the interfaces check owns the real rows. */
function placeholderInterfaces(ws: WalkSet): InterfaceRow[] {
  const indexes = new Set([
    ...WalkSet.rowIndexes(ws.table(IF_ENTRY)),
    ...WalkSet.rowIndexes(ws.table(IFX_ENTRY)),
  ]);
  return [...indexes].map((index) => ({
    ifIndex: Number(index),
    ifName: null,
    ifDescr: null,
    ifAlias: null,
    ifType: null,
    ifTypeName: null,
    ifSpeedMbps: null,
    ifSpeed: null,
    ifHighSpeed: null,
    speedSuspect: null,
    ifAdminStatus: null,
    ifOperStatus: null,
    ifPhysAddress: null,
    inOctets: null,
    outOctets: null,
    octetsAre64bit: false,
    ifLastChange: null,
    ifCounterDiscontinuityTime: null,
  }));
}

const AP_FIELDS = ['mac', 'name', 'model', 'serial', 'online', 'clients'] as const;
const OPTIONAL_AP_FIELDS = ['apGroup', 'radios'] as const;

function compareAps(expected: Record<string, unknown>[], got: AccessPoint[]): string[] {
  const problems: string[] = [];
  if (expected.length !== got.length)
    problems.push(`aps.length ${expected.length} ≠ ${got.length}`);
  expected.forEach((want, i) => {
    const have = got[i] as Record<string, unknown> | undefined;
    for (const field of [...AP_FIELDS, ...OPTIONAL_AP_FIELDS]) {
      const a = want[field];
      const b = have?.[field];
      if (a !== b) problems.push(`aps[${i}].${field} expected ${String(a)} got ${String(b)}`);
    }
  });
  return problems;
}

function runWalk(varbinds: readonly Varbind[]) {
  const systemPlan = { scalars: Object.values(SYSTEM_OIDS), subtrees: [] };
  const ctx = pollContext(extractSystem(walkSetFromVarbinds(varbinds, systemPlan)));
  const plan = mergePlans([
    systemPlan,
    wirelessCheck.plan(ctx),
    identityPlan(ctx),
    { scalars: [], subtrees: [IF_ENTRY, IFX_ENTRY] },
  ]);
  const ws = walkSetFromVarbinds(varbinds, plan);
  const wireless = wirelessCheck.extract(ws, ctx);
  const snapshot = { ...wireless, interfaces: placeholderInterfaces(ws) };
  return {
    vendor: detectVendor(ctx, ws),
    role: detectRole(ctx, snapshot, ws),
    ...wireless,
  };
}

describe.skipIf(!exists)('wireless and identity against the shared fixtures', () => {
  const walks = listWalks();

  it('finds all 25 walks', () => {
    expect(walks).toHaveLength(25);
  });

  it.each(walks)('%s', (walk) => {
    const text = readFileSync(path.join(fixturesRoot, `${walk}.snmprec`), 'latin1');
    const want = JSON.parse(
      readFileSync(path.join(fixturesRoot, `${walk}.expected.json`), 'utf8'),
    ) as Expected;
    const got = runWalk(parseSnmprec(text).varbinds);
    const problems: string[] = [];
    const check = (field: string, a: unknown, b: unknown): void => {
      if (a !== b) problems.push(`${field} expected ${String(a)} got ${String(b)}`);
    };
    check('vendor', want.vendor, got.vendor);
    check('role', want.role, got.role);
    check('apCount', want.apCount, got.apCount);
    check('apsOnline', want.apsOnline, got.apsOnline);
    check('apSource.kind', expectedKind(want.apSource), got.apSource?.kind ?? null);
    if (want.aps === null || got.aps === null) check('aps', want.aps, got.aps);
    else problems.push(...compareAps(want.aps, got.aps));
    if (problems.length > 0) console.error(`${walk}:\n  ${problems.join('\n  ')}`);
    expect(problems).toEqual([]);
  });
});
