import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';

export type HttpOutcome =
  { readonly ok: true; readonly status: number } | { readonly ok: false; readonly reason: string };

export type HttpsGetOverIpv6 = (url: string, timeoutMs: number) => Promise<HttpOutcome>;

export interface HttpsGetOptions {
  /** Extra trusted certificates (PEM); tests trust a self-signed one this way. */
  readonly ca?: string | Buffer;
}

/** Resolves AAAA only, so a name with an A record cannot quietly fall back to IPv4. */
const lookupAaaa: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, family: 6, hints: 0 }, callback);
};

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS|ERR_SSL|EPROTO/;

/** The code Node gives a failed request (ECONNREFUSED, ENOTFOUND, a TLS code…), if any. */
export function requestErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? code : undefined;
}

export function isTlsErrorCode(code: string): boolean {
  return TLS_CODE.test(code);
}

export function describeRequestError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = requestErrorCode(error);
  if (code !== undefined && isTlsErrorCode(code)) return `TLS ${code}: ${error.message}`;
  return code === undefined || error.message.includes(code)
    ? error.message
    : `${code}: ${error.message}`;
}

/**
 * Default HTTPS (or HTTP) GET forced onto IPv6. Any HTTP status means the site was reached;
 * the body is not read. Never rejects.
 */
export function createHttpsGetOverIpv6(options: HttpsGetOptions = {}): HttpsGetOverIpv6 {
  return (raw, timeoutMs) =>
    new Promise<HttpOutcome>((resolve) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        resolve({ ok: false, reason: 'not a valid URL' });
        return;
      }
      if (isIP(url.hostname) === 4) {
        resolve({ ok: false, reason: 'the host is an IPv4 address' });
        return;
      }
      let settled = false;
      const finish = (outcome: HttpOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.destroy();
        resolve(outcome);
      };
      const common = { method: 'GET', family: 6, lookup: lookupAaaa, agent: false } as const;
      const onResponse = (response: http.IncomingMessage): void => {
        response.on('error', () => undefined);
        finish({ ok: true, status: response.statusCode ?? 0 });
      };
      const request =
        url.protocol === 'https:'
          ? https.request(url, { ...common, ca: options.ca }, onResponse)
          : http.request(url, common, onResponse);
      request.on('error', (error) => finish({ ok: false, reason: describeRequestError(error) }));
      const timer = setTimeout(
        () => finish({ ok: false, reason: `no answer within ${timeoutMs} ms` }),
        timeoutMs,
      );
      request.end();
    });
}
