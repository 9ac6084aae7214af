import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import type { FixedClock } from '../../testing/fixed-clock.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import { placeFactory } from '../../testing/factories.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { TEST_PASSWORD, userFactory } from '../../testing/user-factory.ts';
import { lockDurationMs } from './lockout.ts';
import { login } from './login.ts';
import { updateUser } from './update-user.ts';

const MIN = 60_000;

describe('lockDurationMs', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1 * MIN],
    [6, 2 * MIN],
    [7, 4 * MIN],
    [10, 32 * MIN],
    [11, 60 * MIN],
    [50, 60 * MIN],
  ])('after %i failures locks for %i ms', (failures, ms) => {
    expect(lockDurationMs(failures)).toBe(ms);
  });
});

let db: TestDb;
let clock: FixedClock;
let countyId: number;
beforeEach(async () => {
  db = await createTestDb();
  clock = fixedClock('2026-03-02T08:00:00.000Z');
  countyId = (await placeFactory(db.kysely, clock).county()).id;
  await userFactory(db.kysely, clock)('county_admin', countyId, { username: 'Wang.Li' });
});
afterEach(() => db.close());

const attempt = (username: string, password: string) =>
  login({ db: db.kysely, clock, input: { username, password } }).then(
    () => 'ok' as const,
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, key: error.key, params: error.params };
    },
  );

const failed = { code: 'UNAUTHENTICATED', key: 'auth.login.failed' };
const locked = (seconds: number) => ({
  code: 'RATE_LIMITED',
  key: 'auth.login.locked',
  params: { seconds },
});

describe('login lockout', () => {
  it('locks a username after 5 failures for a minute, doubling per further failure', async () => {
    for (let i = 0; i < 5; i++)
      expect(await attempt('wang.li', 'wrong-password')).toMatchObject(failed);
    // Locked: even the right password is refused without being checked.
    expect(await attempt('wang.li', TEST_PASSWORD)).toMatchObject(locked(60));
    clock.advance(30_000);
    expect(await attempt('WANG.LI', TEST_PASSWORD)).toMatchObject(locked(30));
    clock.advance(30_000);
    expect(await attempt('wang.li', 'wrong-again-12')).toMatchObject(failed);
    expect(await attempt('wang.li', TEST_PASSWORD)).toMatchObject(locked(120));
    clock.advance(2 * MIN);
    expect(await attempt('wang.li', 'wrong-again-12')).toMatchObject(failed);
    expect(await attempt('wang.li', TEST_PASSWORD)).toMatchObject(locked(240));
    clock.advance(4 * MIN);
    expect(await attempt('Wang.Li', TEST_PASSWORD)).toBe('ok');
  });

  it('forgets failures after a success', async () => {
    for (let i = 0; i < 4; i++) await attempt('wang.li', 'wrong-password');
    expect(await attempt('wang.li', TEST_PASSWORD)).toBe('ok');
    for (let i = 0; i < 4; i++)
      expect(await attempt('wang.li', 'wrong-password')).toMatchObject(failed);
    expect(await attempt('wang.li', TEST_PASSWORD)).toBe('ok');
  });

  it('caps the lock at an hour, and forgets failures after a quiet day', async () => {
    for (let i = 0; i < 12; i++) {
      await attempt('wang.li', 'wrong-password');
      clock.advance(61 * MIN);
    }
    clock.advance(-61 * MIN);
    expect(await attempt('wang.li', TEST_PASSWORD)).toMatchObject(locked(3600));
    clock.advance(25 * 60 * MIN);
    expect(await attempt('wang.li', 'wrong-password')).toMatchObject(failed);
    expect(await attempt('wang.li', TEST_PASSWORD)).toBe('ok');
  });

  it('treats an unknown username exactly like a known one: same refusal, same lockout', async () => {
    for (let i = 0; i < 5; i++)
      expect(await attempt('nobody.here', 'wrong-password')).toMatchObject(failed);
    expect(await attempt('nobody.here', 'wrong-password')).toMatchObject(locked(60));
  });

  it('refuses a disabled account with the same message, even with the right password', async () => {
    const second = await userFactory(db.kysely, clock)('county_admin', countyId);
    const [user] = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username_key', '=', 'wang.li')
      .execute();
    await updateUser({
      db: db.kysely,
      clock,
      actor: second.username,
      input: { id: user?.id ?? 0, patch: { disabled: true } },
    });
    expect(await attempt('wang.li', TEST_PASSWORD)).toMatchObject(failed);
  });
});
