import type { DeviceSnapshot, InterfaceRow } from '@xiaowang/shared';
import { describe, expect, it } from 'vitest';
import type { Varbind } from '../snmp/varbind.ts';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { PollContext } from './check.ts';
import { detectRole, detectVendor, identityPlan } from './identity.ts';
import { enterpriseOf } from './system.ts';

const UNIFI_MODEL: Varbind = {
  oid: '1.3.6.1.4.1.41112.1.6.3.3.0',
  type: 'OctetString',
  value: new TextEncoder().encode('UAP-AC-Pro'),
};

function context(sysObjectID: string | null, sysDescr: string | null = null): PollContext {
  return { sysObjectID, enterprise: enterpriseOf(sysObjectID), sysDescr };
}

/** The walk set identity would see, limited to what identityPlan asks for. */
function polled(ctx: PollContext, varbinds: readonly Varbind[] = []) {
  return walkSetFromVarbinds(varbinds, identityPlan(ctx));
}

type RoleInput = Pick<DeviceSnapshot, 'apCount' | 'apSource' | 'aps' | 'interfaces'>;
const port = { ifIndex: 1 } as InterfaceRow;
const none: RoleInput = { apCount: null, apSource: null, aps: null, interfaces: [port] };
const controller: RoleInput = {
  ...none,
  apCount: 3,
  apSource: { kind: 'table', detail: 'x' },
  aps: [{ mac: null, name: 'a', model: null, serial: null, online: true, clients: null }],
};

describe('detectVendor', () => {
  it.each([
    ['1.3.6.1.4.1.2011.2.23.291', null, 'Huawei'],
    ['1.3.6.1.4.1.2011.10.1.89', null, 'H3C'],
    ['1.3.6.1.4.1.25506.1.1183', 'H3C Comware Platform Software', 'H3C'],
    ['1.3.6.1.4.1.25506.11.1.172', 'HP Comware Platform Software', 'HPE (H3C Comware)'],
    ['1.3.6.1.4.1.25506.11.1.1', 'Hewlett Packard Enterprise Comware', 'HPE (H3C Comware)'],
    ['1.3.6.1.4.1.4881.1.3.1.1.36', null, 'Ruijie'],
    ['1.3.6.1.4.1.9.1.1208', null, 'Cisco'],
    ['1.3.6.1.4.1.14823.1.2.59', null, 'Aruba (HPE)'],
    ['1.3.6.1.4.1.25053.3.1.11.1', 'SmartZone', 'Ruckus'],
    ['1.3.6.1.4.1.347.2.5730', 'SEAGATE 4466', 'Extreme Networks'],
    ['1.3.6.1.4.1.40418.7.53', null, 'SNR (DCN-derived firmware)'],
    ['1.3.6.1.4.1.8072.3.2.10', 'Linux host 5.4', 'Linux (net-snmp)'],
    ['1.3.6.1.4.1.8072.3.2.8', 'FreeBSD', 'net-snmp'],
    ['1.3.6.1.4.1.41112.1.4', null, 'Ubiquiti'],
    ['1.3.6.1.4.1.2011.2.23.291', 'Cisco IOS Software', 'Huawei'],
    ['1.3.6.1.4.1.99999.1', 'Huawei Versatile Routing Platform', null],
    [null, 'Huawei Versatile Routing Platform', null],
  ])('%s (%s) → %s', (oid, descr, label) => {
    const ctx = context(oid, descr);
    expect(detectVendor(ctx, polled(ctx))).toBe(label);
  });

  it('recognises a UniFi AP behind the net-snmp sysObjectID by its MIB', () => {
    const ctx = context('1.3.6.1.4.1.8072.3.2.10', 'UAP-AC-Pro 6.5.55');
    expect(detectVendor(ctx, polled(ctx, [UNIFI_MODEL]))).toBe('Ubiquiti UniFi');
  });

  it('does not take UniFi from sysDescr alone', () => {
    const ctx = context('1.3.6.1.4.1.8072.3.2.10', 'UAP-nanoHD 5.43.36.12724');
    expect(detectVendor(ctx, polled(ctx))).toBe('Linux (net-snmp)');
  });

  it('probes the UniFi MIB only for net-snmp and Ubiquiti', () => {
    expect(identityPlan(context('1.3.6.1.4.1.8072.3.2.10')).subtrees).toHaveLength(1);
    expect(identityPlan(context('1.3.6.1.4.1.2011.2.23.291')).subtrees).toHaveLength(0);
  });
});

describe('detectRole', () => {
  it.each<[string, string | null, RoleInput, string]>([
    ['Huawei S-series switch', '1.3.6.1.4.1.2011.2.23.291', none, 'switch'],
    ['Huawei AC without APs', '1.3.6.1.4.1.2011.2.240.6', none, 'wlc'],
    [
      'Huawei AR with the AC scalar',
      '1.3.6.1.4.1.2011.2.224.62',
      { ...none, apCount: 0 },
      'router',
    ],
    ['Huawei AR managing APs stays a router', '1.3.6.1.4.1.2011.2.224.62', controller, 'router'],
    ['Huawei NE router', '1.3.6.1.4.1.2011.2.62.30', none, 'router'],
    ['H3C AC found by its AP table', '1.3.6.1.4.1.25506.1.1183', controller, 'wlc'],
    ['Comware switch', '1.3.6.1.4.1.25506.11.1.172', none, 'switch'],
    ['Ruijie AC found by its AP table', '1.3.6.1.4.1.4881.1.3.1.1.36', controller, 'wlc'],
    ['Aruba Instant acting as controller', '1.3.6.1.4.1.14823.1.2.59', controller, 'wlc'],
    ['Aruba Instant AP alone', '1.3.6.1.4.1.14823.1.2.59', none, 'ap'],
    ['Aruba mobility controller', '1.3.6.1.4.1.14823.1.1.9999', none, 'wlc'],
    ['Ruckus ZoneDirector', '1.3.6.1.4.1.25053.3.1.5.15', none, 'wlc'],
    ['Ruckus by its scalars', '1.3.6.1.4.1.25053.3.1.99', { ...none, apCount: 8 }, 'wlc'],
    ['MikroTik', '1.3.6.1.4.1.14988.1', none, 'router'],
    ['Linux host', '1.3.6.1.4.1.8072.3.2.10', { ...none, interfaces: [] }, 'server'],
    ['Cisco Catalyst', '1.3.6.1.4.1.9.1.1208', none, 'switch'],
    ['unknown enterprise', '1.3.6.1.4.1.347.2.5730', none, 'switch'],
    ['unknown enterprise with APs', '1.3.6.1.4.1.99999.1', controller, 'wlc'],
    ['no sysObjectID, no interfaces', null, { ...none, interfaces: [] }, 'unknown'],
    ['no sysObjectID, some interfaces', null, none, 'switch'],
  ])('%s', (_name, oid, snapshot, role) => {
    const ctx = context(oid);
    expect(detectRole(ctx, snapshot, polled(ctx))).toBe(role);
  });

  it('makes a UniFi AP an AP, from the probe or from the wireless source', () => {
    const ctx = context('1.3.6.1.4.1.8072.3.2.10');
    expect(detectRole(ctx, none, polled(ctx, [UNIFI_MODEL]))).toBe('ap');
    const notApplicable: RoleInput = {
      ...none,
      apSource: { kind: 'notApplicable', detail: 'x' },
    };
    expect(detectRole(ctx, notApplicable, polled(ctx))).toBe('ap');
  });
});
