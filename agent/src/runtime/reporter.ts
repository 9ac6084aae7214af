import { Readable } from 'node:stream';
import { bodyByteLength, bodyPieces } from '../spool/body.ts';
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
  readonly fetch?: typeof fetch;
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

async function errorText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return `${response.status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim();
  } catch {
    return `${response.status} ${response.statusText}`;
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
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(reportsUrl(options.collectorUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        'content-length': String(bodyByteLength(report.body)),
        'accept-language': 'en',
      },
      // A stream of the pieces: fetch copies a byte body whole, but not a stream's chunks.
      body: Readable.from(bodyPieces(report.body)),
      duplex: 'half',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: 'retry', reason };
  }
  if (response.ok) {
    let duplicate = false;
    try {
      duplicate = ((await response.json()) as { duplicate?: boolean }).duplicate === true;
    } catch {
      // an acknowledgement without a readable body is still an acknowledgement
    }
    return { kind: 'acked', duplicate };
  }
  const reason = await errorText(response);
  if (response.status === 401 || response.status === 403) {
    return { kind: 'unauthorised', status: response.status, reason };
  }
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    const after = retryAfter(response.headers.get('retry-after'));
    return after === undefined
      ? { kind: 'retry', reason }
      : { kind: 'retry', reason, retryAfterMs: after };
  }
  return { kind: 'rejected', status: response.status, reason };
}
