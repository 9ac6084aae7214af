import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import {
  checkPassword,
  DUMMY_HASH,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  needsRehash,
  verifyPassword,
} from './password.ts';

describe('password hashing (scrypt)', () => {
  it('round-trips, and refuses a wrong password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, and normalises Unicode so the same text typed twice matches', async () => {
    const a = await hashPassword('密码是十个字的长句子');
    const b = await hashPassword('密码是十个字的长句子');
    expect(a).not.toBe(b);
    const composed = await hashPassword('caf\u00e9 au lait!');
    expect(await verifyPassword('cafe\u0301 au lait!', composed)).toBe(true);
  });

  it('verifies hashes made with other parameters and says they need rehashing', async () => {
    const { scrypt } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt('older-password-1', salt, 32, { N: 2 ** 14, r: 8, p: 1 }, (e, k) =>
        e ? reject(e) : resolve(k),
      ),
    );
    const b64 = (x: Buffer) => x.toString('base64').replace(/=+$/, '');
    const old = `$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`;
    expect(await verifyPassword('older-password-1', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('older-password-1'))).toBe(false);
  });

  it('never verifies a malformed or absurdly costly stored string', async () => {
    for (const stored of [
      '',
      'plain',
      '$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43),
    ]) {
      expect(await verifyPassword('anything-at-all', stored)).toBe(false);
    }
  });

  it('keeps a dummy hash with the current cost, so an unknown user costs one full KDF run', async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
  });

  it('requires at least 10 characters, counted as characters not bytes', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(() => checkPassword('123456789')).toThrow(AppError);
    expect(() => checkPassword('十个汉字组成的密码句')).not.toThrow();
    try {
      checkPassword('short');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: [{ path: 'password', key: 'users.validation.passwordTooShort' }],
      });
    }
  });
});
