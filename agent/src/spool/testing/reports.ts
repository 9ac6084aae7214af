import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';

export interface TestReport {
  readonly reportId: string;
  readonly n: number;
  readonly pad: string;
}

/** A report-shaped object of exactly `size` bytes once serialised (at least ~70). */
export function makeReport(n: number, size = 200): TestReport {
  const reportId = randomUUID();
  const bare = JSON.stringify({ reportId, n, pad: '' }).length;
  return { reportId, n, pad: 'x'.repeat(Math.max(0, size - bare)) };
}

/** The queue files in a spool directory (not the lock, gaps or side directories). */
export async function entryFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^\d{12}-\d{13}-.+\.json$/.test(name)).sort();
}

export async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
}
