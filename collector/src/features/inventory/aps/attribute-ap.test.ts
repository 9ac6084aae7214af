import { describe, expect, it } from 'vitest';
import type { ApAttribution, ApFacts, AttributionRule } from './attribute-ap.ts';
import { attributeAp, normalizeMac } from './attribute-ap.ts';

const AP: ApFacts = { mac: '00:1A:2B:3C:4D:5E', name: 'CK1X-3F-301', apGroup: 'ChengKou-1X' };
const rule = (id: number, kind: AttributionRule['kind'], pattern: string, schoolId: number) => ({
  id,
  kind,
  pattern,
  schoolId,
});
const macRule = rule(1, 'mac', '001a.2b3c.4d5e', 10);
const groupRule = rule(2, 'group', 'chengkou-1x', 20);
const shortPrefix = rule(3, 'prefix', 'CK', 30);
const longPrefix = rule(4, 'prefix', 'ck1x-', 40);
const ALL_SCHOOLS = [10, 20, 30, 40, 50];

type Case = [
  string,
  {
    ap?: Partial<ApFacts>;
    rules: AttributionRule[];
    assignment?: { schoolId: number | null };
    agentSchools: number[];
  },
  Partial<ApAttribution>,
];

const cases: Case[] = [
  [
    'explicit beats every rule',
    { rules: [macRule, groupRule], assignment: { schoolId: 50 }, agentSchools: [10] },
    { schoolId: 50, how: 'explicit', ruleId: null, refused: [] },
  ],
  [
    'a room-only assignment does not decide the school',
    { rules: [groupRule], assignment: { schoolId: null }, agentSchools: ALL_SCHOOLS },
    { schoolId: 20, how: 'rule:group' },
  ],
  [
    'MAC beats group and prefix, whatever the spelling',
    { rules: [longPrefix, groupRule, macRule], agentSchools: ALL_SCHOOLS },
    { schoolId: 10, how: 'rule:mac', ruleId: 1, matched: '00:1A:2B:3C:4D:5E' },
  ],
  [
    'group beats prefix, case-insensitively',
    { rules: [longPrefix, groupRule], agentSchools: ALL_SCHOOLS },
    { schoolId: 20, how: 'rule:group', ruleId: 2, matched: 'ChengKou-1X' },
  ],
  [
    'the longest prefix wins',
    { rules: [shortPrefix, longPrefix], agentSchools: ALL_SCHOOLS },
    { schoolId: 40, how: 'rule:prefix', ruleId: 4, matched: 'CK1X-3F-301' },
  ],
  [
    'full-width letters in a name match a half-width prefix',
    { ap: { name: 'ＣＫ１Ｘ-3F-301' }, rules: [longPrefix], agentSchools: ALL_SCHOOLS },
    { schoolId: 40, how: 'rule:prefix' },
  ],
  [
    "the agent's only school when no rule matches",
    { rules: [rule(5, 'group', 'other', 20)], agentSchools: [30, 30] },
    { schoolId: 30, how: 'agent-school', refused: [] },
  ],
  [
    'unattributed when nothing matches and the agent serves several schools',
    { rules: [], agentSchools: [10, 20] },
    { schoolId: null, how: null, ruleId: null, matched: null, refused: [] },
  ],
];

describe('attributeAp', () => {
  it.each(cases)('%s', (_name, given, expected) => {
    const got = attributeAp(
      { ...AP, ...given.ap },
      given.rules,
      given.assignment,
      given.agentSchools,
    );
    expect(got).toMatchObject(expected);
  });

  it("skips a rule naming a school outside the agent's schools, and says so", () => {
    const got = attributeAp(AP, [macRule, groupRule, longPrefix], undefined, [40, 60]);
    expect(got).toEqual({
      schoolId: 40,
      how: 'rule:prefix',
      ruleId: 4,
      matched: 'CK1X-3F-301',
      refused: [
        {
          ruleId: 1,
          kind: 'mac',
          pattern: '001a.2b3c.4d5e',
          schoolId: 10,
          reason: 'school-not-served-by-agent',
        },
        {
          ruleId: 2,
          kind: 'group',
          pattern: 'chengkou-1x',
          schoolId: 20,
          reason: 'school-not-served-by-agent',
        },
      ],
    });
  });

  it("falls back to the agent's only school when its rule was refused", () => {
    const got = attributeAp(AP, [groupRule], undefined, [30]);
    expect(got).toMatchObject({ schoolId: 30, how: 'agent-school', refused: [{ ruleId: 2 }] });
  });

  it('leaves an AP with null name and group to MAC rules and the agent', () => {
    const bare = { mac: 'aabbccddeeff', name: null, apGroup: null };
    expect(attributeAp(bare, [shortPrefix, groupRule], undefined, [])).toMatchObject({
      schoolId: null,
      how: null,
    });
  });
});

describe('normalizeMac', () => {
  it.each([
    ['00:1A:2B:3C:4D:5E', '00:1a:2b:3c:4d:5e'],
    ['00-1a-2b-3c-4d-5e', '00:1a:2b:3c:4d:5e'],
    ['001a.2b3c.4d5e', '00:1a:2b:3c:4d:5e'],
    ['001A2B3C4D5E', '00:1a:2b:3c:4d:5e'],
    ['00:1a:2b:3c:4d', null],
    ['zz:1a:2b:3c:4d:5e', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeMac(input)).toBe(expected);
  });
});
