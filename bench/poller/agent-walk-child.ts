// The agent's SNMP layer alone, the like-for-like match for the naive poller: every device
// read the way pollDevice reads it (GET the system group, then one readPlan for the rest),
// 16 devices at a time, every value kept until all are done. No checks, no report.
// Bundled by esbuild and run under plain node. Usage: node child.mjs poll|baseline manifest.json
import { readFileSync } from 'node:fs';
import PQueue from 'p-queue';
import { Secret } from '@xiaowang/shared';
import type { Varbind } from '@xiaowang/shared/varbind';
import { createSnmpClient } from '../../agent/src/snmp/create-client.ts';

interface Manifest {
  readonly devices: readonly {
    name: string;
    community: string;
    host: string;
    port: number;
    gets: string[];
    subtrees: string[];
  }[];
}

const SYSTEM_OIDS = 6;
const [mode, manifestFile] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestFile ?? '', 'utf8')) as Manifest;
const queue = new PQueue({ concurrency: 16 });

async function read(
  device: Manifest['devices'][number],
): Promise<{ name: string; kept: Varbind[]; error?: string }> {
  const client = createSnmpClient(
    { host: device.host, port: device.port },
    { version: '2c', community: new Secret(device.community) },
  );
  const kept: Varbind[] = [];
  try {
    const system = await client.get(device.gets.slice(0, SYSTEM_OIDS));
    for (const vb of system.varbinds) if (vb !== undefined) kept.push(vb);
    const got = await client.readPlan?.(device.gets.slice(SYSTEM_OIDS), device.subtrees);
    for (const vb of got?.scalars.values() ?? []) if (vb !== undefined) kept.push(vb);
    const errors: string[] = [];
    for (const walk of got?.walks.values() ?? []) {
      kept.push(...walk.varbinds);
      if (walk.error !== undefined) errors.push(walk.error.message);
    }
    return errors.length === 0
      ? { name: device.name, kept }
      : { name: device.name, kept, error: errors[0] };
  } finally {
    client.close();
  }
}

const results =
  mode === 'poll' ? await Promise.all(manifest.devices.map((d) => queue.add(() => read(d)))) : [];
process.stdout.write(
  JSON.stringify(results.map((r) => ({ name: r.name, values: r.kept.length, error: r.error }))),
);
