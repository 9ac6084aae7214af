import type { RouteDoc } from '../../openapi/registry.ts';
import { idParams, listOf } from '../common-schema.ts';
import * as s from './schema.ts';

const V1 = '/api/v1';
const base = { tag: 'inventory', auth: 'admin', params: idParams } as const;

/** One entry per route in devices/routes.ts. */
export const deviceDocs: readonly RouteDoc[] = [
  {
    ...base,
    method: 'get',
    path: `${V1}/schools/{id}/devices`,
    summary: "A school's devices: model, serial, firmware, role, last poll outcome",
    response: { status: 200, schema: listOf(s.deviceOutput) },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/counties/{id}/devices`,
    summary: "A county's devices, county-level ones (schoolId null) included",
    response: { status: 200, schema: listOf(s.deviceOutput) },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/devices/{id}`,
    summary: 'A device with its interfaces, IPv6 addresses and LLDP neighbours',
    response: { status: 200, schema: s.deviceDetailOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/devices/{id}/interfaces`,
    summary: "A device's interfaces as last polled",
    response: { status: 200, schema: listOf(s.interfaceOutput) },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/devices/{id}/history`,
    summary: 'Changes of model, serial, firmware and identity, newest first',
    response: { status: 200, schema: listOf(s.deviceHistoryOutput) },
  },
];
