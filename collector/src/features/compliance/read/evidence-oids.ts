/*
 * The OIDs a figure rests on, so a technician can walk them on the device and see the same
 * numbers (targets.md §7). Interface OIDs are IF-MIB; AP tables per vendor are mibs.md §6.
 */

export interface OidRef {
  readonly name: string;
  readonly oid: string;
}

/** What an uplink's speed, status and utilisation are read from, for one ifIndex. */
export function uplinkOids(ifIndex: number): OidRef[] {
  return [
    { name: 'IF-MIB::ifOperStatus', oid: `1.3.6.1.2.1.2.2.1.8.${ifIndex}` },
    { name: 'IF-MIB::ifHighSpeed', oid: `1.3.6.1.2.1.31.1.1.1.15.${ifIndex}` },
    { name: 'IF-MIB::ifSpeed', oid: `1.3.6.1.2.1.2.2.1.5.${ifIndex}` },
    { name: 'IF-MIB::ifHCInOctets', oid: `1.3.6.1.2.1.31.1.1.1.6.${ifIndex}` },
    { name: 'IF-MIB::ifHCOutOctets', oid: `1.3.6.1.2.1.31.1.1.1.10.${ifIndex}` },
    { name: 'SNMPv2-MIB::sysUpTime', oid: '1.3.6.1.2.1.1.3.0' },
  ];
}

/** Where the inference of an uplink came from, when it was inferred. */
export function inferenceOids(how: string, ifIndex: number): OidRef[] {
  if (how === 'alias')
    return [{ name: 'IF-MIB::ifAlias', oid: `1.3.6.1.2.1.31.1.1.1.18.${ifIndex}` }];
  if (how === 'lldp-metro') {
    return [{ name: 'LLDP-MIB::lldpRemSysName', oid: '1.0.8802.1.1.2.1.4.1.1.9' }];
  }
  if (how === 'default-route') {
    return [{ name: 'IP-FORWARD-MIB::inetCidrRouteTable', oid: '1.3.6.1.2.1.4.24.7.1' }];
  }
  return [];
}

export const IPV6_ADDRESS_OIDS: readonly OidRef[] = [
  { name: 'IP-MIB::ipAddressTable', oid: '1.3.6.1.2.1.4.34.1' },
  { name: 'IPV6-MIB::ipv6AddrTable (fallback)', oid: '1.3.6.1.2.1.55.1.8.1' },
];

const AP_TABLES: readonly (readonly [vendor: RegExp, tables: readonly OidRef[]])[] = [
  [
    /huawei/i,
    [{ name: 'HUAWEI-WLAN-AP-MIB::hwWlanApTable', oid: '1.3.6.1.4.1.2011.6.139.13.3.3.1' }],
  ],
  [/cisco/i, [{ name: 'AIRESPACE-WIRELESS-MIB::bsnAPTable', oid: '1.3.6.1.4.1.14179.2.2.1.1' }]],
  [
    /aruba/i,
    [
      { name: 'WLSX-WLAN-MIB::wlsxWlanAPTable', oid: '1.3.6.1.4.1.14823.2.2.1.5.2.1.4.1' },
      { name: 'AI-AP-MIB::aiAccessPointTable', oid: '1.3.6.1.4.1.14823.2.3.3.1.2.1.1' },
    ],
  ],
  [
    /h3c/i,
    [
      {
        name: 'HH3C-DOT11-APMT-MIB::hh3cDot11APObjectStatusTable',
        oid: '1.3.6.1.4.1.25506.2.75.2.1.1.1',
      },
      {
        name: 'HH3C-DOT11-APMT-MIB::hh3cDot11ApBriefInfoTable',
        oid: '1.3.6.1.4.1.25506.2.75.2.1.12.1',
      },
    ],
  ],
  [
    /ruijie/i,
    [
      { name: 'RUIJIE-AC-MGMT-MIB::ruijieApCfgTable', oid: '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.1.1' },
      {
        name: 'RUIJIE-AC-MGMT-MIB::ruijieApOfflineTable',
        oid: '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.5.1',
      },
    ],
  ],
  [
    /ruckus/i,
    [{ name: 'RUCKUS-ZD-WLAN-MIB::ruckusZDWLANAPTable', oid: '1.3.6.1.4.1.25053.1.2.2.1.1.2.1.1' }],
  ],
];

/** The per-AP table a controller of this vendor is read from; every known one when unsure. */
export function apTableOids(vendor: string | null): OidRef[] {
  const match = AP_TABLES.find(([pattern]) => vendor !== null && pattern.test(vendor));
  return match === undefined ? AP_TABLES.flatMap(([, tables]) => tables) : [...match[1]];
}
