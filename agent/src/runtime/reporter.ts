import { bodyByteLength, bodyPieces } from '../spool/body.ts';
import { postPieces } from './post-pieces.ts';
import type { QueuedReport } from './report-queue.ts';

/** What the collector said about one report, reduced to what the agent must do next. */
export type SendOutcome =
  | { readonly kind: 'acked'; readonly duplicate: boolean }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** The token was refused: keep everything, stop sending until someone re-enrolls. */
  | { readonly kind: 'unauthorised'; readonly status: number; readonly reason: string }
  /** The collector will never accept this report as it is: set it aside with the reason. */
  | { readonly kind: 'rejected'; readonly status: number; readonly reason: string };

export interface ReporterOptions {
  readonly collectorUrl: string;
  readonly token: string;
  readonly timeoutMs: number;
  /** Told every HTTP status the collector answers with (load tests count them). */
  readonly onStatus?: (status: number) => void;
}

function retryAfter(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string') return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function errorText(status: number, statusText: string, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return `${status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim();
  } catch {
    return `${status} ${statusText}`.trim();
  }
}

export function reportsUrl(collectorUrl: string): string {
  return new URL(
    'api/v1/reports',
    collectorUrl.endsWith('/') ? collectorUrl : `${collectorUrl}/`,
  ).toString();
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
  let url: URL;
  try {
    url = new URL(reportsUrl(options.collectorUrl));
  } catch {
    return { kind: 'retry', reason: `not a valid collector URL: ${options.collectorUrl}` };
  }
  const response = await postPieces(url, bodyPieces(report.body), {
    headers: {
      authorization: `Bearer ${options.token}`,
      'content-type': 'application/json',
      'content-length': String(bodyByteLength(report.body)),
      'accept-language': 'en',
    },
    timeoutMs: options.timeoutMs,
  });
  if (!response.ok) return { kind: 'retry', reason: response.reason };
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
    return {
      kind: 'retry',
      reason: `${status} the collector redirects to ${location ?? '(no Location)'}: put that address in collector.url`,
    };
  }
  const reason = errorText(status, response.statusText, response.text);
  if (status === 401 || status === 403) {
    return { kind: 'unauthorised', status, reason };
  }
  if (status === 408 || status === 429 || status >= 500) {
    const after = retryAfter(response.headers['retry-after']);
    return after === undefined
      ? { kind: 'retry', reason }
      : { kind: 'retry', reason, retryAfterMs: after };
  }
  return { kind: 'rejected', status, reason };
}
