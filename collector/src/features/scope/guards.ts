import type { MessageKey } from '@xiaowang/shared';
import type { Context } from 'hono';
import type { Db } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import {
  assertAllowed,
  assertSignedIn,
  canAdminCounty,
  canListCounty,
  canManageSchool,
  canReadCounty,
  canReadItem,
  isAdminToken,
} from '../../http/access.ts';
import type { AppEnv } from '../../http/env.ts';
import type { Principal } from '../../http/principal.ts';
import { getAp } from '../inventory/aps/get-ap.ts';
import type { Scope } from './queries.ts';
import {
  selectAgentScope,
  selectDeviceScope,
  selectRoomScope,
  selectSchoolScope,
  selectTargetScope,
  selectTownScope,
  selectUserScope,
} from './queries.ts';

type Ctx = Context<AppEnv>;
type Check = (p: Principal, scope: Scope) => boolean;
/** `ref`: the id came in the body; if the thing does not exist the verb refuses, naming the field. */
type ScopedGuard = (c: Ctx, id: number, options?: { ref?: boolean }) => Promise<Principal>;

const read: Check = (p, s) => canReadItem(p, s);
const admin: Check = (p, s) => canAdminCounty(p, s.countyId);
const manage: Check = (p, s) =>
  s.schoolId === null
    ? canAdminCounty(p, s.countyId)
    : canManageSchool(p, { id: s.schoolId, countyId: s.countyId });

/**
 * What routes call before a verb: 401 when nobody is signed in, then, for a user, the
 * thing's county and school are read (404 if it does not exist) and 403 unless the user may.
 * The admin token passes without a query, as it always did.
 */
export function accessGuards(db: Db) {
  const scoped =
    (
      load: (db: Db, id: number) => Promise<Scope | undefined>,
      missing: MessageKey,
      check: Check,
    ): ScopedGuard =>
    async (c, id, options) => {
      const p = assertSignedIn(c.get('principal'));
      if (isAdminToken(p)) return p;
      const scope = await load(db, id);
      if (scope === undefined) {
        if (options?.ref === true) return p;
        throw notFound(missing, id);
      }
      return assertAllowed(p, check(p, scope));
    };
  const apScope = async (d: Db, id: number): Promise<Scope> => {
    const ap = await getAp({ db: d, input: { id } });
    return { countyId: ap.countyId, schoolId: ap.school?.id ?? null };
  };
  const school = (check: Check) => scoped(selectSchoolScope, 'api.notFound.school', check);
  const town = (check: Check) => scoped(selectTownScope, 'api.notFound.town', check);
  const room = (check: Check) => scoped(selectRoomScope, 'api.notFound.room', check);
  const target = (check: Check) => scoped(selectTargetScope, 'targets.notFound.target', check);
  const agent = (check: Check) => scoped(selectAgentScope, 'ingest.notFound.agent', check);
  const manageApScope = scoped(apScope, 'inventory.notFound.ap', manage);
  const manageSchool = school(manage);

  return {
    /** Any principal: the admin token or a signed-in user. */
    signedIn: (c: Ctx): Principal => assertSignedIn(c.get('principal')),
    adminToken: (c: Ctx): Principal => {
      const p = c.get('principal');
      return assertAllowed(p, isAdminToken(p));
    },
    readCounty: (c: Ctx, countyId: number): Principal => {
      const p = c.get('principal');
      return assertAllowed(p, canReadCounty(p, countyId));
    },
    adminCounty: (c: Ctx, countyId: number): Principal => {
      const p = c.get('principal');
      return assertAllowed(p, canAdminCounty(p, countyId));
    },
    /** A county-wide list: whole for its readers, a technician's schools' part (filter it). */
    listCounty: (c: Ctx, countyId: number): Principal => {
      const p = c.get('principal');
      return assertAllowed(p, canListCounty(p, countyId));
    },
    readSchool: school(read),
    manageSchool,
    adminSchool: school(admin),
    readTown: town(read),
    adminTown: town(admin),
    readRoom: room(read),
    adminRoom: room(admin),
    readDevice: scoped(selectDeviceScope, 'inventory.notFound.device', read),
    readAp: scoped(apScope, 'inventory.notFound.ap', read),
    /** AP↔room mapping: the AP's present school and, when it moves, the new one. */
    manageAp: async (c: Ctx, apId: number, toSchoolId?: number): Promise<Principal> => {
      const p = await manageApScope(c, apId);
      if (toSchoolId !== undefined && !isAdminToken(p)) {
        const scope = await selectSchoolScope(db, toSchoolId);
        // An unknown school is the verb's to refuse, naming the field.
        if (scope !== undefined) assertAllowed(p, manage(p, scope));
      }
      return p;
    },
    readAgent: agent(read),
    adminAgent: agent(admin),
    readTarget: target(read),
    adminTarget: target(admin),
    adminUser: scoped(selectUserScope, 'users.notFound.user', admin),
  };
}

export type AccessGuards = ReturnType<typeof accessGuards>;
