import { Agent, request } from 'node:http';

/*
 * The load test's client: node:http with keep-alive and a socket cap, bodies serialised once.
 * It costs the load generator a fraction of what fetch does, so on two cores the collector
 * gets the CPU. It answers as the agent's reporter decides (agent/src/runtime/reporter.ts):
 * 200 is acknowledged; 408, 429, 5xx and no answer are tried again, after Retry-After.
 */

export interface PostResult {
  /** The HTTP status, or 0 when no answer came (refused, reset, timed out). */
  readonly status: number;
  readonly retryAfterMs?: number;
}

export interface LeanPoster {
  post(token: string, body: string, timeoutMs: number): Promise<PostResult>;
  close(): void;
}

export function leanPoster(baseUrl: string, sockets: number): LeanPoster {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const target = new URL('api/v1/reports', baseUrl);
  return {
    post: (token, body, timeoutMs) =>
      new Promise((resolve) => {
        const req = request(
          target,
          {
            method: 'POST',
            agent,
            timeout: timeoutMs,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              const after = Number(res.headers['retry-after']);
              resolve({
                status: res.statusCode ?? 0,
                ...(Number.isFinite(after) ? { retryAfterMs: after * 1000 } : {}),
              });
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('timed out')));
        req.on('error', () => resolve({ status: 0 }));
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/** What the agent does with an answer: done, try again, or set the report aside. */
export function verdictOf(status: number): 'acked' | 'retry' | 'refused' {
  if (status >= 200 && status < 300) return 'acked';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}
