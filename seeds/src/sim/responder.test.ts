import { afterEach, describe, expect, it } from 'vitest';
import type { Varbind } from '@xiaowang/shared/varbind';
import { decodeMessage } from './ber.ts';
import type { DeviceFaults } from './device.ts';
import { makeCounterProvider } from './providers.ts';
import { NonLoopbackAddressError, assertLoopback, startSnmpResponder } from './responder.ts';
import type { SnmpResponder } from './responder.ts';
import { ask, buildRequest, exchange } from './test-support.ts';

const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const text = (value: string): Varbind => ({
  oid: SYS_NAME,
  type: 'OctetString',
  value: new TextEncoder().encode(value),
});
const rows = (n: number): Varbind[] =>
  Array.from({ length: n }, (_, i) => ({
    oid: `1.3.6.1.2.1.2.2.1.2.${i + 1}`,
    type: 'Integer',
    value: i,
  }));

let running: SnmpResponder[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

async function start(...args: Parameters<typeof startSnmpResponder>): Promise<SnmpResponder> {
  const responder = await startSnmpResponder(...args);
  running.push(responder);
  return responder;
}

describe('loopback only', () => {
  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.10',
    '10.0.0.1',
    '8.8.8.8',
    'localhost',
    'example.com',
    '',
    '127.1',
  ])('refuses %j', async (host) => {
    expect(() => assertLoopback(host)).toThrow(NonLoopbackAddressError);
    await expect(startSnmpResponder({ host })).rejects.toThrow(/loopback only/);
  });

  it('accepts 127.0.0.0/8 and ::1', () => {
    expect(assertLoopback('127.0.0.1')).toBe(4);
    expect(assertLoopback('127.20.30.40')).toBe(4);
    expect(assertLoopback('::1')).toBe(6);
  });

  it('binds ::1 when the host has IPv6 loopback (no traffic sent)', async () => {
    try {
      const responder = await start({ host: '::1' });
      expect(responder.host).toBe('::1');
      expect(responder.port).toBeGreaterThan(0);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRNOTAVAIL' && code !== 'EAFNOSUPPORT') throw error;
      console.warn(`skipped: no IPv6 loopback here (${code})`);
    }
  });
});

describe('startSnmpResponder over UDP on 127.0.0.1', () => {
  it('binds an ephemeral port and serves devices by community', async () => {
    const responder = await start({
      devices: { 'jetstream_ipv6+route': [text('tp')], 校园: [text('cn')] },
    });
    expect(responder.host).toBe('127.0.0.1');
    expect(responder.deviceNames().sort()).toEqual(['jetstream_ipv6+route', '校园']);
    const tp = await ask(responder.port, { community: 'jetstream_ipv6+route', oids: [SYS_NAME] });
    expect(tp?.pdu.varbinds[0]).toEqual(text('tp'));
    const cn = await ask(responder.port, { community: '校园', oids: [SYS_NAME] });
    expect(cn?.pdu.varbinds[0]).toEqual(text('cn'));
    expect(responder.device('校园')?.stats).toEqual({ requests: 1, responses: 1, dropped: 0 });
  });

  it('never answers an unknown community, bad BER or SNMPv3, and keeps serving', async () => {
    const responder = await start({ devices: { sw: [text('sw')] } });
    expect(await ask(responder.port, { community: 'public', oids: [SYS_NAME] })).toBeUndefined();
    expect(await exchange(responder.port, Buffer.from('hello'))).toBeUndefined();
    expect(
      await exchange(responder.port, Buffer.from('30070201030400a000', 'hex')),
    ).toBeUndefined();
    expect(await ask(responder.port, { community: 'sw', oids: [SYS_NAME] })).toBeDefined();
    expect(responder.stats).toMatchObject({
      packets: 4,
      badPackets: 2,
      unknownCommunity: 1,
      responses: 1,
    });
  });

  it('serves run-time changes and providers without rebuilding', async () => {
    let now = 0;
    const responder = await start({ clock: () => now });
    const device = responder.addDevice('sw', [text('before')]);
    expect(() => responder.addDevice('sw', [])).toThrow(/already exists/);
    device.set(SYS_NAME, text('after'));
    device.set(
      '1.3.6.1.2.1.31.1.1.1.6.1',
      makeCounterProvider({ type: 'Counter64', startedAtMs: 0, perSecond: 125_000_000 }),
    );
    const read = async (): Promise<unknown[]> =>
      (
        (
          await ask(responder.port, {
            community: 'sw',
            oids: [SYS_NAME, '1.3.6.1.2.1.31.1.1.1.6.1'],
          })
        )?.pdu.varbinds ?? []
      ).map((vb) => vb.value);
    expect(await read()).toEqual([new TextEncoder().encode('after'), 0n]);
    now = 60_000;
    expect(await read()).toEqual([new TextEncoder().encode('after'), 7_500_000_000n]);
    device.delete(SYS_NAME);
    const gone = await ask(responder.port, { community: 'sw', oids: [SYS_NAME] });
    expect(gone?.pdu.varbinds[0]?.type).toBe('noSuchObject');
    expect(responder.removeDevice('sw')).toBe(true);
    expect(await ask(responder.port, { community: 'sw', oids: [SYS_NAME] })).toBeUndefined();
  });

  it('silently drops responses above maxDatagramSize', async () => {
    const responder = await start({ devices: { sw: rows(100) }, maxDatagramSize: 200 });
    const spec = { community: 'sw', type: 'GetBulkRequest', oids: ['1.3'] } as const;
    expect(await ask(responder.port, { ...spec, maxRepetitions: 30 })).toBeUndefined();
    expect((await ask(responder.port, { ...spec, maxRepetitions: 3 }))?.pdu.varbinds).toHaveLength(
      3,
    );
    expect(responder.device('sw')?.stats).toEqual({ requests: 2, responses: 1, dropped: 1 });
  });
});

