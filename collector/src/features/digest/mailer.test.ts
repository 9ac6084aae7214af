import { describe, expect, it } from 'vitest';
import { messageIdOf } from './deliver-due.ts';
import { describeFailure } from './mailer.ts';

describe('describeFailure', () => {
  it('keeps the code and reply, drops secrets and control characters', () => {
    const error = Object.assign(new Error('Invalid login: 535 bad hunter2\r\nInjected: yes'), {
      code: 'EAUTH',
      responseCode: 535,
    });
    expect(describeFailure(error, ['hunter2'])).toEqual({
      text: 'EAUTH 535 Invalid login: 535 bad <secret> Injected: yes',
      serverWide: true,
    });
  });

  it('tells a refused message from a server that is away', () => {
    const refused = Object.assign(new Error('Mailbox busy'), {
      code: 'EENVELOPE',
      responseCode: 451,
    });
    expect(describeFailure(refused).serverWide).toBe(false);
    const shutting = Object.assign(new Error('Closing'), { code: 'EENVELOPE', responseCode: 421 });
    expect(describeFailure(shutting).serverWide).toBe(true);
    expect(describeFailure('odd').text).toBe('odd');
  });
});

describe('messageIdOf', () => {
  it('is the same for every attempt of a delivery, in the sender’s domain', () => {
    const row = { id: 17, county_id: 3, day: '2026-11-28' };
    expect(messageIdOf(row, '校网 <xiaowang@jyj.example.gov.cn>')).toBe(
      '<digest.3.2026-11-28.17@jyj.example.gov.cn>',
    );
    expect(messageIdOf(row, 'bare')).toBe('<digest.3.2026-11-28.17@xiaowang.invalid>');
  });
});
