import { describe, expect, it } from 'vitest';
import type { PollContext } from '../check.ts';
import { enterpriseOf } from '../system.ts';
import { wirelessCheck } from './index.ts';
import { gauge, macSubIds, polled, utf8 } from './testing.ts';

function context(sysObjectID: string | null): PollContext {
  return { sysObjectID, enterprise: enterpriseOf(sysObjectID), sysDescr: null };
}

const HUAWEI_AP = '1.3.6.1.4.1.2011.6.139.13.3.3.1';
const HUAWEI_JOINED = '1.3.6.1.4.1.2011.6.139.12.1.2.1.0';
const OLD_H3C_STATUS = '1.3.6.1.4.1.2011.10.2.75.2.1.1.1';

describe('wirelessCheck', () => {
  it.each([
    ['ZTE switch', '1.3.6.1.4.1.3902.3.600.3.1.801'],
    ['TP-Link switch', '1.3.6.1.4.1.11863.1.1.25'],
    ['unknown enterprise', '1.3.6.1.4.1.347.2.5730'],
    ['no sysObjectID', null],
  ])('plans nothing for a %s', (_name, oid) => {
    expect(wirelessCheck.plan(context(oid))).toEqual({ scalars: [], subtrees: [] });
  });

  it('walks columns, not whole tables, and plans each subtree once', () => {
    const plan = wirelessCheck.plan(context('1.3.6.1.4.1.2011.2.240.6'));
    expect(plan.subtrees).toContain(`${HUAWEI_AP}.6`);
    expect(plan.subtrees).not.toContain(HUAWEI_AP);
    expect(plan.subtrees).toContain(`${OLD_H3C_STATUS}.4`);
    expect(new Set(plan.subtrees).size).toBe(plan.subtrees.length);
  });

  it('probes UniFi for net-snmp agents only', () => {
    expect(wirelessCheck.plan(context('1.3.6.1.4.1.8072.3.2.10')).subtrees).toEqual([
      '1.3.6.1.4.1.41112.1.6',
    ]);
  });

  it('returns all-null fields when nothing answers', () => {
    const ctx = context('1.3.6.1.4.1.2011.2.23.291');
    const ws = polled(wirelessCheck.plan(ctx), []);
    expect(wirelessCheck.extract(ws, ctx)).toEqual({
      apCount: null,
      apsOnline: null,
      apSource: null,
      aps: null,
    });
  });

  it('tries Huawei before the old H3C tree on enterprise 2011', () => {
    const ctx = context('1.3.6.1.4.1.2011.2.240.6');
    const ws = polled(wirelessCheck.plan(ctx), [
      gauge(HUAWEI_JOINED, 2),
      utf8(`${OLD_H3C_STATUS}.5.3.65.66.67`, 'old'),
    ]);
    expect(wirelessCheck.extract(ws, ctx).apSource?.detail).toContain('hwWlanCurJointApNum');
  });

  it('reads the old H3C tree when Huawei has nothing', () => {
    const ctx = context('1.3.6.1.4.1.2011.10.1.89');
    const ws = polled(wirelessCheck.plan(ctx), [
      utf8(`${OLD_H3C_STATUS}.3.3.65.66.67`, '000fe2000001'),
      gauge(`${OLD_H3C_STATUS}.4.3.65.66.67`, 5),
    ]);
    expect(wirelessCheck.extract(ws, ctx)).toMatchObject({ apCount: 1, apsOnline: 1 });
  });

  it('ignores another vendor’s tables that happen to be in the walk set', () => {
    const ctx = context('1.3.6.1.4.1.25506.11.1.172');
    const ws = polled({ scalars: [HUAWEI_JOINED], subtrees: [`${HUAWEI_AP}.4`] }, [
      gauge(HUAWEI_JOINED, 3),
      utf8(`${HUAWEI_AP}.4.${macSubIds('00:e0:fc:00:00:01')}`, 'x'),
    ]);
    expect(wirelessCheck.extract(ws, ctx).apCount).toBeNull();
  });
});
