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
       * The socket's error code (ECONNREFUSED, ENOTFOUND, a TLS code…), TIMEOUT when
       * `timeoutMs` ran out, SOURCE_FAILED when the document itself could not be read;
       * undefined when Node gave none.
       */
      readonly code: string | undefined;
    };

export interface PostPiecesOptions {
  readonly headers: Readonly<Record<string, string>>;
  /** The document's length, as in Content-Length: a source that gives less or more is an error. */
  readonly bytes: number;
  /** For the whole exchange: connecting, sending every piece and reading the answer. */
  readonly timeoutMs: number;
  readonly maxResponseBytes?: number;
}

/**
 * The code of a failure to read the document being sent (a spooled file unreadable, or not
 * the length it was stored with): the agent's disk, not the network or the collector.
 */
export const SOURCE_FAILED = 'SOURCE_FAILED';

function failed(error: unknown): PostOutcome {
  return { ok: false, reason: describeRequestError(error), code: requestErrorCode(error) };
}

/** An acknowledgement or an error object is a few hundred bytes; more is not read. */
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a document held in pieces (in memory, or read from a spooled file) over
 * node:http(s), writing one piece at a time, each once the socket has taken the one
 * before; never rejects. A source that fails to read, or gives other than `bytes` bytes,
 * fails the exchange before the request ends, so the collector never takes a cut document.
 *
 * Not `fetch`: on a gateway undici costs about 10 MB of RSS once loaded, and handed a
 * stream of a county's 10 MB report it held a second copy of it, so a delivery raised the
 * agent's peak from 96 to 133–142 MB (BENCHMARKS.md, poller round 7). Here the pieces go
 * to the socket as they are and the peak does not move.
 */
export function postPieces(
  url: URL,
  pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
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
      let sent = 0;
      try {
        for await (const piece of pieces) {
          if (settled) return;
          sent += piece.byteLength;
          if (sent > options.bytes) break;
          // Until the socket has taken it: a piece read from a file shares its buffer with the next.
          await written(request, piece);
        }
      } catch (error) {
        finish({
          ok: false,
          reason: `could not read the report to send it: ${describeRequestError(error)}`,
          code: SOURCE_FAILED,
        });
        return;
      }
      if (settled) return;
      if (sent !== options.bytes) {
        finish({
          ok: false,
          reason: `the report changed while it was sent: ${sent > options.bytes ? 'more' : 'fewer'} than its ${options.bytes} bytes`,
          code: SOURCE_FAILED,
        });
        return;
      }
      request.end();
    })();
  });
}

/** Resolves once `piece` is handed to the socket (or the request closed): then it may change. */
function written(request: http.ClientRequest, piece: Uint8Array): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      request.off('close', done);
      resolve();
    };
    request.on('close', done);
    request.write(piece, done);
  });
}
