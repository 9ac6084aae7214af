import { openSpool } from '../spool.ts';
import type { SpoolOptions } from '../spool.ts';
import { faultyFs } from './faulty-fs.ts';

/**
 * A spool in `dir` (1 MB, 30 days unless `more` says otherwise) over node:fs with faults
 * the test switches on; `options` reopens the same directory without them.
 */
export async function openFaultySpool(dir: string, more: Partial<SpoolOptions> = {}) {
  const { fs, faults } = faultyFs();
  const options: SpoolOptions = { dir, maxBytes: 1_000_000, maxAgeDays: 30, ...more };
  const spool = await openSpool({ ...options, fs });
  return { dir, fs, faults, options, spool };
}
