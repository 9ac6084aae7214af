import http from 'node:http';
import https from 'node:https';
import { describeRequestError, requestErrorCode } from '../host/https-over-ipv6.ts';

/** What came back from one POST, or why nothing did. */
export type PostOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly statusText: string;
      readonly headers: http.IncomingHttpHeaders;
      /** The response body as text, cut at `maxResponseBytes`. */
      readonly text: string;
    }
  | {
      readonly ok: false;
      /** In English, for logs. */
      readonly reason: string;
      /**
       * The socket's error code (ECONNREFUSED, ENOTFOUND, a TLS code…), or TIMEOUT when
       * `timeoutMs` ran out; undefined when Node gave none.
       */
      readonly code: string | undefined;
    };

export interface PostPiecesOptions {
  readonly headers: Readonly<Record<string, string>>;
  /** For the whole exchange: connecting, sending every piece and reading the answer. */
  readonly timeoutMs: number;
  readonly maxResponseBytes?: number;
}

function failed(error: unknown): PostOutcome {
  return { ok: false, reason: describeRequestError(error), code: requestErrorCode(error) };
}

/** An acknowledgement or an error object is a few hundred bytes; more is not read. */
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a document held in pieces over node:http(s), writing one piece at a time and
 * waiting for the socket to drain between them; never rejects.
 *
 * Not `fetch`: on a gateway undici costs about 10 MB of RSS once loaded, and handed a
 * stream of a county's 10 MB report it held a second copy of it, so a delivery raised the
 * agent's peak from 96 to 133–142 MB (BENCHMARKS.md, poller round 7). Here the pieces go
 * to the socket as they are and the peak does not move.
 */
export function postPieces(
  url: URL,
  pieces: readonly Uint8Array[],
  options: PostPiecesOptions,
): Promise<PostOutcome> {
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const onResponse = (response: http.IncomingMessage): void => {
      const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size >= limit) return;
        chunks.push(chunk);
        size += chunk.length;
      });
      response.on('error', (error) => finish(failed(error)));
      response.on('end', () =>
        finish({
          ok: true,
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: response.headers,
          text: Buffer.concat(chunks).subarray(0, limit).toString('utf8'),
        }),
      );
    };
    // One connection per report: reports are minutes apart, and a kept-alive socket the
    // collector has since closed would cost a failed attempt.
    const common = { method: 'POST', headers: options.headers, agent: false } as const;
    const request =
      url.protocol === 'https:'
        ? https.request(url, common, onResponse)
        : http.request(url, common, onResponse);
    request.on('error', (error) => finish(failed(error)));
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: `TimeoutError: no answer within ${options.timeoutMs} ms`,
          code: 'TIMEOUT',
        }),
      options.timeoutMs,
    );
    void (async () => {
      for (const piece of pieces) {
        if (settled) return;
        if (!request.write(piece)) {
          await new Promise<void>((drained) => {
            const done = (): void => {
              request.off('drain', done);
              request.off('close', done);
              drained();
            };
            request.on('drain', done);
            request.on('close', done);
          });
        }
      }
      if (!settled) request.end();
    })();
  });
}
