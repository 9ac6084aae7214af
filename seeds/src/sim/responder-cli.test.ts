/**
 * End-to-end over real UDP on 127.0.0.1 against the Debian Net-SNMP command-line tools, so
 * the simulator is checked by a client we did not write.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Varbind } from '@xiaowang/shared/varbind';
import { makeCounterProvider } from './providers.ts';
import { startSnmpResponder } from './responder.ts';
import type { SnmpResponder } from './responder.ts';
import type { SimDevice } from './device.ts';
import { makeSyntheticWalk } from './test-support.ts';

const BIN = '/usr/bin';
const HAS_CLI = existsSync(`${BIN}/snmpbulkwalk`) && existsSync(`${BIN}/snmpget`);
if (!HAS_CLI) {
  console.warn('SKIPPED: Net-SNMP CLI tests need /usr/bin/snmpbulkwalk (apt-get install snmp)');
}

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(tool: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(`${BIN}/${tool}`, args, { timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const hexOf = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** Net-SNMP's uptime text: `497 days, 2:27:52.95`. */
function formatTicks(ticks: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const seconds = Math.floor(ticks / 100);
  const days = Math.floor(seconds / 86400);
  const clock = `${Math.floor((seconds % 86400) / 3600)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}.${two(ticks % 100)}`;
  return days === 0 ? clock : `${days} day${days === 1 ? '' : 's'}, ${clock}`;
}

/** What `-On -Ox` prints after " = " for a value, whitespace collapsed. */
function netSnmpText(vb: Varbind): string {
  switch (vb.type) {
    case 'Integer':
      return `INTEGER: ${vb.value}`;
    case 'OctetString':
      return vb.value.length === 0 ? '""' : `Hex-STRING: ${hexOf(vb.value)}`;
    case 'Opaque':
      return `OPAQUE: ${hexOf(vb.value)}`.trim();
    case 'Null':
      return 'NULL';
    case 'ObjectIdentifier':
      return `OID: .${vb.value}`;
    case 'IpAddress':
      return `IpAddress: ${vb.value}`;
    case 'Counter32':
      return `Counter32: ${vb.value}`;
    case 'Gauge32':
      return `Gauge32: ${vb.value}`;
    case 'TimeTicks':
      return `Timeticks: (${vb.value}) ${formatTicks(vb.value)}`;
    case 'Counter64':
      return `Counter64: ${vb.value.toString()}`;
  }
}

/** Joins Net-SNMP's wrapped hex lines back into one `OID = value` record each. */
function parseRecords(stdout: string): string[] {
  const records: string[] = [];
  for (const line of stdout.split('\n')) {
    if (/^\.[\d.]+ = /.test(line)) records.push(line);
    else if (line.trim() !== '' && records.length > 0) {
      records[records.length - 1] += ` ${line}`;
    }
  }
  return records.map((record) => record.replace(/\s+/g, ' ').trim());
}

/** An independent numeric OID order, so the check does not reuse the store's own comparison. */
function compareDotted(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return x.length - y.length;
}

const recordOf = (vb: Varbind): string => `.${vb.oid} = ${netSnmpText(vb)}`;
const END_OF_MIB = /No more variables left in this MIB View/;

