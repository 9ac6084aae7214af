import type { Varbind } from '@xiaowang/shared/varbind';
import { isUnder } from '../snmp/oid.ts';
import { WalkSet } from '../snmp/walk-set.ts';

export interface WalkPlan {
  readonly scalars: readonly string[];
  readonly subtrees: readonly string[];
}

/**
 * A WalkSet holding only what a real poll following `plan` would have fetched from a
 * device serving `all`. Tests use it so a check cannot read what it did not ask for.
 */
export function walkSetFromVarbinds(all: readonly Varbind[], plan: WalkPlan): WalkSet {
  const ws = new WalkSet();
  const byOid = new Map(all.map((vb) => [vb.oid, vb]));
  for (const oid of plan.scalars) ws.addScalar(oid, byOid.get(oid));
  for (const root of plan.subtrees) {
    ws.addWalk(
      root,
      all.filter((vb) => isUnder(vb.oid, root)),
    );
  }
  return ws;
}
