import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSnmpsim, startSnmpsim } from '../../../test/support/snmpsim.ts';
import type { Snmpsim } from '../../../test/support/snmpsim.ts';
import { V2cClient } from './v2c-client.ts';
import type { Varbind } from './varbind.ts';

/**
 * Our codec against Net-SNMP's: snmpsim serves a walk with every value type, and what our
 * client reads must be what snmpbulkwalk (Debian's snmp package) prints for it.
 */
const SNMPBULKWALK = '/usr/bin/snmpbulkwalk';
const enabled = hasSnmpsim && existsSync(SNMPBULKWALK);

const WALK = [
  '1.3.6.1.2.1.1.1.0|4|S5720-28X-SI-AC',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.2011.2.23.291',
  '1.3.6.1.2.1.1.3.0|67|4294967295',
  '1.3.6.1.2.1.1.5.0|4x|e59f8ee585b3e5b08fe5ada62d636f7265',
  '1.3.6.1.2.1.1.7.0|2|-2147483648',
  ...Array.from(
    { length: 90 },
    (_, i) => `1.3.6.1.2.1.2.2.1.2.${i + 1}|4|GigabitEthernet0/0/${i + 1}`,
  ),
  ...Array.from({ length: 90 }, (_, i) => `1.3.6.1.2.1.2.2.1.5.${i + 1}|66|${i * 47_000_000}`),
  '1.3.6.1.2.1.2.2.1.6.1|4|',
  '1.3.6.1.2.1.2.2.1.6.2|4x|506f77010002',
  '1.3.6.1.2.1.2.2.1.10.1|65|4294967295',
  '1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1',
  '1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615',
  '1.3.6.1.2.1.31.1.1.1.6.2|70|9007199254740993',
  '1.3.6.1.4.1.2011.6.139.13.3.3.1.4.80.111.160.0.0.255|4x|e59f8ee585b32d31462d313031',
];

interface Printed {
  readonly oid: string;
  readonly text: string;
}

/** snmpbulkwalk -On output, one entry per varbind (strings may span lines). */
async function snmpbulkwalk(sim: Snmpsim, root: string): Promise<Printed[]> {
  const { stdout } = await promisify(execFile)(SNMPBULKWALK, [
    '-v2c',
    '-c',
    'all-types',
    '-On',
    '-Cr25',
    `${sim.host}:${sim.port}`,
    root,
  ]);
  const out: { oid: string; text: string }[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^\.(\d[\d.]*) = (.*)$/.exec(line);
    const last = out.at(-1);
    if (m !== null) out.push({ oid: m[1] ?? '', text: m[2] ?? '' });
    else if (last !== undefined && line !== '') last.text += `\n${line}`;
  }
  // Hex-STRING wraps every 16 octets. It prints endOfMibView as a row ("No more variables left…"); that is not a value.
  return out
    .map((p) => ({ ...p, text: p.text.replace(/\s+$/, '') }))
    .map((p) => (p.text.startsWith('Hex-STRING') ? { ...p, text: p.text.replace(/\s+/g, ' ') } : p))
    .filter((p) => !p.text.startsWith('No more variables'));
}

const hexOf = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** Our varbind as Net-SNMP prints it (no MIBs loaded). */
function printed(vb: Varbind): string {
  switch (vb.type) {
    case 'OctetString': {
      if (vb.value.length === 0) return '""';
      const printable = vb.value.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x0d || b === 0x0a);
      return printable
        ? `STRING: "${Buffer.from(vb.value).toString('latin1')}"`
        : `Hex-STRING: ${hexOf(vb.value)}`;
    }
    case 'Integer':
      return `INTEGER: ${vb.value}`;
    case 'ObjectIdentifier':
      return `OID: .${vb.value}`;
    case 'TimeTicks':
      return `Timeticks: (${vb.value})`;
    case 'IpAddress':
      return `IpAddress: ${vb.value}`;
    case 'Counter32':
    case 'Gauge32':
    case 'Counter64':
      return `${vb.type}: ${String(vb.value)}`;
    default:
      return `${vb.type}: ${String(vb.value)}`;
  }
}

describe.skipIf(!enabled)('V2cClient against Net-SNMP snmpbulkwalk, served by snmpsim', () => {
  let sim: Snmpsim;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'xw-v2c-'));
    // snmpsimd drops to nobody when started as root: let it read the walk.
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'all-types.snmprec'), `${WALK.join('\n')}\n`, { mode: 0o644 });
    sim = await startSnmpsim({
      dataDirs: [dir],
      probeCommunity: 'all-types',
      extraArgs: ['--v2c-arch'],
    });
  });
  afterAll(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every OID and value snmpbulkwalk prints, walking from the top', async () => {
    const client = new V2cClient({ host: sim.host, port: sim.port }, 'all-types', {
      timeoutMs: 2000,
    });
    const ours = await client.walk('1.3');
    const theirs = await snmpbulkwalk(sim, '1.3');
    expect(theirs).toHaveLength(WALK.length);
    expect(ours.error).toBeUndefined();
    // Net-SNMP adds the human form of Timeticks after the raw count; compare the count.
    const strip = (p: Printed) => ({
      oid: p.oid,
      text: p.text.replace(/^(Timeticks: \(\d+\)).*$/s, '$1'),
    });
    expect(ours.varbinds.map((vb) => ({ oid: vb.oid, text: printed(vb) }))).toEqual(
      theirs.map(strip),
    );
  });

  it('reads a plan of subtrees and scalars like one snmpbulkwalk per subtree', async () => {
    const client = new V2cClient({ host: sim.host, port: sim.port }, 'all-types', {
      timeoutMs: 2000,
    });
    const roots = [
      '1.3.6.1.2.1.2.2.1.2',
      '1.3.6.1.2.1.2.2.1.5',
      '1.3.6.1.2.1.31.1.1.1',
      '1.3.6.1.2.1.47',
    ];
    const plan = await client.readPlan(['1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.4.25.0'], roots);
    for (const root of roots) {
      const theirs = (await snmpbulkwalk(sim, root)).filter((p) => !p.text.startsWith('No Such'));
      expect(plan.walks.get(root)?.varbinds.map((vb) => vb.oid)).toEqual(theirs.map((p) => p.oid));
    }
    expect(plan.scalars.get('1.3.6.1.2.1.1.3.0')?.value).toBe(4294967295);
    expect(plan.scalars.get('1.3.6.1.2.1.4.25.0')).toBeUndefined();
    expect(client.stats.varbinds).toBe(90 + 90 + 2 + 1);
    expect(client.stats.requests).toBeLessThanOrEqual(6);
  });
});
