import type { MessageKey } from '@xiaowang/shared';
import { AppError } from '../errors.ts';
import type { Principal, TokenPrincipal, UserPrincipal } from './principal.ts';

/*
 * Who may do what, as pure functions of the principal; routes load the place first and ask.
 * The admin token may do everything; a county administrator administers their county; a
 * county viewer reads it; a technician reads and manages their own schools only.
 */

export interface SchoolScope {
  readonly id: number;
  readonly countyId: number;
}

const isToken = (p: Principal | undefined): p is TokenPrincipal => p?.kind === 'admin-token';
const isUser = (p: Principal | undefined): p is UserPrincipal => p?.kind === 'user';

export function canAdminCounty(p: Principal | undefined, countyId: number): boolean {
  return isToken(p) || (isUser(p) && p.role === 'county_admin' && p.countyId === countyId);
}

export function canReadCounty(p: Principal | undefined, countyId: number): boolean {
  return (
    isToken(p) ||
    (isUser(p) &&
      p.countyId === countyId &&
      (p.role === 'county_admin' || p.role === 'county_viewer'))
  );
}

export function canReadSchool(p: Principal | undefined, school: SchoolScope): boolean {
  return canReadCounty(p, school.countyId) || isTechnicianOf(p, school);
}

/** Uplink designation and AP↔room mapping: the county's administrator or the school's technician. */
export function canManageSchool(p: Principal | undefined, school: SchoolScope): boolean {
  return canAdminCounty(p, school.countyId) || isTechnicianOf(p, school);
}

/** Only the admin token: creating counties and the like, above any one county. */
export function isAdminToken(p: Principal | undefined): boolean {
  return isToken(p);
}

/**
 * Whether a county-wide list may be asked for at all: its readers see it whole, a technician
 * of the county sees the part about their schools (filter with canReadItem).
 */
export function canListCounty(p: Principal | undefined, countyId: number): boolean {
  return (
    canReadCounty(p, countyId) || (isUser(p) && p.role === 'technician' && p.countyId === countyId)
  );
}

/** A row of a county-wide list: a school's, or the county's own when schoolId is null. */
export function canReadItem(
  p: Principal | undefined,
  item: { readonly countyId: number; readonly schoolId: number | null },
): boolean {
  return item.schoolId === null
    ? canReadCounty(p, item.countyId)
    : canReadSchool(p, { id: item.schoolId, countyId: item.countyId });
}

function isTechnicianOf(p: Principal | undefined, school: SchoolScope): boolean {
  return (
    isUser(p) &&
    p.role === 'technician' &&
    p.countyId === school.countyId &&
    p.schoolIds.includes(school.id)
  );
}

/** 401 when nobody is signed in, else returns the principal. */
export function assertSignedIn(p: Principal | undefined): Principal {
  if (p === undefined) throw new AppError('UNAUTHENTICATED', 'auth.error.signInRequired');
  return p;
}

/** 401 when nobody is signed in, 403 when signed in but not allowed; else the principal. */
export function assertAllowed(p: Principal | undefined, allowed: boolean): Principal {
  const signedIn = assertSignedIn(p);
  if (!allowed) throw new AppError('FORBIDDEN', forbiddenKey(signedIn));
  return signedIn;
}

const forbiddenKey = (p: Principal): MessageKey =>
  p.kind === 'user' && p.role === 'technician'
    ? 'auth.error.forbiddenTechnician'
    : 'auth.error.forbidden';

export const assertCanAdminCounty = (p: Principal | undefined, countyId: number): Principal =>
  assertAllowed(p, canAdminCounty(p, countyId));

export const assertCanReadCounty = (p: Principal | undefined, countyId: number): Principal =>
  assertAllowed(p, canReadCounty(p, countyId));

export const assertCanReadSchool = (p: Principal | undefined, school: SchoolScope): Principal =>
  assertAllowed(p, canReadSchool(p, school));

export const assertCanManageSchool = (p: Principal | undefined, school: SchoolScope): Principal =>
  assertAllowed(p, canManageSchool(p, school));

export const assertAdminToken = (p: Principal | undefined): Principal =>
  assertAllowed(p, isAdminToken(p));

export const assertCanListCounty = (p: Principal | undefined, countyId: number): Principal =>
  assertAllowed(p, canListCounty(p, countyId));

/**
 * The county a list may be asked about: the admin token any (undefined: all of them), a
 * user only their own. Null when a user asks about another county: the answer is empty.
 */
export function listCountyId(
  p: Principal,
  requested: number | undefined,
): number | undefined | null {
  if (p.kind === 'admin-token') return requested;
  return requested === undefined || requested === p.countyId ? p.countyId : null;
}
