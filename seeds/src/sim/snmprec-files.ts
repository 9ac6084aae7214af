import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Varbind } from '@xiaowang/shared/varbind';
import { parseSnmprec } from './snmprec.ts';

const SUFFIX = '.snmprec';

/**
 * Reads every `<name>.snmprec` in `dir` (not recursive) into varbinds keyed by community,
 * which like snmpsim is the file name without `.snmprec`. Unparsable lines are skipped.
 */
export async function loadSnmprecDir(dir: string): Promise<Map<string, Varbind[]>> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith(SUFFIX))
    .map((entry) => entry.name)
    .sort();
  const walks = new Map<string, Varbind[]>();
  for (const name of names) {
    // latin1 maps each byte to one char, so plain `4` values come back as the file's bytes.
    const text = await readFile(path.join(dir, name), 'latin1');
    walks.set(name.slice(0, -SUFFIX.length), parseSnmprec(text).varbinds);
  }
  return walks;
}
