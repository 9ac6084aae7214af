import type { RouteDoc } from '../openapi/registry.ts';
import { apDocs } from './aps/openapi.ts';
import { deviceDocs } from './devices/openapi.ts';
import { uplinkDocs } from './uplinks/openapi.ts';

export const inventoryDocs: readonly RouteDoc[] = [...deviceDocs, ...apDocs, ...uplinkDocs];
