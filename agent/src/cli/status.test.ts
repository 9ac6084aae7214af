import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../runtime/agent-state.ts';
import { stateFile, writeState } from '../runtime/agent-state.ts';
import { main } from './main.ts';

/** A config whose spool sits in a fresh directory, and where its state file goes. */
function setup(): { file: string; state: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'xw-status-'));
  const file = path.join(dir, 'agent.json');
  const spoolDir = path.join(dir, 'spool');
  writeFileSync(
    file,
    JSON.stringify({
      collector: { url: 'http://127.0.0.1:9/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
      credentials: {},
      spool: { dir: spoolDir },
    }),
  );
  return { file, state: stateFile(spoolDir) };
}

const base: AgentState = {
  pid: 1,
  lastPollAt: '2026-11-27T02:00:00.000Z',
  lastPollDurationMs: 1200,
  devicesOk: 3,
  devicesError: 0,
  lastDeliveryAt: null,
  lastDeliveryError: 'connect ECONNREFUSED 127.0.0.1:9',
  pendingReports: 2,
};

async function status(file: string, lang: string): Promise<string> {
  let out = '';
  const code = await main(['status', '--config', file, '--lang', lang], {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (out += `${t}\n`),
  });
  expect(code).toBe(0);
  return out;
}

describe('xiaowang-agent status', () => {
  it('says why delivery waits and what to do, in Chinese or English', async () => {
    const { file, state } = setup();
    writeState(state, {
      ...base,
      lastDeliveryFailure: { key: 'delivery.refused', params: { address: '127.0.0.1:9' } },
    });
    const zh = await status(file, 'zh-CN');
    expect(zh).toContain(
      '上报暂停中：汇聚端 127.0.0.1:9 拒绝了连接。请确认汇聚端正在运行，以及 collector.url 中的主机和端口是否正确。',
    );
    expect(zh).not.toContain('ECONNREFUSED');
    const en = await status(file, 'en');
    expect(en).toContain(
      'Delivery is waiting: The collector at 127.0.0.1:9 refused the connection. Check that the collector is running',
    );
  });

  it('shows the collector’s words as text, without control characters', async () => {
    const { file, state } = setup();
    writeState(state, {
      ...base,
      lastDeliveryError: '400 VALIDATION x',
      lastDeliveryFailure: {
        key: 'delivery.collectorError',
        params: { status: 503, detail: 'down {url}\u001b[2J' },
      },
    });
    const zh = await status(file, 'zh-CN');
    expect(zh).toContain('汇聚端暂时无法接收报告（HTTP 503：down {url} [2J）');
    expect(zh).not.toContain('\u001b');
  });

  it('still reads a state file from before the failure was stored as a key, showing its text', async () => {
    const { file, state } = setup();
    writeState(state, base);
    expect(await status(file, 'zh-CN')).toContain('上报暂停中：connect ECONNREFUSED 127.0.0.1:9');
    expect(await status(file, 'en')).toContain(
      'Delivery is waiting: connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it('falls back to the text when the stored key is not one this version knows', async () => {
    const { file, state } = setup();
    writeFileSync(
      state,
      JSON.stringify({
        ...base,
        lastDeliveryFailure: { key: 'delivery.renamedSince', params: { code: 'X' } },
      }),
    );
    expect(await status(file, 'en')).toContain(
      'Delivery is waiting: connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it('says nothing about delivery when the last one went through', async () => {
    const { file, state } = setup();
    writeState(state, { ...base, lastDeliveryError: null, lastDeliveryFailure: null });
    const en = await status(file, 'en');
    expect(en).toContain('Last poll: 2026-11-27T02:00:00.000Z (3 devices read, 0 failed)');
    expect(en).not.toContain('Delivery is waiting');
  });
});
