import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../bin/xiaowang-demo.mjs',
);

describe('npm start (the main job)', () => {
  it('starts the simulated school on loopback and prints what the agent read', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [BIN, '--once', '--lang', 'en'],
      {
        timeout: 60_000,
      },
    );
    expect(stdout).toMatch(/answering SNMP on 127\.0\.0\.1:\d+/);
    expect(stdout).toContain('Huawei / switch');
    expect(stdout).toContain('上联-县教育城域网');
    expect(stdout).toContain('Access points: 18 known');
    expect(stdout).toContain('npx xiaowang-agent probe --host 127.0.0.1');
  });
});
