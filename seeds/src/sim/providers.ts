import type { ValueProvider } from './mib-store.ts';

const TWO_32 = 2n ** 32n;
const TWO_64 = 2n ** 64n;

/** sysUpTime in hundredths of a second since `bootedAtMs`, wrapping at 2^32 like the real thing. */
export function makeUptimeProvider(bootedAtMs: number): ValueProvider {
  return (now) => ({
    type: 'TimeTicks',
    value: Math.floor(Math.max(0, now - bootedAtMs) / 10) % 2 ** 32,
  });
}

export interface CounterSpec {
  readonly type: 'Counter32' | 'Counter64';
  /** Value at `startedAtMs`. */
  readonly initial?: bigint;
  readonly startedAtMs: number;
  /** Growth per second; fractions accumulate. */
  readonly perSecond: number;
}

/** A counter that grows linearly with the clock and wraps at its width, for rate and wrap logic. */
export function makeCounterProvider(spec: CounterSpec): ValueProvider {
  const modulus = spec.type === 'Counter32' ? TWO_32 : TWO_64;
  const initial = spec.initial ?? 0n;
  return (now) => {
    const grown = BigInt(Math.floor((Math.max(0, now - spec.startedAtMs) * spec.perSecond) / 1000));
    const value = (((initial + grown) % modulus) + modulus) % modulus;
    return spec.type === 'Counter32'
      ? { type: 'Counter32', value: Number(value) }
      : { type: 'Counter64', value };
  };
}
