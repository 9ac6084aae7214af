import { describe, expect, it } from 'vitest';
import type { Varbind } from '@xiaowang/shared/varbind';
import { decodeMessage, encodeMessageWith } from './ber.ts';
import type { PduVarbind, SnmpMessage, SnmpPdu } from './ber.ts';
import { MibStore } from './mib-store.ts';
import { answerRequest } from './pdu-handler.ts';
import type { AnswerOptions } from './pdu-handler.ts';
import { parseOidText } from './oid-text.ts';
import { buildRequest } from './test-support.ts';
import type { RequestSpec } from './test-support.ts';

const int = (oid: string, value: number): Varbind => ({ oid, type: 'Integer', value });
const SYS = '1.3.6.1.2.1.1';
const HC = '1.3.6.1.2.1.31.1.1.1.6';

function makeStore(): MibStore {
  return new MibStore([
    int(`${SYS}.1.0`, 1),
    int(`${SYS}.5.0`, 5),
    { oid: `${HC}.1`, type: 'Counter64', value: 2n ** 64n - 1n },
    { oid: `${HC}.2`, type: 'Counter64', value: 7n },
    int('1.3.6.1.2.1.47.1.1.1.1.6.1', -1),
  ]);
}

function decodeRequest(spec: RequestSpec): SnmpMessage {
  const result = decodeMessage(buildRequest(spec));
  if (!result.ok) throw result.error;
  return result.message;
}

/** Runs a request through answerRequest and decodes what would go on the wire. */
function run(
  store: MibStore,
  spec: RequestSpec,
  options: Partial<AnswerOptions> = {},
): SnmpPdu | string {
  const answer = answerRequest(store, decodeRequest(spec), { now: 0, maxVarbinds: 64, ...options });
  if (answer.kind === 'ignore') return answer.reason;
  const result = decodeMessage(encodeMessageWith(answer.head, answer.varbinds));
  if (!result.ok) throw result.error;
  return result.message.pdu;
}

function varbindsOf(pdu: SnmpPdu | string): PduVarbind[] {
  if (typeof pdu === 'string') throw new Error(`ignored: ${pdu}`);
  expect(pdu.errorStatus).toBe(0);
  return [...pdu.varbinds];
}

const shape = (vbs: PduVarbind[]): string[] => vbs.map((vb) => `${vb.oid} ${vb.type}`);

