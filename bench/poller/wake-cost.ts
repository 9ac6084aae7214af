// What one sleep and wake-up of a node process costs on this machine, in CPU time.
//
// The agent is woken by each of a county cycle's ~15,000 replies. Against snmpsim they come
// ~2.5 ms apart and the agent sleeps in between; against a prompt responder they queue up
// and the agent barely sleeps. Poller round 19 (BENCHMARKS.md) found the agent's CPU for
// the same cycle rising by half with that pacing alone, the cores otherwise idle. This
// script measures the cause on its own: a fixed piece of JavaScript, run back to back and
// then with a timer sleep of a few milliseconds after each run, the process's CPU time
// (user + system) per run compared. On a machine where a wake-up is cheap the two are close.
// Usage: npx tsx bench/poller/wake-cost.ts [--runs 2000]
import { parseArgs } from 'node:util';
import { wholeNumberOption } from './options.ts';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '2000' } } });
const runs = wholeNumberOption('runs', opts.runs, 100);

interface Row {
  readonly i: number;
  readonly s: string;
}

/** A few µs of allocation and property reads, the kind of work a reply's handling is. */
function work(): number {
  const rows: Row[] = [];
  for (let i = 0; i < 200; i++) rows.push({ i, s: `x${i}` });
  let h = 0;
  for (let k = 0; k < 4; k++) for (const r of rows) h = (h * 31 + r.i + r.s.length) | 0;
  return h;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let sink = 0;
/** CPU µs per run (ten calls of `work`), with a sleep of `gapMs` after each run (0: none). */
async function cpuPerRun(gapMs: number): Promise<number> {
  const before = process.cpuUsage();
  for (let n = 0; n < runs; n++) {
    for (let j = 0; j < 10; j++) sink ^= work();
    if (gapMs > 0) await sleep(gapMs);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / runs;
}

for (let n = 0; n < 20_000; n++) sink ^= work(); // optimised before anything is timed
const rows: string[] = [];
// Alternated twice, since one pass of each moves with whatever else the machine runs.
for (const round of [1, 2]) {
  const base = await cpuPerRun(0);
  for (const gap of [1, 3, 10]) {
    const slept = await cpuPerRun(gap);
    rows.push(
      `| ${round} | ${gap} | ${base.toFixed(0)} | ${slept.toFixed(0)} | ${(slept - base).toFixed(0)} |`,
    );
  }
}
console.log(`${runs} runs a row, ten calls each; CPU µs per run (user + system)`);
console.log(
  '| round | sleep after each run, ms | back to back | with the sleep | cost of one wake-up |',
);
console.log(
  '| ----- | ------------------------ | ------------ | -------------- | ------------------- |',
);
for (const row of rows) console.log(row);
// Reads the checksum, so that no engine may drop the calls to `work` as unused.
if (sink === 0x7fffffff) console.log('(checksum hit)');
