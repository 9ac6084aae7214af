// eslint-disable-next-line no-restricted-imports -- net-snmp's own agent is the reference here
import snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '@xiaowang/shared';
import { freeUdpPort } from '../../../test/support/free-port.ts';
import { NetSnmpClient } from './net-snmp-client.ts';
import { V2cClient } from './v2c-client.ts';

/**
 * Our codec against net-snmp's: net-snmp's agent serves scalars of every type and a table,
 * and our client must read exactly what net-snmp's own client reads from it.
 */
const T = snmp.ObjectType;
const SCALARS = [
  { name: 'descr', oid: '1.3.6.1.2.1.1.1', type: T.OctetString, value: '县教育局 core\r\nVRP' },
  { name: 'objectId', oid: '1.3.6.1.2.1.1.2', type: T.OID, value: '1.3.6.1.4.1.2011.2.23.291' },
  { name: 'upTime', oid: '1.3.6.1.2.1.1.3', type: T.TimeTicks, value: 4294967295 },
  { name: 'services', oid: '1.3.6.1.2.1.1.7', type: T.Integer, value: -2147483648 },
  { name: 'forwarding', oid: '1.3.6.1.2.1.4.1', type: T.Integer, value: 2 },
  { name: 'addr', oid: '1.3.6.1.2.1.4.99', type: T.IpAddress, value: '10.20.30.40' },
  { name: 'gauge', oid: '1.3.6.1.2.1.4.100', type: T.Gauge, value: 4000000000 },
  { name: 'counter', oid: '1.3.6.1.2.1.4.101', type: T.Counter, value: 123456789 },
  {
    name: 'hc',
    oid: '1.3.6.1.2.1.4.102',
    type: T.Counter64,
    value: Buffer.from('fedcba9876543210', 'hex'),
  },
];
const ROWS = 70;

/** The part of net-snmp's agent API used here; @types/net-snmp does not declare it. */
interface Mib {
  registerProvider(provider: object): void;
  setScalarValue(name: string, value: unknown): void;
  addTableRow(name: string, row: unknown[]): void;
}
interface Agent {
  getAuthorizer(): { addCommunity(community: string): void };
  getMib(): Mib;
  close(): void;
}
const agentApi = snmp as unknown as {
  createAgent(options: object, callback: () => void): Agent;
};

let agent: Agent;
let port: number;

beforeAll(async () => {
  port = await freeUdpPort();
  agent = agentApi.createAgent(
    { port, address: '127.0.0.1', disableAuthorization: true },
    () => undefined,
  );
  agent.getAuthorizer().addCommunity('public');
  const mib = agent.getMib();
  for (const s of SCALARS) {
    mib.registerProvider({
      name: s.name,
      type: snmp.MibProviderType.Scalar,
      oid: s.oid,
      scalarType: s.type,
      maxAccess: snmp.MaxAccess['read-only'],
    });
    mib.setScalarValue(s.name, s.value);
  }
  mib.registerProvider({
    name: 'ifx',
    type: snmp.MibProviderType.Table,
    oid: '1.3.6.1.2.1.31.1.1.1',
    maxAccess: snmp.MaxAccess['not-accessible'],
    tableColumns: [
      { number: 1, name: 'ifName', type: T.OctetString, maxAccess: snmp.MaxAccess['read-only'] },
      {
        number: 6,
        name: 'ifHCInOctets',
        type: T.Counter64,
        maxAccess: snmp.MaxAccess['read-only'],
      },
      { number: 15, name: 'ifHighSpeed', type: T.Gauge, maxAccess: snmp.MaxAccess['read-only'] },
      { number: 99, name: 'ifIndexCopy', type: T.Integer, maxAccess: snmp.MaxAccess['read-only'] },
    ],
    tableIndex: [{ columnName: 'ifIndexCopy' }],
  });
  for (let i = 1; i <= ROWS; i++) {
    const hc = Buffer.alloc(8);
    hc.writeBigUInt64BE(2n ** 63n + BigInt(i) * 1_000_000_007n);
    mib.addTableRow('ifx', [`GigabitEthernet0/0/${i}`, hc, i * 1000, i]);
  }
  await untilAnswering(port);
});

afterAll(() => {
  agent.close();
});

/**
 * Asks until the agent answers: net-snmp's agent binds its socket a DNS lookup after
 * createAgent returns, and our client's first request can leave before that.
 */
async function untilAnswering(agentPort: number): Promise<void> {
  const probe = new V2cClient({ host: '127.0.0.1', port: agentPort }, 'public', {
    timeoutMs: 100,
    retries: 0,
  });
  for (let tries = 0; tries < 30; tries++) {
    if ((await probe.get(['1.3.6.1.2.1.1.1.0'])).error === undefined) return;
  }
  throw new Error(`net-snmp's agent on port ${agentPort} never answered`);
}

function clients(): [V2cClient, NetSnmpClient] {
  const target = { host: '127.0.0.1', port };
  return [
    new V2cClient(target, 'public', { timeoutMs: 1000, retries: 0 }),
    new NetSnmpClient(
      target,
      { version: '2c', community: new Secret('public') },
      { timeoutMs: 1000, retries: 0 },
    ),
  ];
}

describe('V2cClient against net-snmp', () => {
  it('GETs every type as net-snmp decodes it, absent OIDs as undefined', async () => {
    const [ours, theirs] = clients();
    const oids = [...SCALARS.map((s) => `${s.oid}.0`), '1.3.6.1.2.1.1.9.0'];
    const [a, b] = [await ours.get(oids), await theirs.get(oids)];
    expect(a.error).toBeUndefined();
    expect(a.varbinds).toEqual(b.varbinds);
    expect(a.varbinds.at(-1)).toBeUndefined();
    expect(a.varbinds[8]?.value).toBe(0xfedcba9876543210n);
    expect(ours.stats.varbinds).toBe(SCALARS.length);
  });

  it('walks a table and reads a whole plan with the same values as net-snmp walks', async () => {
    const [ours, theirs] = clients();
    const root = '1.3.6.1.2.1.31.1.1.1';
    const [a, b] = [await ours.walk(root), await theirs.walk(root)];
    expect(a.varbinds).toHaveLength(4 * ROWS);
    expect(a).toEqual(b);
    const plan = await ours.readPlan(
      ['1.3.6.1.2.1.4.1.0', '1.3.6.1.2.1.4.25.0'],
      [root, '1.3.6.1.2.1.1', '1.3.6.1.2.1.47'],
    );
    expect(plan.walks.get(root)?.varbinds).toEqual(b.varbinds);
    expect(plan.walks.get(root)?.error).toEqual(b.error);
    expect(plan.walks.get('1.3.6.1.2.1.1')?.varbinds.map((v) => v.oid)).toEqual(
      ['1', '2', '3', '7'].map((n) => `1.3.6.1.2.1.1.${n}.0`),
    );
    expect(plan.walks.get('1.3.6.1.2.1.47')?.varbinds).toEqual([]);
    expect(plan.scalars.get('1.3.6.1.2.1.4.1.0')?.value).toBe(2);
    expect(plan.scalars.get('1.3.6.1.2.1.4.25.0')).toBeUndefined();
  });
});
