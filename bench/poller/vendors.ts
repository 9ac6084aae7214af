// What differs between the three vendors county schools mostly buy: names, OIDs, texts.
export type Vendor = 'huawei' | 'h3c' | 'ruijie';

export interface VendorProfile {
  readonly enterpriseOid: string;
  readonly maker: string;
  readonly contact: string;
  readonly software: string;
  readonly serialPrefix: string;
  readonly entityBase: number;
  sysDescr(model: string): string;
  port(n: number): string;
  tenGig(n: number): string;
  vlan(n: number): string;
  readonly extra: readonly string[];
  readonly models: {
    readonly core: readonly [string, string];
    readonly access24: readonly [string, string];
    readonly access48: readonly [string, string];
    readonly ac: readonly [string, string];
  };
}

export const VENDORS: Readonly<Record<Vendor, VendorProfile>> = {
  huawei: {
    enterpriseOid: '1.3.6.1.4.1.2011',
    maker: 'Huawei',
    contact: 'R&D Beijing, Huawei Technologies co.,Ltd.',
    software: 'V200R019C10SPC500',
    serialPrefix: '2102351931P0',
    entityBase: 67108864,
    sysDescr: (model) =>
      `${model}\r\nHuawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.170 (${model} V200R019C10SPC500)\r\nCopyright (C) 2000-2020 HUAWEI TECH Co., Ltd`,
    port: (n) => `GigabitEthernet0/0/${n}`,
    tenGig: (n) => `XGigabitEthernet0/0/${n}`,
    vlan: (n) => `Vlanif${n}`,
    extra: ['InLoopBack0', 'NULL0', 'MEth0/0/1'],
    models: {
      core: ['S5720-28X-SI-AC', '1.3.6.1.4.1.2011.2.23.291'],
      access24: ['S5735-L24T4S-A1', '1.3.6.1.4.1.2011.2.23.578'],
      access48: ['S5735-L48T4S-A1', '1.3.6.1.4.1.2011.2.23.579'],
      ac: ['AC6508', '1.3.6.1.4.1.2011.2.240.17'],
    },
  },
  h3c: {
    enterpriseOid: '1.3.6.1.4.1.25506',
    maker: 'H3C',
    contact: 'New H3C Technologies Co., Ltd.',
    software: '7.1.070 Release 6628P07',
    serialPrefix: '219801A1NB',
    entityBase: 1,
    sysDescr: (model) =>
      `H3C Comware Platform Software, Software Version 7.1.070, Release 6628P07\r\nH3C ${model}\r\nCopyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.`,
    port: (n) => `GigabitEthernet1/0/${n}`,
    tenGig: (n) => `Ten-GigabitEthernet1/0/${n + 24}`,
    vlan: (n) => `Vlan-interface${n}`,
    extra: ['NULL0', 'InLoopBack0'],
    models: {
      core: ['S5560X-30C-EI', '1.3.6.1.4.1.25506.1.1150'],
      access24: ['S5120V2-28P-LI', '1.3.6.1.4.1.25506.1.1404'],
      access48: ['S5120V2-52P-LI', '1.3.6.1.4.1.25506.1.1405'],
      ac: ['WX3520H', '1.3.6.1.4.1.25506.1.1183'],
    },
  },
  ruijie: {
    enterpriseOid: '1.3.6.1.4.1.4881',
    maker: 'Ruijie',
    contact: 'Ruijie Networks Co., Ltd.',
    software: 'S5750-H_RGOS 11.4(1)B12P11',
    serialPrefix: 'G1LQ2TW0',
    entityBase: 1,
    sysDescr: (model) =>
      `Ruijie Full Gigabit Security & Intelligence Access Switch(${model}) By Ruijie Networks`,
    port: (n) => `GigabitEthernet 0/${n}`,
    tenGig: (n) => `TenGigabitEthernet 0/${n + 24}`,
    vlan: (n) => `VLAN ${n}`,
    extra: ['Null 0', 'Mgmt 0'],
    models: {
      core: ['S5750-28GT4XS-H', '1.3.6.1.4.1.4881.1.1.10.1.402'],
      access24: ['S2910-24GT4XS-E', '1.3.6.1.4.1.4881.1.1.10.1.321'],
      access48: ['S2910-48GT4XS-E', '1.3.6.1.4.1.4881.1.1.10.1.322'],
      ac: ['WS6008', '1.3.6.1.4.1.4881.1.3.1.1.36'],
    },
  },
};
