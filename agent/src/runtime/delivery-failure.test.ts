import { describe, expect, it } from 'vitest';
import { connectionFailure, redirectFailure, untrusted } from './delivery-failure.ts';

const collectorUrl = 'https://xw.county.example/';
const requested = new URL('https://xw.county.example/api/v1/reports');

describe('connectionFailure', () => {
  // DNS failures need a resolver beyond loopback, so the codes are checked here as a table.
  it.each([
    ['ENOTFOUND', 'delivery.dns', { host: 'xw.county.example', code: 'ENOTFOUND' }],
    ['EAI_AGAIN', 'delivery.dns', { host: 'xw.county.example', code: 'EAI_AGAIN' }],
    ['ECONNREFUSED', 'delivery.refused', { address: 'xw.county.example:443' }],
    ['ECONNRESET', 'delivery.network', { address: 'xw.county.example:443', code: 'ECONNRESET' }],
    ['ETIMEDOUT', 'delivery.network', { address: 'xw.county.example:443', code: 'ETIMEDOUT' }],
    [
      'EHOSTUNREACH',
      'delivery.network',
      { address: 'xw.county.example:443', code: 'EHOSTUNREACH' },
    ],
    ['CERT_HAS_EXPIRED', 'delivery.tls', { url: collectorUrl, code: 'CERT_HAS_EXPIRED' }],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'delivery.tls',
      { url: collectorUrl, code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    ],
    ['EPROTO', 'delivery.tls', { url: collectorUrl, code: 'EPROTO' }],
    ['TIMEOUT', 'delivery.timeout', { url: collectorUrl, seconds: 15 }],
    ['EWHATEVER', 'delivery.other', { detail: 'EWHATEVER: something odd' }],
  ])('maps %s to %s', (code, key, params) => {
    expect(
      connectionFailure(
        collectorUrl,
        requested,
        { code, reason: `${code}: something odd` },
        15_000,
      ),
    ).toEqual({ key, params });
  });

  it('shows an error without a code as its text, and the port an http URL implies', () => {
    expect(
      connectionFailure(collectorUrl, requested, { code: undefined, reason: 'socket hang up' }, 1),
    ).toEqual({ key: 'delivery.other', params: { detail: 'socket hang up' } });
    const plain = new URL('http://[::1]/api/v1/reports');
    expect(
      connectionFailure('http://[::1]/', plain, { code: 'ECONNREFUSED', reason: '' }, 1),
    ).toEqual({ key: 'delivery.refused', params: { address: '[::1]:80' } });
  });
});

describe('redirectFailure', () => {
  it('suggests the base address, keeping a path prefix and dropping the API path', () => {
    expect(
      redirectFailure(collectorUrl, requested, 'https://new.example/xw/api/v1/reports?x=1'),
    ).toEqual({
      key: 'delivery.redirect',
      params: {
        url: collectorUrl,
        location: 'https://new.example/xw/api/v1/reports?x=1',
        suggested: 'https://new.example/xw/',
      },
    });
  });

  it('passes on a location elsewhere as it is', () => {
    expect(redirectFailure(collectorUrl, requested, '/login').params).toMatchObject({
      suggested: 'https://xw.county.example/login',
    });
  });
});

describe('untrusted', () => {
  it('removes control characters and cuts long text', () => {
    expect(untrusted('a\u001b[2J\r\nb')).toBe('a [2J  b');
    expect(untrusted('x'.repeat(1000))).toHaveLength(301);
  });
});
