import { BerEncodeError } from '@xiaowang/seeds';
import type { Varbind } from '@xiaowang/shared/varbind';
import { isUnder } from '../snmp/oid.ts';
import { WalkSet } from '../snmp/walk-set.ts';
import { packVarbinds } from './packed-varbinds.ts';
import type { PackedVarbinds } from '../snmp/packed-varbinds.ts';

/** Packed, unless a value cannot be sent in BER (a test's Gauge32 above 2^32): then as given. */
function packedOrAsGiven(varbinds: readonly Varbind[]): PackedVarbinds | readonly Varbind[] {
  try {
    return packVarbinds(varbinds);
  } catch (error) {
    if (error instanceof BerEncodeError) return varbinds;
    throw error;
  }
}

export interface WalkPlan {
  readonly scalars: readonly string[];
  readonly subtrees: readonly string[];
}

/**
 * A WalkSet holding only what a real poll following `plan` would have fetched from a
 * device serving `all`. Tests use it so a check cannot read what it did not ask for. Walks
 * are packed in datagrams as a v2c poll keeps them, so checks are tested on that path.
 */
export function walkSetFromVarbinds(all: readonly Varbind[], plan: WalkPlan): WalkSet {
  const ws = new WalkSet();
  const byOid = new Map(all.map((vb) => [vb.oid, vb]));
  for (const oid of plan.scalars) ws.addScalar(oid, byOid.get(oid));
  for (const root of plan.subtrees) {
    const walked = all.filter((vb) => isUnder(vb.oid, root));
    ws.addWalk(root, packedOrAsGiven(walked));
  }
  return ws;
}
