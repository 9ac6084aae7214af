/*
 * The kit county schools buy, as the walks present it: sysDescr wording, sysObjectID under
 * each vendor's enterprise number (mibs.md §1), port naming and serial shapes. Product
 * numbers after the enterprise are illustrative; the agent reads only the enterprise.
 */

export type Vendor = 'huawei' | 'h3c' | 'ruijie' | 'zte' | 'tplink';
/** Vendors whose wireless controllers the agent reads (mibs.md §6) and the demo simulates. */
export type AcVendor = 'huawei' | 'h3c' | 'ruijie';

export interface VendorProfile {
  readonly vendor: Vendor;
  readonly enterprise: number;
  /** entPhysicalMfgName. */
  readonly maker: string;
  /** ENTITY-MIB index of the chassis row. */
  readonly chassisIndex: number;
  descr(model: string, firmware: string): string;
  accessPortName(n: number): string;
  fiberPortName(n: number, mbps: number): string;
  serial(n: number): string;
}

export interface DeviceModel {
  readonly vendor: Vendor;
  readonly model: string;
  /** Product part after `1.3.6.1.4.1.<enterprise>.`. */
  readonly product: string;
  readonly firmware: string;
  readonly copperPorts: number;
  readonly fiberPorts: number;
  /** Speed of the fiber ports when fitted with their usual optics. */
  readonly fiberMbps: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const VENDORS: Readonly<Record<Vendor, VendorProfile>> = {
  huawei: {
    vendor: 'huawei',
    enterprise: 2011,
    maker: 'Huawei',
    chassisIndex: 9,
    descr: (model, fw) =>
      `${model}\r\nHuawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.170 (${model.split('-')[0] ?? model} ${fw})\r\nCopyright (C) 2000-2021 HUAWEI TECH Co., Ltd`,
    accessPortName: (n) => `GigabitEthernet0/0/${n}`,
    fiberPortName: (n, mbps) =>
      `${mbps >= 10_000 ? 'XGigabitEthernet' : 'GigabitEthernet'}0/0/${n}`,
    serial: (n) => `2102351931P0K${pad(n, 7)}`,
  },
  h3c: {
    vendor: 'h3c',
    enterprise: 25506,
    maker: 'New H3C Technologies Co., Ltd.',
    chassisIndex: 1,
    descr: (model, fw) =>
      `H3C Comware Platform Software, Software Version 7.1.070, ${fw}\r\nH3C ${model}\r\nCopyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.`,
    accessPortName: (n) => `GigabitEthernet1/0/${n}`,
    fiberPortName: (n, mbps) =>
      `${mbps >= 10_000 ? 'Ten-GigabitEthernet' : 'GigabitEthernet'}1/0/${n}`,
    serial: (n) => `219801A1NM8${pad(n, 9)}`,
  },
  ruijie: {
    vendor: 'ruijie',
    enterprise: 4881,
    maker: 'Ruijie Networks',
    chassisIndex: 1,
    descr: (model, fw) => `Ruijie Full Layer 2 Gigabit Switch(${model}) By Ruijie Networks, ${fw}`,
    accessPortName: (n) => `GigabitEthernet 0/${n}`,
    fiberPortName: (n, mbps) =>
      `${mbps >= 10_000 ? 'TenGigabitEthernet' : 'GigabitEthernet'} 0/${n}`,
    serial: (n) => `G1NW${pad(n, 9)}`,
  },
  zte: {
    vendor: 'zte',
    enterprise: 3902,
    maker: 'ZTE',
    chassisIndex: 1,
    descr: (model, fw) =>
      `ZXR10 ROS Version ${fw} ZXR10 ${model} Software, Copyright (c) ZTE Corporation`,
    accessPortName: (n) => `gei-0/1/0/${n}`,
    fiberPortName: (n, mbps) => `${mbps >= 10_000 ? 'xgei' : 'gei'}-0/1/1/${n}`,
    serial: (n) => `ZTE0${pad(n, 10)}`,
  },
  tplink: {
    vendor: 'tplink',
    enterprise: 11863,
    maker: 'TP-Link',
    chassisIndex: 1,
    // The TL-SG series says almost nothing about itself (mibs.md §1).
    descr: (model) => `JetStream Gigabit Smart Switch ${model}`,
    accessPortName: (n) => `gigabitEthernet 1/0/${n}`,
    fiberPortName: (n) => `gigabitEthernet 1/0/${n}`,
    serial: (n) => `2226${pad(n, 9)}`,
  },
};

/** Switches: core, access, and the small ones in village schools and teaching points. */
export const SWITCH_MODELS = {
  huaweiCore: {
    vendor: 'huawei',
    model: 'S5720-28X-PWR-SI-AC',
    product: '2.23.291',
    firmware: 'V200R011C10SPC600',
    copperPorts: 24,
    fiberPorts: 4,
    fiberMbps: 10_000,
  },
  huaweiAccess: {
    vendor: 'huawei',
    model: 'S5735-L24P4S-A1',
    product: '2.23.467',
    firmware: 'V200R021C00SPC100',
    copperPorts: 24,
    fiberPorts: 4,
    fiberMbps: 1000,
  },
  huaweiSmall: {
    vendor: 'huawei',
    model: 'S1730S-S8P4S-A',
    product: '2.23.560',
    firmware: 'V200R019C10SPC500',
    copperPorts: 8,
    fiberPorts: 4,
    fiberMbps: 1000,
  },
  h3cCore: {
    vendor: 'h3c',
    model: 'S5560X-30C-EI',
    product: '1.1.2.1.1.2347',
    firmware: 'Release 1121P02',
    copperPorts: 24,
    fiberPorts: 4,
    fiberMbps: 10_000,
  },
  h3cAccess: {
    vendor: 'h3c',
    model: 'S5130S-28S-EI',
    product: '1.1.2.1.1.2098',
    firmware: 'Release 6328P03',
    copperPorts: 24,
    fiberPorts: 4,
    fiberMbps: 1000,
  },
  h3cSmall: {
    vendor: 'h3c',
    model: 'S1850V2-10P',
    product: '1.1.2.1.1.2466',
    firmware: 'Release 1208',
    copperPorts: 8,
    fiberPorts: 2,
    fiberMbps: 1000,
  },
  ruijieCore: {
    vendor: 'ruijie',
    model: 'RG-S5750C-28GT4XS-H',
    product: '1.1.10.1.2096',
    firmware: 'RGOS 11.4(1)B12P9',
    copperPorts: 24,
    fiberPorts: 4,
    fiberMbps: 10_000,
  },
  ruijieSmall: {
    vendor: 'ruijie',
    model: 'RG-S2910-10GT2SFP-UP-H',
    product: '1.1.10.1.1980',
    firmware: 'RGOS 11.4(1)B70P3',
    copperPorts: 8,
    fiberPorts: 2,
    fiberMbps: 1000,
  },
  zteCore: {
    vendor: 'zte',
    model: '5250-28TM',
    product: '3.600.3.1.807',
    firmware: 'V4.08.23',
    copperPorts: 24,
    fiberPorts: 4,
    fiberMbps: 1000,
  },
  tplinkSmall: {
    vendor: 'tplink',
    model: 'TL-SG2210P',
    product: '1.1.25',
    firmware: '2.0.5 Build 20200109 Rel.63218',
    copperPorts: 8,
    fiberPorts: 2,
    fiberMbps: 1000,
  },
} as const satisfies Record<string, DeviceModel>;

export type SwitchModelKey = keyof typeof SWITCH_MODELS;

export interface AcModel extends DeviceModel {
  readonly vendor: AcVendor;
  /** AP models this controller's APs are drawn from. */
  readonly apModels: readonly string[];
}

export const AC_MODELS: Readonly<Record<'huaweiCounty' | AcVendor, AcModel>> = {
  huaweiCounty: {
    vendor: 'huawei',
    model: 'AC6605-26-PWR',
    product: '2.240.6',
    firmware: 'V200R019C00SPC500',
    copperPorts: 24,
    fiberPorts: 2,
    fiberMbps: 10_000,
    apModels: ['AirEngine5760-10', 'AP4050DN', 'AP2051DN'],
  },
  huawei: {
    vendor: 'huawei',
    model: 'AC6508',
    product: '2.240.17',
    firmware: 'V200R019C00SPC500',
    copperPorts: 8,
    fiberPorts: 2,
    fiberMbps: 1000,
    apModels: ['AirEngine5760-10', 'AP4050DN'],
  },
  h3c: {
    vendor: 'h3c',
    model: 'WX2540H',
    product: '1.1.2.1.1.1863',
    firmware: 'Release 5435P02',
    copperPorts: 8,
    fiberPorts: 2,
    fiberMbps: 1000,
    apModels: ['WA6320', 'WA5530'],
  },
  ruijie: {
    vendor: 'ruijie',
    model: 'WS6008',
    product: '1.1.10.1.1735',
    firmware: 'AC_RGOS 11.9(6)W3B4',
    copperPorts: 8,
    fiberPorts: 2,
    fiberMbps: 1000,
    apModels: ['RG-AP820-L(V3)', 'RG-AP720-L'],
  },
};

export function sysObjectIdOf(model: DeviceModel): string {
  return `1.3.6.1.4.1.${VENDORS[model.vendor].enterprise}.${model.product}`;
}
