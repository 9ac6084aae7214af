import type { Db } from '../../../db/schema.ts';
import type { ErrorDetail } from '../../../errors.ts';
import { AppError, conflict, validationError } from '../../../errors.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { findSchool } from '../../places/queries-schools.ts';
import type { RuleKind } from './attribute-ap.ts';
import { foldText, normalizeMac } from './attribute-ap.ts';
import { findRule, selectRules } from './queries-rules.ts';
import type { ApRule } from './schema.ts';

export interface RuleValues {
  readonly countyId: number;
  readonly kind: RuleKind;
  readonly pattern: string;
  readonly schoolId: number;
}

/**
 * Checks a rule before it is stored and returns it with its pattern in stored form (a MAC
 * as aa:bb:…). 400 names the bad field; 409 when an equal rule exists, compared the way
 * attribution compares, so two rules can never tie.
 */
export async function checkRule(db: Db, rule: RuleValues, exceptId?: number): Promise<RuleValues> {
  const problems: ErrorDetail[] = [];
  const school = await findSchool(db, { id: rule.schoolId });
  if (school === undefined) {
    problems.push({ path: 'schoolId', key: 'api.notFound.school', params: { id: rule.schoolId } });
  } else if (school.countyId !== rule.countyId) {
    problems.push({
      path: 'schoolId',
      key: 'inventory.validation.schoolOtherCounty',
      params: { id: school.id },
    });
  }
  const pattern = rule.kind === 'mac' ? normalizeMac(rule.pattern) : rule.pattern;
  if (pattern === null) problems.push({ path: 'pattern', key: 'inventory.validation.mac' });
  if (problems.length > 0 || pattern === null) throw validationError(problems);

  const same = (await selectRules(db, rule.countyId)).find(
    (r) => r.id !== exceptId && r.kind === rule.kind && foldText(r.pattern) === foldText(pattern),
  );
  if (same !== undefined) {
    throw conflict('pattern', 'inventory.conflict.apRule', {
      kind: same.kind,
      pattern: same.pattern,
      ruleId: same.id,
    });
  }
  return { ...rule, pattern };
}

/** 404 unless the county exists and has this rule. */
export async function ruleOrNotFound(db: Db, countyId: number, ruleId: number): Promise<ApRule> {
  await countyOrNotFound(db, countyId);
  const rule = await findRule(db, countyId, ruleId);
  if (rule === undefined) {
    throw new AppError('NOT_FOUND', 'inventory.notFound.apRule', {
      params: { id: ruleId, countyId },
    });
  }
  return rule;
}
