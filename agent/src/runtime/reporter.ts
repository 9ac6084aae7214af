import type { Lang, Message } from '@xiaowang/shared';
import { bodyByteLength, bodyChunks } from '../spool/body.ts';
import { connectionFailure, otherFailure, redirectFailure, untrusted } from './delivery-failure.ts';
import { SOURCE_FAILED, postPieces } from './post-pieces.ts';
import type { QueuedReport } from './report-queue.ts';

/**
 * Why a report was not acknowledged, twice: `reason` in English for logs and tests, and
 * `message`, a catalogue key and parameters saying what to do, for `status` in the reader's
 * language.
 */
interface Failure {
  readonly reason: string;
  readonly message: Message;
}

/** What the collector said about one report, reduced to what the agent must do next. */
export type SendOutcome =
  | { readonly kind: 'acked'; readonly duplicate: boolean }
  | ({ readonly kind: 'retry'; readonly retryAfterMs?: number } & Failure)
  /** The token was refused: keep everything, stop sending until someone re-enrolls. */
  | ({ readonly kind: 'unauthorised'; readonly status: number } & Failure)
  /** The collector will never accept this report as it is: set it aside with the reason. */
  | ({ readonly kind: 'rejected'; readonly status: number } & Failure);

export interface ReporterOptions {
  readonly collectorUrl: string;
  readonly token: string;
  readonly timeoutMs: number;
  /**
   * The language the collector is asked to answer in (default en): its own words are quoted in
   * `status` and in the reason kept beside a report it refused, read by the technician.
   */
  readonly lang?: Lang;
  /** Told every HTTP status the collector answers with (load tests count them). */
  readonly onStatus?: (status: number) => void;
}

function retryAfter(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string') return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The collector's `{ error: { code, message } }`, or the status text when the body is not that. */
function collectorSays(statusText: string, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    const said = `${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim();
    if (said !== '') return said;
  } catch {
    // not JSON (or cut short): the status line is all there is
  }
  return statusText;
}

/** The collector's report endpoint under `collectorUrl`; throws on an invalid URL. */
function reportsEndpoint(collectorUrl: string): URL {
  return new URL('api/v1/reports', collectorUrl.endsWith('/') ? collectorUrl : `${collectorUrl}/`);
}

export function reportsUrl(collectorUrl: string): string {
  return reportsEndpoint(collectorUrl).toString();
}

/**
 * POSTs one report, as spooled, with the agent's bearer token and a timeout; never throws.
 * The document goes out as its pieces with an exact Content-Length, so a county's report is
 * not copied again on its way to the socket and the collector can refuse an oversized one
 * before reading it.
 */
export async function sendReport(
  report: QueuedReport,
  options: ReporterOptions,
): Promise<SendOutcome> {
  const collectorUrl = options.collectorUrl;
  let url: URL;
  try {
    url = reportsEndpoint(collectorUrl);
  } catch {
    return {
      kind: 'retry',
      reason: `not a valid collector URL: ${collectorUrl}`,
      message: { key: 'delivery.badUrl', params: { url: untrusted(collectorUrl) } },
    };
  }
  const bytes = bodyByteLength(report.body);
  const response = await postPieces(url, bodyChunks(report.body), {
    headers: {
      authorization: `Bearer ${options.token}`,
      'content-type': 'application/json',
      'content-length': String(bytes),
      'accept-language': options.lang ?? 'en',
    },
    bytes,
    timeoutMs: options.timeoutMs,
  });
  if (!response.ok) {
    return {
      kind: 'retry',
      reason: response.reason,
      message:
        response.code === SOURCE_FAILED
          ? { key: 'delivery.spoolFile', params: { detail: untrusted(response.reason) } }
          : connectionFailure(collectorUrl, url, response, options.timeoutMs),
    };
  }
  const { status } = response;
  options.onStatus?.(status);
  if (status >= 200 && status < 300) {
    let duplicate = false;
    try {
      duplicate = (JSON.parse(response.text) as { duplicate?: boolean }).duplicate === true;
    } catch {
      // an acknowledgement without a readable body is still an acknowledgement
    }
    return { kind: 'acked', duplicate };
  }
  if (status >= 300 && status < 400) {
    // Not followed: the body would have to be sent twice. The URL in the config needs fixing,
    // and until it is the report stays queued rather than set aside.
    const location = response.headers.location;
    const reason = `${status} the collector redirects to ${location ?? '(no Location)'}: put that address in collector.url`;
    return {
      kind: 'retry',
      reason,
      message:
        location === undefined
          ? otherFailure(reason)
          : redirectFailure(collectorUrl, url, location),
    };
  }
  const detail = collectorSays(response.statusText, response.text);
  const reason = `${status} ${detail}`.trim();
  const params = { status, detail: untrusted(detail) || '-' };
  if (status === 401) {
    return {
      kind: 'unauthorised',
      status,
      reason,
      message: { key: 'delivery.tokenRefused', params: { status, url: collectorUrl } },
    };
  }
  // The collector answers 403 to a report naming schools this agent does not serve: the
  // token is fine, the config is not, and its message says which.
  if (status === 403) {
    return { kind: 'unauthorised', status, reason, message: { key: 'delivery.forbidden', params } };
  }
  if (status === 408 || status === 429 || status >= 500) {
    const message: Message = { key: 'delivery.collectorError', params };
    const after = retryAfter(response.headers['retry-after']);
    return after === undefined
      ? { kind: 'retry', reason, message }
      : { kind: 'retry', reason, message, retryAfterMs: after };
  }
  // Our collector always has this route: a 404 or 405 comes from something else at
  // collector.url (another web server, a wrong path). Setting reports aside there would
  // move every one of them to rejected/ until someone noticed; they stay queued instead.
  if (status === 404 || status === 405) {
    return {
      kind: 'retry',
      reason: `${reason}: ${url.toString()} is not a xiaowang collector's report endpoint; check collector.url`,
      message: { key: 'delivery.noReportEndpoint', params: { status, url: collectorUrl } },
    };
  }
  return { kind: 'rejected', status, reason, message: { key: 'delivery.rejected', params } };
}
