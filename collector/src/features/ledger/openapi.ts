import type { RouteDoc } from '../openapi/registry.ts';
import { ledgerOutput, ledgerQuery } from './schema.ts';

/** One entry per route in ledger/routes.ts. */
export const ledgerDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/ledger',
    summary:
      'Schools not meeting a target in force, or unknown, on a date (台账); format=csv|xlsx for a file',
    tag: 'ledger',
    auth: 'admin',
    query: ledgerQuery,
    response: { status: 200, schema: ledgerOutput },
  },
];
