import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAgentConfig } from '../testing/agent-config-file.ts';
import { main } from './main.ts';

function config(spoolDir: string): string {
  return writeAgentConfig(spoolDir, { ipv6: { enabled: false } });
}

async function run(file: string, lang: string): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['run', '--config', file, '--lang', lang], {
    stdout: () => undefined,
    stderr: (t) => (err += `${t}\n`),
  });
  return { code, err };
}

describe('xiaowang-agent run', () => {
  it('says what to do when the spool cannot be used, instead of a stack trace', async () => {
    const file = config('/dev/null/spool');
    const zh = await run(file, 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('无法使用待发队列');
    const en = await run(file, 'en');
    expect(en.err).toContain('Cannot use the spool');
    expect(en.err).not.toMatch(/\n\s+at /);
  });

  it('lists every config problem and exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xw-run-'));
    const file = path.join(dir, 'agent.json');
    writeFileSync(
      file,
      JSON.stringify({ collector: { url: 'ftp://x', token: 'nope' }, credentials: {} }),
    );
    const out = await run(file, 'en');
    expect(out.code).toBe(2);
    expect(out.err).toContain('collector.url');
    expect(out.err).toContain('collector.token');
  });
});
