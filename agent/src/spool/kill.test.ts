import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSpool } from './spool.ts';
import { spawnScript } from './testing/child.ts';
import { tempFiles } from './testing/reports.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();
const ITERATIONS = 25;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kill -9 while appending', () => {
  it('keeps every announced report exactly once and in order', async () => {
    const dir = await tempDir();
    const announced: string[] = [];
    const delays: number[] = [];
    let tornWrites = 0;
    for (let round = 0; round < ITERATIONS; round += 1) {
      // Each child also recovers from the previous kill and takes over its stale lock.
      const child = spawnScript('append-until-killed.ts', [dir, `round-${round}`]);
      await child.waitForLine('ready');
      const delay = 5 + Math.floor(Math.random() * 196);
      delays.push(delay);
      await pause(delay);
      child.child.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal, child.stderr()).toBe('SIGKILL');
      announced.push(...child.lines.filter((line) => line !== 'ready'));
      // A temp file left behind shows the kill landed inside an append.
      if ((await tempFiles(dir)).length > 0) tornWrites += 1;
    }

    const spool = await openSpool({ dir, maxBytes: 2 ** 40, maxAgeDays: 3650 });
    const peeked = await spool.peek(1_000_000);
    const found = peeked.map((p) => p.reportId);
    const position = new Map(found.map((id, i) => [id, i]));
    const lost = announced.filter((id) => !position.has(id));
    const duplicated = found.length - position.size;
    const positions = announced.map((id) => position.get(id) ?? -1);
    const inOrder = positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? -1));
    // A kill after append resolved but before the id was printed leaves one unannounced report.
    const unannounced = found.length - new Set(announced).size;
    const corruptDir = join(dir, 'corrupt');
    const corrupt = (await readdir(corruptDir)).filter((n) => !n.endsWith('.reason.json'));
    const reasons = (await readdir(corruptDir)).filter((n) => n.endsWith('.reason.json'));
    console.info(
      `kill -9: ${ITERATIONS} kills after ${Math.min(...delays)}-${Math.max(...delays)} ms, ` +
        `${announced.length} announced, ${found.length} found, ${lost.length} lost, ` +
        `${duplicated} duplicated, ${unannounced} unannounced, ${corrupt.length} corrupt; ` +
        `${tornWrites} kills left a temp file`,
    );
    expect(announced.length).toBeGreaterThan(ITERATIONS);
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0);
    expect(inOrder).toBe(true);
    expect(unannounced).toBeGreaterThanOrEqual(0);
    expect(unannounced).toBeLessThanOrEqual(ITERATIONS);
    // Stronger than the ids: each round's reports are there as 0, 1, 2, … with no hole.
    const rounds = peeked.map((p) => `${String(p.report['tag'])}#${String(p.report['i'])}`);
    const expected = Array.from({ length: ITERATIONS }, (_, round) => {
      const count = peeked.filter((p) => p.report['tag'] === `round-${round}`).length;
      return Array.from({ length: count }, (_, i) => `round-${round}#${i}`);
    }).flat();
    expect(rounds).toEqual(expected);
    expect(reasons).toHaveLength(corrupt.length);
    for (const name of reasons) {
      expect(JSON.parse(await readFile(join(corruptDir, name), 'utf8'))).toHaveProperty('reason');
    }
    expect(spool.stats()).toMatchObject({ count: found.length, corrupt: corrupt.length });
    expect(await tempFiles(dir)).toEqual([]);
    await spool.close();
  }, 180_000);
});
