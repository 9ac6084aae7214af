// `npm run bench`: the quick version of every benchmark, one after the other, each in its
// own process so one's memory and JIT state do not colour the next. Add a step here when a
// new bench/ script lands. The full runs and their figures are in BENCHMARKS.md.
import { spawn } from 'node:child_process';

const STEPS: readonly { readonly name: string; readonly args: readonly string[] }[] = [
  { name: 'poller (60 devices)', args: ['bench/poller.ts', '--quick'] },
  {
    name: 'ingest (1,000 reports)',
    args: ['bench/ingest.ts', '--reports', '1000', '--warmup', '200'],
  },
  {
    name: 'compliance (3,000 schools)',
    args: ['bench/compliance-recompute.ts', '--schools', '3000'],
  },
  {
    name: 'county page (100 schools)',
    args: ['bench/county-page.ts', '--schools', '100', '--duration', '5'],
  },
];

function run(args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const started = Date.now();
const failed: string[] = [];
for (const step of STEPS) {
  const t0 = Date.now();
  console.log(`\n=== ${step.name}: tsx ${step.args.join(' ')}`);
  const code = await run(step.args);
  console.log(
    `=== ${step.name}: ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  if (code !== 0) failed.push(step.name);
}
console.log(
  `\nall benchmarks: ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exitCode = failed.length > 0 ? 1 : 0;
