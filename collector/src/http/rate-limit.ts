import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { MessageKey } from '@xiaowang/shared';
import type { Clock } from '../context.ts';
import { AppError } from '../errors.ts';

export interface TokenBucketOptions {
  /** Tokens added per minute, i.e. the sustained rate. */
  readonly ratePerMinute: number;
  /** Bucket size: how many requests may come at once after a pause. */
  readonly burst: number;
  readonly clock: Clock;
  /** Keys remembered at most; full buckets are forgotten first. Default 10 000. */
  readonly maxKeys?: number;
}

export type TakeResult =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterS: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** In-memory token buckets, one per key; state is per process and lost on restart, by design. */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  readonly #options: TokenBucketOptions;

  constructor(options: TokenBucketOptions) {
    this.#options = options;
    this.#perMs = options.ratePerMinute / 60_000;
  }

  take(key: string): TakeResult {
    const now = this.#options.clock().getTime();
    const bucket = this.#refill(this.#buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#remember(key, bucket);
      return { ok: true };
    }
    this.#remember(key, bucket);
    return {
      ok: false,
      retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)),
    };
  }

  #refill(bucket: Bucket | undefined, now: number): Bucket {
    const { burst } = this.#options;
    if (bucket === undefined) return { tokens: burst, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(burst, bucket.tokens + elapsed * this.#perMs), at: now };
  }

  #remember(key: string, bucket: Bucket): void {
    this.#buckets.set(key, bucket);
    if (this.#buckets.size <= (this.#options.maxKeys ?? 10_000)) return;
    const now = this.#options.clock().getTime();
    for (const [k, b] of this.#buckets) {
      if (this.#refill(b, now).tokens >= this.#options.burst) this.#buckets.delete(k);
    }
    // Still too many: drop the oldest key; it only gets a fresh, full bucket.
    const oldest = this.#buckets.keys().next();
    if (this.#buckets.size > (this.#options.maxKeys ?? 10_000) && oldest.done !== true) {
      this.#buckets.delete(oldest.value);
    }
  }
}

/** Answers 429 with Retry-After when the key's bucket is empty. */
export function rateLimit<E extends { Variables: object }>(
  buckets: TokenBuckets,
  keyOf: (c: Context<E>) => string,
  message: MessageKey,
): MiddlewareHandler<E> {
  return async (c, next) => {
    const result = buckets.take(keyOf(c));
    if (!result.ok) {
      c.header('Retry-After', String(result.retryAfterS));
      throw new AppError('RATE_LIMITED', message, { params: { seconds: result.retryAfterS } });
    }
    await next();
  };
}

/** The peer's address; in-process test requests have none and share one bucket. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
