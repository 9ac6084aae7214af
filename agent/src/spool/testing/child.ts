import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Where `node --import tsx` resolves tsx from, as agent/bin/xiaowang-agent.mjs does. */
const AGENT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

export function scriptPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

export interface RunningChild {
  readonly child: ChildProcess;
  /** Complete stdout lines so far; a line cut by a kill is not included. */
  readonly lines: string[];
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly waitForLine: (line: string, timeoutMs?: number) => Promise<void>;
}

/** Runs a TypeScript script in a fresh node process through tsx. */
export function spawnScript(script: string, args: readonly string[], shell?: string): RunningChild {
  const nodeArgs = ['--import', 'tsx', scriptPath(script), ...args];
  const child =
    shell === undefined
      ? spawn(process.execPath, nodeArgs, { cwd: AGENT_DIR, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('/bin/sh', ['-c', `${shell}; exec "$@"`, 'sh', process.execPath, ...nodeArgs], {
          cwd: AGENT_DIR,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.line === line)) waiter.resolve();
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const waitForLine = (line: string, timeoutMs = 15_000): Promise<void> =>
    new Promise((resolve, reject) => {
      if (lines.includes(line)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`child did not print ${line}: ${err}`)),
        timeoutMs,
      );
      waiters.push({ line, resolve: () => (clearTimeout(timer), resolve()) });
      void exited.then(() => reject(new Error(`child exited before ${line}: ${err}`)));
    });
  return { child, lines, stderr: () => err, exited, waitForLine };
}
