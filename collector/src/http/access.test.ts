import { describe, expect, it } from 'vitest';
import {
  assertCanManageSchool,
  assertCanReadCounty,
  canAdminCounty,
  canManageSchool,
  canReadCounty,
  canReadSchool,
  listCountyId,
} from './access.ts';
import type { Principal, Role, UserPrincipal } from './principal.ts';

const user = (role: Role, schoolIds: number[] = []): UserPrincipal => ({
  kind: 'user',
  userId: 1,
  username: 'u',
  displayName: 'u',
  role,
  countyId: 1,
  schoolIds,
  csrfToken: 'x',
  lang: null,
});
const token: Principal = { kind: 'admin-token' };
const own = { id: 10, countyId: 1 };
const other = { id: 11, countyId: 1 };
const elsewhere = { id: 10, countyId: 2 };

describe('access rules', () => {
  it.each([
    ['admin token', token, [true, true, true, true, true, true, true]],
    ['county admin', user('county_admin'), [true, true, true, true, true, false, false]],
    ['county viewer', user('county_viewer'), [false, true, true, true, false, false, false]],
    ['technician', user('technician', [10]), [false, false, true, false, true, false, false]],
    ['nobody', undefined, [false, false, false, false, false, false, false]],
  ] as const)('%s', (_name, p, expected) => {
    expect([
      canAdminCounty(p, 1),
      canReadCounty(p, 1),
      canReadSchool(p, own),
      canReadSchool(p, other),
      canManageSchool(p, own),
      canReadSchool(p, elsewhere) && canReadCounty(p, 2),
      canManageSchool(p, elsewhere),
    ]).toEqual(expected);
  });

  it('asserts with 401 for nobody and 403 for the wrong person', () => {
    expect(() => assertCanReadCounty(undefined, 1)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => assertCanManageSchool(user('technician', [10]), other)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', key: 'auth.error.forbiddenTechnician' }),
    );
    expect(() => assertCanReadCounty(user('technician', [10]), 2)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(assertCanReadCounty(token, 2)).toBe(token);
  });

  it('narrows lists to the user’s county', () => {
    expect(listCountyId(token, undefined)).toBeUndefined();
    expect(listCountyId(token, 2)).toBe(2);
    expect(listCountyId(user('county_viewer'), undefined)).toBe(1);
    expect(listCountyId(user('county_viewer'), 1)).toBe(1);
    expect(listCountyId(user('county_viewer'), 2)).toBeNull();
  });
});
