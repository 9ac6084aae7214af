import { describeRequestError } from './https-over-ipv6.ts';

export type Attempt<T> =
  | { readonly ok: true; readonly value: T; readonly ms: number }
  | { readonly ok: false; readonly reason: string; readonly ms: number };

/** Runs one probe step with a timeout; a throw, a rejection or silence all become a reason. */
export async function attempt<T>(
  run: () => Promise<T>,
  timeoutMs: number,
  now: () => number,
): Promise<Attempt<T>> {
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Attempt<T>>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `timed out after ${timeoutMs} ms`, ms: now() - started }),
      timeoutMs,
    );
  });
  const work = Promise.resolve()
    .then(run)
    .then(
      (value): Attempt<T> => ({ ok: true, value, ms: now() - started }),
      (error: unknown): Attempt<T> => ({
        ok: false,
        reason: describeRequestError(error),
        ms: now() - started,
      }),
    );
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
