import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../runtime/agent-state.ts';
import { stateFile, writeState } from '../runtime/agent-state.ts';
import { openSpool } from '../spool/spool.ts';
import { writeAgentConfig } from '../testing/agent-config-file.ts';
import { main } from './main.ts';

/** A config whose spool sits in a fresh directory, and where its state file goes. */
function setup(): { file: string; state: string; spoolDir: string } {
  const spoolDir = path.join(mkdtempSync(path.join(tmpdir(), 'xw-status-')), 'spool');
  return { file: writeAgentConfig(spoolDir), state: stateFile(spoolDir), spoolDir };
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

  it('tells what the spool refused, dropped or found damaged, and counts only real reports', async () => {
    const { file, spoolDir } = setup();
    let clock = Date.parse('2026-11-20T08:00:00.000Z');
    const report = (id: string) => ({ reportId: id, pad: 'x'.repeat(300) });
    const spool = await openSpool({
      dir: spoolDir,
      maxBytes: 1000,
      maxAgeDays: 30,
      now: () => clock,
      onProblem: () => undefined,
    });
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) {
      await spool.append(report(id));
      clock += 300_000;
    }
    // maxBytes holds three: r1 and r2 were dropped. r3 is refused by the collector.
    await spool.setAside('r3', '400 VALIDATION devices.0.name: \u001b[2J too long');
    // r4's file is damaged on disk, and found so when delivery reads it.
    const [r4] = (await spool.peek(3)).filter((r) => r.reportId === 'r4');
    expect(r4).toBeDefined();
    const r4File = readdirSync(spoolDir).find((n) => n.endsWith('-r4.json'));
    writeFileSync(path.join(spoolDir, r4File ?? 'missing'), '{"reportId":"r4"');
    await spool.peek(3);
    await spool.close();

    const zh = await status(file, 'zh-CN');
    expect(zh).toContain('待发送的报告：1 份（最早 2026-11-20T08:20:00.000Z）');
    expect(zh).toContain(
      `汇聚端拒收的报告：1 份，保存在 ${path.join(spoolDir, 'rejected')}，不会再发送。最近一次（2026-11-20T08:25:00.000Z）：400 VALIDATION devices.0.name:  [2J too long。`,
    );
    expect(zh).not.toContain('\u001b');
    expect(zh).toContain(
      '2026-11-20T08:00:00.000Z 至 2026-11-20T08:05:00.000Z 暂存的 2 份报告未发送即被丢弃：待发队列达到了 spool.maxBytes 上限。',
    );
    expect(zh).toContain(`已移出的损坏文件：1 个，位于 ${path.join(spoolDir, 'corrupt')}`);
    const en = await status(file, 'en');
    expect(en).toContain('Reports waiting to be sent: 1 (oldest 2026-11-20T08:20:00.000Z)');
    expect(en).toContain('Reports the collector refused for good: 1');
    expect(en).toContain(
      '2 reports spooled from 2026-11-20T08:00:00.000Z to 2026-11-20T08:05:00.000Z were dropped unsent: the spool reached spool.maxBytes.',
    );

    let json = '';
    await main(['status', '--config', file, '--json'], {
      stdout: (t) => (json += t),
      stderr: () => undefined,
    });
    const shown = JSON.parse(json) as { spool: Record<string, unknown> };
    expect(shown.spool).toMatchObject({
      count: 1,
      rejected: { count: 1, latest: { reportId: 'r3' } },
      corrupt: { count: 1 },
      dropped: [{ reason: 'max-bytes', count: 2 }],
    });
  });

  it('does not count the gaps file once its gaps were told to the collector', async () => {
    const { file, spoolDir } = setup();
    mkdirSync(spoolDir, { recursive: true });
    writeFileSync(path.join(spoolDir, 'gaps.json'), '{"version":1,"gaps":[]}');
    const en = await status(file, 'en');
    expect(en).toContain('Reports waiting to be sent: 0 (oldest -)');
    expect(en).not.toContain('dropped');
  });
});