describe.skipIf(!HAS_CLI)('Net-SNMP CLI against startSnmpResponder (127.0.0.1 only)', () => {
  const walk = makeSyntheticWalk();
  let responder: SnmpResponder;
  let device: SimDevice;
  let now = 1_000_000;
  let target = '';
  const common = (community = 'school'): string[] => [
    '-v2c',
    '-c',
    community,
    '-On',
    '-Ox',
    '-t',
    '1',
    '-r',
    '0',
  ];

  beforeAll(async () => {
    responder = await startSnmpResponder({ devices: { school: walk }, clock: () => now });
    const served = responder.device('school');
    if (served === undefined) throw new Error('device school missing');
    device = served;
    target = `127.0.0.1:${responder.port}`;
  });
  afterAll(async () => {
    await responder.close();
  });
  beforeEach(() => {
    device.setFaults({});
  });

  it('bulk-walks exactly the served OIDs and values, in order', async () => {
    expect(walk.length).toBeGreaterThan(2000);
    const expected = [...walk].sort((a, b) => compareDotted(a.oid, b.oid));
    for (const reps of ['-Cr25', '-Cr100']) {
      const result = await runCli('snmpbulkwalk', [...common(), reps, target, '.1']);
      expect(result.stderr).not.toMatch(/Error|Timeout/);
      expect(result.code).toBe(0);
      const records = parseRecords(result.stdout);
      expect(records.pop()).toMatch(END_OF_MIB);
      expect(records).toEqual(expected.map(recordOf));
    }
  });

  it('walks a subtree with GETNEXT (snmpwalk) to the same values', async () => {
    const result = await runCli('snmpwalk', [...common(), target, '1.3.6.1.2.1.1']);
    expect(result.code).toBe(0);
    const system = walk.filter((vb) => vb.oid.startsWith('1.3.6.1.2.1.1.'));
    expect(parseRecords(result.stdout)).toEqual(system.map(recordOf));
  });

  it('answers GET of absent OIDs with noSuchInstance / noSuchObject, and v1 Counter64 with noSuchName', async () => {
    const result = await runCli('snmpget', [
      ...common(),
      target,
      '1.3.6.1.2.1.1.5.0',
      '1.3.6.1.2.1.1.5.1',
      '1.3.6.1.2.1.1.99.0',
    ]);
    expect(parseRecords(result.stdout)).toEqual([
      `.1.3.6.1.2.1.1.5.0 = Hex-STRING: BD BB BB BB BB FA`,
      '.1.3.6.1.2.1.1.5.1 = No Such Instance currently exists at this OID',
      '.1.3.6.1.2.1.1.99.0 = No Such Object available on this agent at this OID',
    ]);
    const v1 = await runCli('snmpget', [
      '-v1',
      '-c',
      'school',
      '-On',
      '-t',
      '1',
      '-r',
      '0',
      target,
      '1.3.6.1.2.1.31.1.1.1.6.1',
    ]);
    expect(v1.stderr).toMatch(/noSuchName/);
  });

  it('never answers an unknown community', async () => {
    const before = responder.stats.unknownCommunity;
    const result = await runCli('snmpget', [...common('public'), target, '1.3.6.1.2.1.1.5.0']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Timeout: No Response/);
    expect(responder.stats.unknownCommunity).toBe(before + 1);
  });

  it('loopAt: snmpbulkwalk reports "OID not increasing"', async () => {
    device.setFaults({ loopAt: '1.3.6.1.2.1.2.2.1.5.7' });
    const result = await runCli('snmpbulkwalk', [...common(), '-Cr10', target, '1.3.6.1.2.1.2']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/OID not increasing: \.1\.3\.6\.1\.2\.1\.2\.2\.1\.5\.7/);
  });

  it('silentAfterRequests: the walk times out half-way', async () => {
    device.setFaults({ silentAfterRequests: 3 });
    const result = await runCli('snmpbulkwalk', [...common(), '-Cr10', target, '1.3.6.1.2.1.2']);
    expect(result.stderr).toMatch(/Timeout: No Response/);
    expect(parseRecords(result.stdout)).toHaveLength(30);
    expect(device.stats.dropped).toBeGreaterThanOrEqual(1);
  });

  it('tooBigOverVarbinds: the client sees tooBig', async () => {
    device.setFaults({ tooBigOverVarbinds: 5 });
    const result = await runCli('snmpbulkwalk', [...common(), '-Cr10', target, '1.3.6.1.2.1.2']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/tooBig/);
    const small = await runCli('snmpbulkwalk', [...common(), '-Cr5', target, '1.3.6.1.2.1.1']);
    expect(small.code).toBe(0);
  });

  it('maxResponseBytes: big bulk requests time out, small ones work (like snmpsim)', async () => {
    device.setFaults({ maxResponseBytes: 600 });
    const big = await runCli('snmpbulkwalk', [...common(), '-Cr50', target, '1.3.6.1.2.1.2']);
    expect(big.stderr).toMatch(/Timeout: No Response/);
    const small = await runCli('snmpbulkwalk', [...common(), '-Cr5', target, '1.3.6.1.2.1.1']);
    expect(small.code).toBe(0);
    expect(parseRecords(small.stdout)).toHaveLength(7);
  });

  it.each([
    ['delayMs beyond the timeout', { delayMs: 1500 }],
    ['garbageReply', { garbageReply: true }],
    ['wrongRequestId', { wrongRequestId: true }],
  ] as const)('%s: no usable answer', async (_name, faults) => {
    device.setFaults(faults);
    const before = device.stats.requests;
    const result = await runCli('snmpget', [...common(), target, '1.3.6.1.2.1.1.5.0']);
    expect(result.code).not.toBe(0);
    expect(parseRecords(result.stdout)).toEqual([]);
    expect(device.stats.requests).toBe(before + 1);
  });

  it('delayMs under the timeout still answers', async () => {
    device.setFaults({ delayMs: 200 });
    const result = await runCli('snmpget', [...common(), target, '1.3.6.1.2.1.1.5.0']);
    expect(result.code).toBe(0);
  });

  it('dropEveryNth: fails without retries, completes with one retry', async () => {
    const ifDescr = '1.3.6.1.2.1.2.2.1.2';
    device.setFaults({ dropEveryNth: 2 });
    const noRetry = await runCli('snmpbulkwalk', [...common(), '-Cr40', target, ifDescr]);
    expect(noRetry.stderr).toMatch(/Timeout: No Response/);
    device.setFaults({ dropEveryNth: 2 });
    const args = common().map((arg, i, all) => (all[i - 1] === '-r' ? '1' : arg));
    const retried = await runCli('snmpbulkwalk', [...args, '-Cr40', target, ifDescr]);
    expect(retried.code).toBe(0);
    const rows = walk.filter((vb) => vb.oid.startsWith(`${ifDescr}.`));
    expect(parseRecords(retried.stdout)).toEqual(rows.map(recordOf));
    expect(device.stats.dropped).toBeGreaterThanOrEqual(3);
  });

  it('moves a provider-backed counter with the clock', async () => {
    const oid = '1.3.6.1.2.1.31.1.1.1.10.1';
    device.set(
      oid,
      makeCounterProvider({
        type: 'Counter64',
        startedAtMs: now,
        perSecond: 1000,
        initial: 2n ** 64n - 1n,
      }),
    );
    const read = async (): Promise<string[]> =>
      parseRecords((await runCli('snmpget', [...common(), target, oid])).stdout);
    expect(await read()).toEqual([`.${oid} = Counter64: 18446744073709551615`]);
    now += 5000;
    expect(await read()).toEqual([`.${oid} = Counter64: 4999`]);
    device.delete(oid);
  });
});
