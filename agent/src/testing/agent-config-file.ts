import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Writes the smallest valid agent config (a collector on a closed loopback port, no devices)
 * into a fresh temporary directory, with `extra` merged over it; returns the file's path.
 */
export function writeAgentConfig(spoolDir: string, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'xw-config-'));
  const file = path.join(dir, 'agent.json');
  writeFileSync(
    file,
    JSON.stringify({
      collector: { url: 'http://127.0.0.1:9/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
      credentials: {},
      spool: { dir: spoolDir },
      ...extra,
    }),
  );
  return file;
}