describe('fault injection, seen from a client', () => {
  async function withFaults(faults: DeviceFaults) {
    const responder = await start();
    const device = responder.addDevice('sw', rows(50));
    device.setFaults(faults);
    const get = (requestId = 1) =>
      ask(responder.port, { community: 'sw', requestId, oids: ['1.3.6.1.2.1.2.2.1.2.1'] });
    return { responder, device, get };
  }

  it('silentAfterRequests answers n requests, then nothing', async () => {
    const { device, get } = await withFaults({ silentAfterRequests: 2 });
    expect(await get()).toBeDefined();
    expect(await get()).toBeDefined();
    expect(await get()).toBeUndefined();
    device.setFaults({});
    expect(await get()).toBeDefined();
    expect(device.stats).toEqual({ requests: 4, responses: 3, dropped: 1 });
  });

  it('dropEveryNth ignores every nth request', async () => {
    const { get } = await withFaults({ dropEveryNth: 3 });
    const answered = [];
    for (let i = 0; i < 6; i++) answered.push((await get()) !== undefined);
    expect(answered).toEqual([true, true, false, true, true, false]);
  });

  it('delayMs holds the answer back', async () => {
    const { get } = await withFaults({ delayMs: 250 });
    const started = performance.now();
    expect(await get()).toBeDefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('garbageReply sends bytes that do not decode', async () => {
    const { responder } = await withFaults({ garbageReply: true });
    const reply = await exchange(
      responder.port,
      buildRequest({ community: 'sw', oids: ['1.3.6.1'] }),
    );
    expect(reply).toBeDefined();
    expect(reply && decodeMessage(reply).ok).toBe(false);
  });

  it('wrongRequestId answers with request-id + 1', async () => {
    const { get } = await withFaults({ wrongRequestId: true });
    expect((await get(41))?.pdu.requestId).toBe(42);
    expect((await get(2147483647))?.pdu.requestId).toBe(-2147483648);
  });

  it('maxResponseBytes drops large responses only', async () => {
    const { responder } = await withFaults({ maxResponseBytes: 120 });
    const bulk = (maxRepetitions: number) =>
      ask(responder.port, {
        community: 'sw',
        type: 'GetBulkRequest',
        maxRepetitions,
        oids: ['1.3'],
      });
    expect(await bulk(20)).toBeUndefined();
    expect((await bulk(2))?.pdu.varbinds).toHaveLength(2);
  });

  it('rejects invalid fault settings', async () => {
    const { device } = await withFaults({});
    expect(() => device.setFaults({ dropEveryNth: 0 })).toThrow(RangeError);
    expect(() => device.setFaults({ delayMs: -1 })).toThrow(RangeError);
    expect(() => device.setFaults({ loopAt: 'not.an.oid' })).toThrow(RangeError);
  });

  it('close() cancels delayed answers and is idempotent', async () => {
    const { responder, get } = await withFaults({ delayMs: 300 });
    const pending = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await responder.close();
    await responder.close();
    expect(await pending).toBeUndefined();
  });
});
