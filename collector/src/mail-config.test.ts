import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatConfigProblems, loadMailConfig, loadServerConfig } from './config.ts';

const TOKEN = 'a-long-random-admin-token-0123456789';
const MAIL = {
  XIAOWANG_SMTP_HOST: 'smtp.qx.example',
  XIAOWANG_SMTP_USER: 'xiaowang',
  XIAOWANG_SMTP_PASSWORD: 'smtp-secret-value',
  XIAOWANG_MAIL_FROM: '校网 <xiaowang@qx.example>',
  XIAOWANG_PUBLIC_URL: 'https://xiaowang.qx.example/',
};

describe('mail config', () => {
  it('is off without an SMTP host', () => {
    const result = loadServerConfig({ XIAOWANG_ADMIN_TOKEN: TOKEN });
    expect(result.ok && result.config.mail).toEqual({
      smtp: null,
      from: undefined,
      publicUrl: undefined,
    });
  });

  it('defaults to STARTTLS on 587, required, and hides the password', () => {
    const result = loadServerConfig({ XIAOWANG_ADMIN_TOKEN: TOKEN, ...MAIL });
    if (!result.ok) throw new Error('rejected');
    const { mail } = result.config;
    expect(mail).toMatchObject({
      smtp: { host: 'smtp.qx.example', port: 587, secure: false, requireTls: true },
      publicUrl: 'https://xiaowang.qx.example',
    });
    expect(mail.smtp?.password?.reveal()).toBe('smtp-secret-value');
    expect(JSON.stringify(result.config)).not.toContain('smtp-secret-value');
    expect(inspect(result.config, { depth: 9 })).not.toContain('smtp-secret-value');
    const secure = loadMailConfig({ ...MAIL, XIAOWANG_SMTP_SECURE: 'true' });
    expect(secure.ok && secure.config.mail.smtp?.port).toBe(465);
  });

  it('lists what is missing or wrong, field by field', () => {
    const result = loadMailConfig({
      XIAOWANG_SMTP_HOST: 'smtp.qx.example',
      XIAOWANG_SMTP_PASSWORD: 'x',
      XIAOWANG_SMTP_SECURE: 'maybe',
      XIAOWANG_PUBLIC_URL: 'javascript:alert(1)',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatConfigProblems('en', result.problems).sort()).toEqual([
      expect.stringMatching(/^XIAOWANG_PUBLIC_URL: Not an http\(s\) address\./),
      expect.stringMatching(/^XIAOWANG_SMTP_SECURE: Not a yes\/no value\./),
    ]);
    const missing = loadMailConfig({ XIAOWANG_SMTP_HOST: 'h', XIAOWANG_SMTP_PASSWORD: 'x' });
    expect(missing.ok ? [] : missing.problems.map((p) => p.field).sort()).toEqual([
      'XIAOWANG_MAIL_FROM',
      'XIAOWANG_PUBLIC_URL',
      'XIAOWANG_SMTP_USER',
    ]);
  });
});
