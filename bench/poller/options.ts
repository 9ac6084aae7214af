// Command-line options of the poller bench scripts, checked the same way in each.

/** `--name`'s value as a whole number ≥ min; otherwise says which option and exits 2. */
export function wholeNumberOption(name: string, text: string | undefined, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}, got ${String(text)}`);
    process.exit(2);
  }
  return n;
}
