import { describe, expect, it } from 'vitest';
import { lldpNeighborSchema } from '@xiaowang/shared';
import { parseSnmprec } from '@xiaowang/seeds';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { PollContext } from './check.ts';
import { lldpCheck } from './lldp.ts';
import { decodeManagementAddress } from './lldp-management.ts';

const CTX: PollContext = { sysObjectID: null, enterprise: null, sysDescr: null };
const REM = '1.0.8802.1.1.2.1.4.1.1';
const MAN = '1.0.8802.1.1.2.1.4.2.1';
const V6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x11];

function neighbours(...lines: string[]) {
  const { varbinds } = parseSnmprec(lines.join('\n'));
  return lldpCheck.extract(walkSetFromVarbinds(varbinds, lldpCheck.plan(CTX)), CTX).lldpNeighbors;
}

describe('lldp: management addresses (lldpRemManAddrTable)', () => {
  it('decodes IPv4 and IPv6 index addresses, with or without the length sub-id', () => {
    expect(decodeManagementAddress(1, [4, 10, 20, 0, 1])).toEqual({ family: 4, text: '10.20.0.1' });
    expect(decodeManagementAddress(1, [10, 20, 0, 1])).toEqual({ family: 4, text: '10.20.0.1' });
    expect(decodeManagementAddress(2, [16, ...V6])).toEqual({ family: 6, text: '2001:db8::11' });
    expect(decodeManagementAddress(1, [5, 10, 20, 0, 1, 9])).toBeUndefined();
    expect(decodeManagementAddress(6, [6, 0, 1, 2, 3, 4, 5])).toBeUndefined();
    expect(decodeManagementAddress(1, [4, 10, 20, 0, 300])).toBeUndefined();
  });

  it('gives each neighbour its first IPv4 address, else its IPv6 address', () => {
    const out = neighbours(
      `${REM}.9.0.1.1|4|core`,
      `${REM}.9.0.2.1|4|ap-1`,
      `${REM}.9.0.3.1|4|printer`,
      `${MAN}.3.0.1.1.2.16.${V6.join('.')}|2|2`,
      `${MAN}.3.0.1.1.1.4.10.20.0.9|2|2`,
      `${MAN}.3.0.1.1.1.4.10.20.0.10|2|2`,
      `${MAN}.3.0.2.1.2.16.${V6.join('.')}|2|2`,
    );
    expect(out.map((n) => [n.remoteSysName, n.remoteManagementAddress])).toEqual([
      ['core', '10.20.0.9'],
      ['ap-1', '2001:db8::11'],
      ['printer', null],
    ]);
    for (const n of out) expect(() => lldpNeighborSchema.parse(n)).not.toThrow();
  });

  it('matches rows whose timeMark differs from the remote table', () => {
    const [row] = neighbours(`${REM}.9.500.7.2|4|core`, `${MAN}.3.900.7.2.1.4.10.0.0.1|2|2`);
    expect(row?.remoteManagementAddress).toBe('10.0.0.1');
  });

  it('leaves the field out when the device has no management address table', () => {
    const [row] = neighbours(`${REM}.9.0.1.1|4|core`);
    expect(row).toBeDefined();
    expect(row && 'remoteManagementAddress' in row).toBe(false);
  });

  it('walks only the one column whose index holds the address', () => {
    expect(lldpCheck.plan(CTX).subtrees).toContain(`${MAN}.3`);
    expect(lldpCheck.plan(CTX).subtrees).not.toContain(MAN);
  });
});
