import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from './secret.ts';

describe('Secret', () => {
  it('never prints its value', () => {
    const s = new Secret('community-xyz');
    const shown = [String(s), s.toString(), JSON.stringify({ s }), inspect({ s }), inspect(s)];
    for (const text of shown) expect(text).not.toContain('community-xyz');
    expect(s.reveal()).toBe('community-xyz');
  });
});