describe('answerRequest', () => {
  it('answers GET with values, noSuchInstance and noSuchObject', () => {
    const vbs = varbindsOf(
      run(makeStore(), { oids: [`${SYS}.5.0`, `${SYS}.5.1`, `${SYS}.6.0`, '1.3.6.1.9.9'] }),
    );
    expect(shape(vbs)).toEqual([
      `${SYS}.5.0 Integer`,
      `${SYS}.5.1 noSuchInstance`,
      `${SYS}.6.0 noSuchObject`,
      '1.3.6.1.9.9 noSuchObject',
    ]);
  });

  it('keeps the request-id and community of the request', () => {
    const pdu = run(makeStore(), { requestId: -5, oids: [`${SYS}.1.0`] });
    expect(typeof pdu !== 'string' && pdu.requestId).toBe(-5);
  });

  it('answers SNMPv1 GET of a Counter64 or an absent OID with noSuchName at that index', () => {
    for (const oid of [`${HC}.1`, `${SYS}.9.0`]) {
      const pdu = run(makeStore(), { version: 0, oids: [`${SYS}.1.0`, oid] });
      expect(pdu).toMatchObject({ errorStatus: 2, errorIndex: 2 });
      expect(typeof pdu !== 'string' && shape([...pdu.varbinds])).toEqual([
        `${SYS}.1.0 Null`,
        `${oid} Null`,
      ]);
    }
  });

  it('skips Counter64 for SNMPv1 GETNEXT and ends with noSuchName', () => {
    const store = makeStore();
    expect(
      shape(varbindsOf(run(store, { version: 0, type: 'GetNextRequest', oids: [`${SYS}.5.0`] }))),
    ).toEqual(['1.3.6.1.2.1.47.1.1.1.1.6.1 Integer']);
    const end = run(store, {
      version: 0,
      type: 'GetNextRequest',
      oids: ['1.3.6.1.2.1.47.1.1.1.1.6.1'],
    });
    expect(end).toMatchObject({ errorStatus: 2, errorIndex: 1 });
  });

  it('answers GETNEXT with the numeric successor and endOfMibView at the end', () => {
    const vbs = varbindsOf(
      run(makeStore(), {
        type: 'GetNextRequest',
        oids: ['1.3', `${SYS}.1.0`, `${HC}.1`, '1.3.6.1.2.1.47.1.1.1.1.6.1'],
      }),
    );
    expect(shape(vbs)).toEqual([
      `${SYS}.1.0 Integer`,
      `${SYS}.5.0 Integer`,
      `${HC}.2 Counter64`,
      '1.3.6.1.2.1.47.1.1.1.1.6.1 endOfMibView',
    ]);
  });

  it('answers GETBULK with non-repeaters first, then repetitions row by row', () => {
    const vbs = varbindsOf(
      run(makeStore(), {
        type: 'GetBulkRequest',
        nonRepeaters: 1,
        maxRepetitions: 3,
        oids: [`${SYS}.1.0`, `${SYS}`, `${HC}`],
      }),
    );
    expect(shape(vbs)).toEqual([
      `${SYS}.5.0 Integer`,
      `${SYS}.1.0 Integer`,
      `${HC}.1 Counter64`,
      `${SYS}.5.0 Integer`,
      `${HC}.2 Counter64`,
      `${HC}.1 Counter64`,
      '1.3.6.1.2.1.47.1.1.1.1.6.1 Integer',
    ]);
  });

  it('stops GETBULK once every column is at endOfMibView and caps at maxVarbinds', () => {
    const store = makeStore();
    const ended = varbindsOf(
      run(store, { type: 'GetBulkRequest', maxRepetitions: 50, oids: [`${HC}.2`] }),
    );
    expect(shape(ended)).toEqual([
      '1.3.6.1.2.1.47.1.1.1.1.6.1 Integer',
      '1.3.6.1.2.1.47.1.1.1.1.6.1 endOfMibView',
    ]);
    const big = new MibStore(Array.from({ length: 500 }, (_, i) => int(`1.3.6.1.4.1.9.${i}`, i)));
    const capped = varbindsOf(
      run(big, { type: 'GetBulkRequest', maxRepetitions: 200, oids: ['1.3'] }),
    );
    expect(capped).toHaveLength(64);
    expect(capped[63]?.oid).toBe('1.3.6.1.4.1.9.63');
    const smaller = run(
      big,
      { type: 'GetBulkRequest', maxRepetitions: 200, oids: ['1.3'] },
      { maxVarbinds: 10 },
    );
    expect(varbindsOf(smaller)).toHaveLength(10);
  });

  it('ignores GETBULK over SNMPv1 and refuses SET', () => {
    expect(run(makeStore(), { version: 0, type: 'GetBulkRequest', oids: ['1.3'] })).toMatch(
      /SNMPv1/,
    );
    expect(run(makeStore(), { type: 'SetRequest', oids: [`${SYS}.5.0`] })).toMatchObject({
      errorStatus: 17,
      errorIndex: 1,
    });
    expect(
      run(makeStore(), { version: 0, type: 'SetRequest', oids: [`${SYS}.5.0`] }),
    ).toMatchObject({ errorStatus: 2 });
    expect(run(makeStore(), { type: 'GetResponse', oids: [`${SYS}.5.0`] })).toMatch(/unsupported/);
  });

  it('loops at loopAt: the walk stops increasing there', () => {
    const store = makeStore();
    const loopAt = parseOidText(`${HC}.1`);
    const first = varbindsOf(
      run(store, { type: 'GetNextRequest', oids: [`${SYS}.5.0`] }, { loopAt }),
    );
    expect(shape(first)).toEqual([`${HC}.1 Counter64`]);
    const again = varbindsOf(run(store, { type: 'GetNextRequest', oids: [`${HC}.1`] }, { loopAt }));
    expect(shape(again)).toEqual([`${HC}.1 Counter64`]);
    const bulk = varbindsOf(
      run(store, { type: 'GetBulkRequest', maxRepetitions: 4, oids: [SYS] }, { loopAt }),
    );
    expect(bulk.map((vb) => vb.oid)).toEqual([`${SYS}.1.0`, `${SYS}.5.0`, `${HC}.1`, `${HC}.1`]);
  });

  it('goes backwards at backwardsAt: the next OID is before the one asked from', () => {
    const store = makeStore();
    const backwardsAt = parseOidText(`${HC}.2`);
    const before = varbindsOf(
      run(store, { type: 'GetNextRequest', oids: [`${HC}.1`] }, { backwardsAt }),
    );
    expect(shape(before)).toEqual([`${HC}.2 Counter64`]);
    const back = varbindsOf(
      run(store, { type: 'GetNextRequest', oids: [`${HC}.2`] }, { backwardsAt }),
    );
    expect(shape(back)).toEqual([`${HC}.1 Counter64`]);
  });

  it('answers tooBig when a response would carry more than tooBigOverVarbinds', () => {
    const spec: RequestSpec = { type: 'GetBulkRequest', maxRepetitions: 3, oids: [SYS] };
    expect(run(makeStore(), spec, { tooBigOverVarbinds: 2 })).toMatchObject({
      errorStatus: 1,
      errorIndex: 0,
      varbinds: [],
    });
    expect(varbindsOf(run(makeStore(), spec, { tooBigOverVarbinds: 3 }))).toHaveLength(3);
  });

  it('turns a failing provider into genErr naming that varbind, and hides undefined values', () => {
    const store = makeStore();
    store.set(`${SYS}.3.0`, () => {
      throw new Error('sensor unplugged');
    });
    store.set(`${SYS}.4.0`, () => undefined);
    const failed = run(store, { oids: [`${SYS}.1.0`, `${SYS}.3.0`] });
    expect(failed).toMatchObject({ errorStatus: 5, errorIndex: 2 });
    const hidden = varbindsOf(run(store, { oids: [`${SYS}.4.0`] }));
    expect(shape(hidden)).toEqual([`${SYS}.4.0 noSuchInstance`]);
    const next = varbindsOf(run(store, { type: 'GetNextRequest', oids: [`${SYS}.3.0`] }));
    expect(shape(next)).toEqual([`${SYS}.5.0 Integer`]);
  });
});
