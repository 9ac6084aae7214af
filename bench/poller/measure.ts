// Runs a poller as a child process under GNU time, so its CPU time and peak RSS are the
// kernel's figures for that process (getrusage of the child), never the bench's own.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ChildCost {
  readonly wallS: number;
  readonly cpuS: number;
  readonly userS: number;
  readonly sysS: number;
  /** Largest resident set of the child or of any one of its descendants (ru_maxrss). */
  readonly maxRssMb: number;
  /** For process trees: the largest sum of RSS over the tree, sampled every 50 ms. */
  readonly treeRssMb?: number;
  /**
   * Times the child (with its descendants) gave up the CPU to wait: voluntary context
   * switches. Each is a sleep and a wake-up, which on this VM costs ~100 µs of CPU
   * (bench/poller/wake-cost.ts, BENCHMARKS.md poller round 19).
   */
  readonly sleeps: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Sample the RSS of the whole process tree (for a driver that forks many processes). */
  readonly sampleTree?: boolean;
  /** Called once the child is running; resolve to stop it with SIGTERM (servers). */
  readonly whileRunning?: (pid: number) => Promise<void>;
  /** Stop the child with SIGTERM once its output matches (a daemon's "cycle done" log). */
  readonly untilStdout?: RegExp;
}

const running = new Set<ChildProcess>();

/** Sends `name` to `pid`, which may already be gone. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Stops every measured child still running, with its process tree (for an interrupted bench). */
export function killRunning(): void {
  for (const child of running) {
    const tree = child.pid === undefined ? [] : descendants(child.pid);
    for (const pid of tree.reverse()) signal(pid, 'SIGKILL');
    child.kill('SIGKILL');
  }
}

/**
 * Cleans up once, whichever comes first: SIGINT or SIGTERM (after stopping every measured
 * child; then exits 130), or the bench's own `finally` calling the returned function. A
 * bench left behind would keep its responders and its temporary walks.
 */
export function cleanUpOnSignal(cleanUp: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  const once = (): Promise<void> => (done ??= cleanUp());
  const interrupted = (): void => {
    killRunning();
    void once().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return once;
}

function descendants(root: number): number[] {
  const kids = childrenOf();
  const out: number[] = [];
  const stack = [...(kids.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0;
    out.push(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return out;
}

/**
 * The fields of /proc/<pid>/stat after the command name (state first), which may itself
 * hold spaces and parentheses. Throws when the process is gone.
 */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function childrenOf(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(statFields(name)[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // exited while we looked
    }
  }
  return map;
}

const CLOCK_TICKS = 100;

/** User + system CPU seconds of a live process so far, from the kernel's accounting. */
export function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Whether `pid` is a live process: not gone, and not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    return statFields(pid)[0] !== 'Z';
  } catch {
    return false;
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]);
  } catch {
    return 0;
  }
}

function treeRssKb(root: number): number {
  const kids = childrenOf();
  let total = 0;
  const stack = [...(kids.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0;
    total += rssKb(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

/** Direct child of GNU time: the measured process. */
async function measuredPid(timePid: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const kids = childrenOf().get(timePid);
    if (kids !== undefined && kids.length > 0) return kids[0] ?? 0;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('measured process did not start');
}

function exitCodeOf(child: {
  exitCode: number | null;
  signalCode: string | null;
}): number | string | null {
  return child.exitCode ?? child.signalCode;
}

export async function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<ChildCost> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xw-time-'));
  const timeFile = path.join(dir, 'time');
  const started = process.hrtime.bigint();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M %w', '-o', timeFile, command, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  let treePeak = 0;
  let sampler: NodeJS.Timeout | undefined;
  if (options.sampleTree === true && child.pid !== undefined) {
    const root = child.pid;
    sampler = setInterval(() => {
      treePeak = Math.max(treePeak, treeRssKb(root));
    }, 50);
  }
  if (options.whileRunning !== undefined && child.pid !== undefined) {
    const pid = await measuredPid(child.pid);
    try {
      await options.whileRunning(pid);
    } finally {
      process.kill(pid, 'SIGTERM');
    }
  }
  const until = options.untilStdout;
  if (until !== undefined && child.pid !== undefined) {
    const pid = await measuredPid(child.pid);
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (!until.test(stdout)) return;
        child.stdout.off('data', check);
        resolve();
      };
      child.stdout.on('data', check);
      void exited.then(() => resolve());
    });
    if (exitCodeOf(child) === null) process.kill(pid, 'SIGTERM');
  }
  const exitCode = await exited;
  if (sampler !== undefined) clearInterval(sampler);
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
  const [user, sys, maxRss, waits] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
  rmSync(dir, { recursive: true, force: true });
  return {
    wallS,
    userS: user ?? 0,
    sysS: sys ?? 0,
    cpuS: (user ?? 0) + (sys ?? 0),
    maxRssMb: (maxRss ?? 0) / 1024,
    sleeps: waits ?? 0,
    ...(options.sampleTree === true ? { treeRssMb: treePeak / 1024 } : {}),
    stdout,
    stderr,
    exitCode,
  };
}
