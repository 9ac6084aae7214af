// Net-SNMP's command-line tools as a technician would script them: per device, one snmpget
// for the scalars and one snmpbulkwalk per subtree, output saved to a file; devices run in
// parallel by xargs. Counts the values printed (not "No Such Object/Instance" lines).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DevicePlan } from './plan.ts';

export interface BulkwalkJob {
  /** `xargs -P <parallel> -n 1 sh` over this file runs every device once. */
  readonly listFile: string;
  readonly outputOf: (name: string) => string;
}

export function writeBulkwalkScripts(
  dir: string,
  plans: readonly DevicePlan[],
  maxRepetitions: number,
  timeoutMs: number,
): BulkwalkJob {
  const outputOf = (name: string) => path.join(dir, `${name}.txt`);
  const scripts = plans.map((plan) => {
    const target = `${plan.host}:${plan.port}`;
    const common = `-v2c -c ${plan.community} -t ${timeoutMs / 1000} -r 1 -On`;
    const lines = [
      `exec > ${outputOf(plan.name)}`,
      `snmpget ${common} ${target} ${plan.gets.join(' ')}`,
      ...plan.subtrees.map((oid) => `snmpbulkwalk ${common} -Cr${maxRepetitions} ${target} ${oid}`),
    ];
    const file = path.join(dir, `${plan.name}.sh`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  });
  const listFile = path.join(dir, 'devices.txt');
  writeFileSync(listFile, `${scripts.join('\n')}\n`);
  return { listFile, outputOf };
}

/** Values in one device's output: lines `.<oid> = <value>`, minus the not-found answers. */
export function countValues(file: string): number {
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!/^\.\d[\d.]* = /.test(line)) continue;
    if (line.includes('= No Such ') || line.includes('= No more variables')) continue;
    n++;
  }
  return n;
}
