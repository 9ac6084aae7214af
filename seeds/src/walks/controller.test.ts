import { pollDevice } from '@xiaowang/agent';
import { Secret } from '@xiaowang/shared';
import type { Varbind } from '@xiaowang/shared/varbind';
import { afterEach, describe, expect, it } from 'vitest';
import { startSnmpResponder } from '../sim/responder.ts';
import type { SnmpResponder } from '../sim/responder.ts';
import type { WalkAp } from './ac-tables.ts';
import { controllerWalk } from './controller.ts';
import { switchWalk } from './switch.ts';
import type { AcVendor } from './vendors.ts';
import { AC_MODELS, SWITCH_MODELS } from './vendors.ts';

const APS: WalkAp[] = [1, 2, 3].map((n) => ({
  mac: `02:57:57:00:00:0${n}`,
  name: `ck001-10${n}`,
  serial: `SN-AP-${n}`,
  model: 'AP-MODEL',
  group: 'ck001',
  clients: n,
}));

let responders: SnmpResponder[] = [];
afterEach(async () => {
  await Promise.all(responders.map((r) => r.close()));
  responders = [];
});

async function serve(varbinds: Varbind[]): Promise<SnmpResponder> {
  const responder = await startSnmpResponder({ devices: { c: varbinds } });
  responders.push(responder);
  return responder;
}

async function read(responder: SnmpResponder) {
  const result = await pollDevice({
    name: 'device',
    host: responder.host,
    port: responder.port,
    credentials: { version: '2c', community: new Secret('c') },
  });
  if (result.outcome !== 'ok') throw new Error(JSON.stringify(result.error));
  return result;
}

describe('generated controller walks, as the agent reads them', () => {
  it.each<AcVendor>(['huawei', 'h3c', 'ruijie'])(
    '%s: every AP once, with name, serial and state',
    async (vendor) => {
      const walk = controllerWalk({
        model: AC_MODELS[vendor],
        sysName: 'ck001-ac',
        location: 'lab',
        contact: 'it',
        deviceNo: 9,
        upTicks: 100,
        seed: 9,
        uplink: { fiberPort: 1, mbps: 1000, alias: 'to-core', peer: null },
        aps: APS,
      });
      const responder = await serve(walk.varbinds);
      // The third AP goes down: its cells take their offline values (or vanish).
      const sim = responder.device('c');
      for (const cell of walk.apTables.cells.filter((c) => c.mac === APS[2]?.mac)) {
        if (cell.offline === undefined) sim?.delete(cell.oid);
        else sim?.set(cell.oid, cell.offline);
      }
      for (const count of walk.apTables.counts) {
        const n = { online: 2, offline: 1, total: 3, zero: 0 }[count.counts];
        sim?.set(count.oid, { type: 'Integer', value: n });
      }
      const { snapshot } = await read(responder);
      expect(snapshot.role).toBe('wlc');
      expect(snapshot.apCount).toBe(3);
      expect(snapshot.apsOnline).toBe(2);
      const aps = snapshot.aps ?? [];
      expect(aps.map((a) => a.mac).sort()).toEqual(APS.map((a) => a.mac));
      expect(aps.map((a) => a.name).sort()).toEqual(APS.map((a) => a.name));
      const up = aps.find((a) => a.mac === APS[0]?.mac);
      expect(up).toMatchObject({ online: true, serial: 'SN-AP-1', model: 'AP-MODEL' });
      if (vendor !== 'h3c') expect(up?.apGroup).toBe('ck001');
      expect(aps.find((a) => a.mac === APS[2]?.mac)?.online).toBe(false);
    },
  );

  it('a school core: the uplink by alias and LLDP, its speed, and IPv6 on it', async () => {
    const walk = switchWalk({
      model: SWITCH_MODELS.h3cCore,
      sysName: 'ck001-core',
      location: 'lab',
      contact: 'it',
      deviceNo: 1,
      upTicks: 100,
      seed: 1,
      uplink: {
        fiberPort: 1,
        mbps: 100,
        alias: '上联-县教育城域网',
        peer: { sysName: 'CK-Metro-Agg-01', port: 'Gi1/0/3', mac: '02:58:00:00:00:01' },
      },
      endpointShare: 0.5,
      uplinkIpv6: [0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1],
    });
    const { snapshot } = await read(await serve(walk.varbinds));
    expect(snapshot.vendor).toBe('H3C');
    const uplink = snapshot.interfaces.find((i) => i.ifIndex === walk.uplinkIfIndex);
    expect(uplink).toMatchObject({
      ifSpeedMbps: 100,
      ifOperStatus: 'up',
      ifAlias: '上联-县教育城域网',
    });
    expect(snapshot.lldpNeighbors).toEqual([
      expect.objectContaining({
        localIfIndex: walk.uplinkIfIndex,
        remoteSysName: 'CK-Metro-Agg-01',
      }),
    ]);
    expect(snapshot.ipv6).toEqual([
      expect.objectContaining({
        ifIndex: walk.uplinkIfIndex,
        type: 'global',
        address: '2001:db8:1:1::1',
      }),
    ]);
    expect(snapshot.entity?.model).toBe('S5560X-30C-EI');
  });
});
