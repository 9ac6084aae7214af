import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { TEST_PASSWORD, userFactory } from '../../testing/user-factory.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { sessionPrincipal } from './session-principal.ts';
import { hashSessionToken } from './tokens.ts';
import { updateUser } from './update-user.ts';

const HOUR = 3_600_000;

let db: TestDb;
let clock: FixedClock;
let places: ReturnType<typeof placeFactory>;
let makeUser: ReturnType<typeof userFactory>;
let countyId: number;
beforeEach(async () => {
  db = await createTestDb();
  clock = fixedClock('2026-03-02T08:00:00.000Z');
  places = placeFactory(db.kysely, clock);
  makeUser = userFactory(db.kysely, clock);
  countyId = (await places.county()).id;
});
afterEach(() => db.close());

async function signIn(username: string) {
  return login({ db: db.kysely, clock, input: { username, password: TEST_PASSWORD } });
}
const principalOf = (token: string) => sessionPrincipal({ db: db.kysely, clock, input: { token } });
const lastSeen = async (token: string) =>
  (
    await db.kysely
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id', '=', hashSessionToken(token))
      .executeTakeFirstOrThrow()
  ).last_seen_at;

describe('sessions', () => {
  it('store only the SHA-256 of a 256-bit token, and give the principal with its schools', async () => {
    const town = await places.town(countyId);
    const school = await places.school(town.id);
    await makeUser('technician', countyId, { username: 'li.tech', schoolIds: [school.id] });
    const { token, csrfToken, expiresAt, user } = await signIn('LI.TECH');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2026-03-09T08:00:00.000Z');
    const rows = await db.kysely.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(hashSessionToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await principalOf(token)).toEqual({
      kind: 'user',
      userId: user.id,
      username: 'li.tech',
      displayName: 'li.tech',
      role: 'technician',
      countyId,
      schoolIds: [school.id],
      csrfToken,
      lang: null,
    });
    expect(await principalOf('not-a-token')).toBeUndefined();
    expect(await principalOf('A'.repeat(43))).toBeUndefined();
  });

  it('end after 12 idle hours; each request slides the limit', async () => {
    await makeUser('county_viewer', countyId, { username: 'viewer' });
    const { token } = await signIn('viewer');
    clock.advance(11 * HOUR);
    expect(await principalOf(token)).toBeDefined();
    clock.advance(11 * HOUR);
    expect(await principalOf(token)).toBeDefined();
    clock.advance(12 * HOUR);
    expect(await principalOf(token)).toBeUndefined();
  });

  it('end 7 days after sign-in however busy', async () => {
    await makeUser('county_viewer', countyId, { username: 'busy' });
    const { token } = await signIn('busy');
    for (let h = 0; h < 7 * 24 - 10; h += 10) {
      clock.advance(10 * HOUR);
      expect(await principalOf(token), `after ${h + 10} h`).toBeDefined();
    }
    clock.advance(10 * HOUR);
    expect(await principalOf(token)).toBeUndefined();
  });

  it('write last_seen_at at most once a minute', async () => {
    await makeUser('county_viewer', countyId, { username: 'reader' });
    const { token } = await signIn('reader');
    clock.advance(59_000);
    await principalOf(token);
    expect(await lastSeen(token)).toBe('2026-03-02T08:00:00.000Z');
    clock.advance(1_000);
    await principalOf(token);
    expect(await lastSeen(token)).toBe('2026-03-02T08:01:00.000Z');
  });

  it('end on logout, and when the user is disabled; a role change applies at once', async () => {
    await makeUser('county_admin', countyId, { username: 'boss' });
    await makeUser('county_admin', countyId, { username: 'deputy' });
    const first = await signIn('deputy');
    const second = await signIn('deputy');
    await logout({ db: db.kysely, clock, input: { token: first.token } });
    expect(await principalOf(first.token)).toBeUndefined();
    const id = second.user.id;
    const change = (patch: { role?: 'county_viewer'; disabled?: boolean }) =>
      updateUser({ db: db.kysely, clock, actor: 'boss', input: { id, patch } });
    await change({ role: 'county_viewer' });
    expect(await principalOf(second.token)).toMatchObject({ role: 'county_viewer' });
    await change({ disabled: true });
    expect(await principalOf(second.token)).toBeUndefined();
    await change({ disabled: false });
    expect(await principalOf(second.token)).toBeUndefined(); // revoked, not merely hidden
  });
});
