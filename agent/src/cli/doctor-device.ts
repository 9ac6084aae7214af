import PQueue from 'p-queue';
import type { Message } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import type { DeviceConfig } from '../config/schema.ts';
import type { ClientFactory } from '../poll/poll-device.ts';
import type { SnmpClient } from '../snmp/client.ts';
import type { SnmpCredentials } from '../snmp/credentials.ts';
import type { SnmpError } from '../snmp/errors.ts';
import { PORT_SETTING, snmpError } from '../snmp/errors.ts';
import { asBytes, asOidText } from '../snmp/varbind.ts';
import { decodeText } from '../text/decode.ts';
import type { CheckResult } from './doctor-checks.ts';
import { errorText, msg } from './doctor-checks.ts';

const SYS_OBJECT_ID = '1.3.6.1.2.1.1.2.0';
const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const MAX_DEVICE_TEXT = 200;

const TABLES = [
  { name: 'ifXTable', oid: '1.3.6.1.2.1.31.1.1.1', effect: 'doctor.table.ifXTable' },
  { name: 'ipAddressTable', oid: '1.3.6.1.2.1.4.34.1', effect: 'doctor.table.ipAddressTable' },
  { name: 'LLDP', oid: '1.0.8802.1.1.2.1.4.1.1', effect: 'doctor.table.lldp' },
  { name: 'ENTITY', oid: '1.3.6.1.2.1.47.1.1.1.1', effect: 'doctor.table.entity' },
] as const;

const V3_OPTION_KEYS: Readonly<Record<string, string>> = {
  user: 'user',
  level: 'level',
  'auth-key': 'authKey',
  'auth-protocol': 'authProtocol',
  'priv-key': 'privKey',
  'priv-protocol': 'privProtocol',
};

/** The SNMP client names command-line options; in the doctor the setting is a config key. */
export function configSetting(setting: string | undefined, credentials: string): string {
  const base = `credentials.${credentials}`;
  return (setting ?? '--v3-*').replace(/--v3-([a-z*-]+)/g, (_whole, option: string) => {
    const key = V3_OPTION_KEYS[option];
    return key === undefined ? base : `${base}.${key}`;
  });
}

interface Where {
  readonly index: number;
  readonly device: DeviceConfig;
  readonly credentials: SnmpCredentials;
}

function failure(where: Where, error: SnmpError): CheckResult {
  const { device } = where;
  const at = { name: device.name, host: device.host, port: device.port };
  const id = `device.${where.index}.snmp`;
  if (error.code === 'TIMEOUT' && error.setting === PORT_SETTING) {
    return {
      id,
      status: 'fail',
      message: msg('doctor.device.notSnmp', { ...at, detail: error.message }),
      advice: msg('doctor.device.notSnmpFix', {
        setting: `devices[${where.index}].port`,
        port: device.port,
      }),
    };
  }
  switch (error.code) {
    case 'TIMEOUT':
    case 'DEADLINE': {
      const key =
        where.credentials.version === '3'
          ? 'doctor.device.timeoutFixV3'
          : 'doctor.device.timeoutFix';
      return {
        id,
        status: 'fail',
        message: msg('doctor.device.timeout', at),
        advice: msg(key, { credentials: device.credentials, port: device.port }),
      };
    }
    case 'AUTH':
      return {
        id,
        status: 'fail',
        message: msg('doctor.device.auth', { ...at, detail: error.message }),
        advice: msg('doctor.device.authFix', {
          setting: configSetting(error.setting, device.credentials),
        }),
      };
    case 'UNREACHABLE':
      return {
        id,
        status: 'fail',
        message: msg('doctor.device.unreachable', { ...at, detail: error.message }),
        advice: msg('doctor.device.unreachableFix'),
      };
    default:
      return {
        id,
        status: 'fail',
        message: msg('doctor.device.error', { ...at, detail: error.message }),
        advice: msg('doctor.device.errorFix'),
      };
  }
}

async function checkTables(client: SnmpClient, where: Where): Promise<CheckResult> {
  const answered: string[] = [];
  const missing: Message[] = [];
  for (const table of TABLES) {
    // One row is enough to know the table answers; the row cap "error" is expected.
    const walk = await client.walk(table.oid, { maxRows: 1 });
    if (walk.varbinds.length > 0) answered.push(table.name);
    else missing.push(msg(table.effect));
  }
  const id = `device.${where.index}.tables`;
  const name = where.device.name;
  if (missing.length === 0) {
    return {
      id,
      status: 'pass',
      message: msg('doctor.tables.all', { name, tables: answered.join(', ') }),
    };
  }
  const missingNames = TABLES.filter((t) => !answered.includes(t.name)).map((t) => t.name);
  return {
    id,
    status: 'warn',
    message: msg('doctor.tables.some', {
      name,
      answered: answered.join(', ') || '-',
      missing: missingNames.join(', '),
    }),
    advice: msg('doctor.tables.fix'),
    details: missing,
  };
}

function deviceText(bytes: Uint8Array | undefined): string {
  return bytes === undefined ? '-' : decodeText(bytes).slice(0, MAX_DEVICE_TEXT);
}

/** Check 2 for one device: does it answer with these credentials, and which tables answer. */
async function checkOneDevice(where: Where, client: SnmpClient): Promise<CheckResult[]> {
  const { device } = where;
  const got = await client.get([SYS_OBJECT_ID, SYS_NAME]);
  if (got.error !== undefined) return [failure(where, got.error)];
  const [objectId, name] = got.varbinds;
  const at = { name: device.name, host: device.host, port: device.port };
  const identity: CheckResult =
    objectId === undefined && name === undefined
      ? {
          id: `device.${where.index}.snmp`,
          status: 'warn',
          message: msg('doctor.device.empty', at),
          advice: msg('doctor.device.emptyFix'),
        }
      : {
          id: `device.${where.index}.snmp`,
          status: 'pass',
          message: msg('doctor.device.ok', {
            ...at,
            sysName: deviceText(asBytes(name)),
            sysObjectID: asOidText(objectId) ?? '-',
          }),
        };
  return [identity, await checkTables(client, where)];
}

export interface DeviceChecksOptions {
  readonly clientFactory: ClientFactory;
  readonly now: () => number;
}

/** Runs check 2 for every configured device, a bounded number at a time, in config order. */
export async function checkDevices(
  loaded: LoadedConfig,
  options: DeviceChecksOptions,
): Promise<CheckResult[]> {
  const devices = loaded.config.devices;
  if (devices.length === 0) {
    return [
      {
        id: 'device',
        status: 'warn',
        message: msg('doctor.device.none'),
        advice: msg('doctor.device.noneFix'),
      },
    ];
  }
  const schedule = loaded.config.schedule;
  const queue = new PQueue({ concurrency: schedule.concurrency });
  const results = await Promise.all(
    devices.map((device, index) =>
      queue.add(async () => {
        const credentials = loaded.credentials.get(device.credentials);
        if (credentials === undefined) return [];
        const where = { index, device, credentials };
        let client: SnmpClient;
        try {
          client = options.clientFactory(device, credentials, {
            timeoutMs: schedule.requestTimeoutMs,
            retries: schedule.retries,
            maxRepetitions: 1,
            deadline: options.now() + schedule.deviceDeadlineSeconds * 1000,
          });
        } catch (error) {
          return [failure(where, snmpError('PROTOCOL', errorText(error)))];
        }
        try {
          return await checkOneDevice(where, client);
        } finally {
          client.close();
        }
      }),
    ),
  );
  return results.flat();
}
