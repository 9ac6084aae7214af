/*
 * Which school an AP belongs to (targets.md §2): a county AC reports APs of many schools,
 * so the school comes from an explicit assignment, a county rule, or the reporting agent's
 * only school, and we record which. Pure, so the API and the coverage figures agree.
 */

export const RULE_KINDS = ['mac', 'group', 'prefix'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export type AttributionHow = 'explicit' | `rule:${RuleKind}` | 'agent-school';

export interface ApFacts {
  readonly mac: string;
  readonly name: string | null;
  readonly apGroup: string | null;
}

export interface AttributionRule {
  readonly id: number;
  readonly kind: RuleKind;
  readonly pattern: string;
  readonly schoolId: number;
}

/** A rule that matched but names a school the reporting agent does not serve. */
export interface RefusedRule {
  readonly ruleId: number;
  readonly kind: RuleKind;
  readonly pattern: string;
  readonly schoolId: number;
  readonly reason: 'school-not-served-by-agent';
}

export interface ApAttribution {
  readonly schoolId: number | null;
  readonly how: AttributionHow | null;
  readonly ruleId: number | null;
  /** The AP's own value that the deciding rule matched: its MAC, group or name. */
  readonly matched: string | null;
  readonly refused: readonly RefusedRule[];
}

const KIND_ORDER: Record<RuleKind, number> = { mac: 0, group: 1, prefix: 2 };

export function attributeAp(
  ap: ApFacts,
  rules: readonly AttributionRule[],
  assignment: { readonly schoolId: number | null } | undefined,
  agentSchoolIds: ReadonlySet<number> | readonly number[],
): ApAttribution {
  const none = { ruleId: null, matched: null };
  if (assignment !== undefined && assignment.schoolId !== null) {
    return { schoolId: assignment.schoolId, how: 'explicit', ...none, refused: [] };
  }
  // An agent speaks only for its own schools, whatever a rule says.
  // Callers resolving a whole county pass a Set built once per agent, not once per AP.
  const served: ReadonlySet<number> =
    agentSchoolIds instanceof Set ? agentSchoolIds : new Set(agentSchoolIds);
  const refused: RefusedRule[] = [];
  for (const rule of matchingRules(ap, rules)) {
    if (served.has(rule.schoolId)) {
      const how = `rule:${rule.kind}` as const;
      const matched = rule.kind === 'mac' ? ap.mac : rule.kind === 'group' ? ap.apGroup : ap.name;
      return { schoolId: rule.schoolId, how, ruleId: rule.id, matched, refused };
    }
    const { id: ruleId, kind, pattern, schoolId } = rule;
    refused.push({ ruleId, kind, pattern, schoolId, reason: 'school-not-served-by-agent' });
  }
  const [only, ...others] = served;
  if (only !== undefined && others.length === 0) {
    return { schoolId: only, how: 'agent-school', ...none, refused };
  }
  return { schoolId: null, how: null, ...none, refused };
}

/** Matching rules, best first: MAC, then group, then the longest name prefix. */
function matchingRules(ap: ApFacts, rules: readonly AttributionRule[]): AttributionRule[] {
  const mac = normalizeMac(ap.mac);
  const group = ap.apGroup === null ? null : foldText(ap.apGroup);
  const name = ap.name === null ? null : foldText(ap.name);
  return rules
    .filter((rule) => {
      const pattern = rule.kind === 'mac' ? normalizeMac(rule.pattern) : foldText(rule.pattern);
      if (pattern === null || pattern === '') return false;
      if (rule.kind === 'mac') return pattern === mac;
      if (rule.kind === 'group') return pattern === group;
      return name !== null && name.startsWith(pattern);
    })
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        b.pattern.length - a.pattern.length ||
        a.id - b.id,
    );
}

/** `aa:bb:cc:dd:ee:ff` from any common spelling, or null when it is not a MAC. */
export function normalizeMac(value: string): string | null {
  const hex = value.toLowerCase().replace(/[\s:.-]/g, '');
  if (!/^[0-9a-f]{12}$/.test(hex)) return null;
  return hex.replace(/(..)(?!$)/g, '$1:');
}

/** Case-insensitive, and NFKC folds the full-width letters Chinese input methods produce. */
export function foldText(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}
