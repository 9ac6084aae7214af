import type { WalkPlan } from '../checks/check.ts';
import { compareOids, isUnder, normaliseOid } from '../snmp/oid.ts';

/**
 * Merges the checks' plans so each subtree is walked once: a subtree inside another planned
 * one is dropped, and a scalar inside a walked subtree is read from the walk, not fetched.
 */
export function mergePlans(plans: readonly WalkPlan[]): WalkPlan {
  const roots = [...new Set(plans.flatMap((p) => p.subtrees.map(normaliseOid)))].sort(
    (a, b) => a.length - b.length,
  );
  const subtrees: string[] = [];
  for (const root of roots) {
    if (!subtrees.some((kept) => root === kept || isUnder(root, kept))) subtrees.push(root);
  }
  subtrees.sort(compareOids);
  const scalars = [...new Set(plans.flatMap((p) => p.scalars.map(normaliseOid)))]
    .filter((oid) => !subtrees.some((root) => isUnder(oid, root)))
    .sort(compareOids);
  return { scalars, subtrees };
}
