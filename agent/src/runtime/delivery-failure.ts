import type { Message } from '@xiaowang/shared';
import { isTlsErrorCode } from '../host/https-over-ipv6.ts';

/**
 * What a technician reads when a report could not be delivered: a catalogue key and its
 * parameters, saying what happened and what to do. The English `reason` stays for logs.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const MAX_SHOWN = 300;

/** Text from the collector or the network: a parameter, never a template, and kept short. */
export function untrusted(text: string): string {
  const flat = text.replace(CONTROL, ' ').trim();
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN)}…` : flat;
}

/** Anything not recognised: the English text as it is. */
export function otherFailure(reason: string): Message {
  return { key: 'delivery.other', params: { detail: untrusted(reason) } };
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
]);

/** host:port as the technician would check it, with the scheme's port when the URL has none. */
function address(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/**
 * Why the collector gave no answer, from the request's error code (or TIMEOUT when the
 * agent's own timer ran out).
 */
export function connectionFailure(
  collectorUrl: string,
  requested: URL,
  failure: { readonly code: string | undefined; readonly reason: string },
  timeoutMs: number,
): Message {
  const { code } = failure;
  if (code === 'TIMEOUT') {
    return { key: 'delivery.timeout', params: { url: collectorUrl, seconds: timeoutMs / 1000 } };
  }
  if (code === 'ECONNREFUSED') {
    return { key: 'delivery.refused', params: { address: address(requested) } };
  }
  if (code !== undefined && DNS_CODES.has(code)) {
    return { key: 'delivery.dns', params: { host: requested.hostname, code } };
  }
  if (code !== undefined && isTlsErrorCode(code)) {
    return { key: 'delivery.tls', params: { url: collectorUrl, code } };
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    return { key: 'delivery.network', params: { address: address(requested), code } };
  }
  return otherFailure(failure.reason);
}

const REPORTS_PATH = /api\/v1\/reports\/?$/;

/** The base address to put in collector.url, given where the collector sent the POST. */
function suggestedBase(location: string, requested: URL): string {
  try {
    const target = new URL(location, requested);
    if (!REPORTS_PATH.test(target.pathname)) return target.toString();
    target.pathname = target.pathname.replace(REPORTS_PATH, '');
    target.search = '';
    target.hash = '';
    return target.toString();
  } catch {
    return location;
  }
}

/** A redirect is not followed (the body would go twice): collector.url needs the new address. */
export function redirectFailure(collectorUrl: string, requested: URL, location: string): Message {
  return {
    key: 'delivery.redirect',
    params: {
      url: collectorUrl,
      location: untrusted(location),
      suggested: untrusted(suggestedBase(location, requested)),
    },
  };
}
