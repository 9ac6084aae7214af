/* Requests for every operation of the OpenAPI document, by every kind of caller. */
import type { Rand } from './fuzz-gen.ts';
import {
  deepNesting,
  hostileStrings,
  HOSTILE_STRINGS,
  hugeArray,
  invalidUtf8Body,
  NOT_JSON,
  pick,
  sample,
  setAt,
} from './fuzz-gen.ts';
import type { FuzzWorld, Principal } from './fuzz-world.ts';

export type Schema = Parameters<typeof sample>[0];

export interface Op {
  readonly method: string;
  readonly path: string;
  readonly body?: Schema;
  readonly upload: boolean;
}

export interface FuzzRequest {
  readonly category: string;
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** Every operation the collector documents, with its JSON body schema if it takes one. */
export async function loadOps(world: FuzzWorld): Promise<Op[]> {
  const doc = await world.api.request<{
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
    >;
  }>('GET', '/api/openapi.json');
  return Object.entries(doc.body.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        path,
        ...(json === undefined ? {} : { body: json }),
        upload: Object.keys(content).some((type) => type !== 'application/json'),
      };
    }),
  );
}

/** Stands for 3,000 nested arrays, put into the JSON text (JSON.stringify would overflow). */
export const NEST = '__NEST__';
export const nest = (json: string, levels = 3000) => json.replace(`"${NEST}"`, deepNesting(levels));

const RESOURCE: Record<string, string> = {
  counties: 'county',
  towns: 'town',
  schools: 'school',
  rooms: 'room',
  devices: 'device',
  aps: 'ap',
  targets: 'target',
  users: 'user',
  agents: 'agent',
  'ap-rules': 'rule',
  recipients: 'recipient',
};

export const JUNK_IDS = [
  '0',
  '-1',
  '99999999',
  '9'.repeat(30),
  'abc',
  '1.5',
  '1e3',
  '1%20OR%201%3D1',
  '%3Cscript%3E',
  '..%2F..%2Fetc',
  '%00',
];

/** The API request generator over `world`'s ids and the documented operations. */
export function apiRequests(world: FuzzWorld, ops: readonly Op[]) {
  /** A path for `template`: own ids, the other county's, ones that do not exist, junk. */
  function fillPath(template: string, rand: Rand, county: 'A' | 'B' | 'junk'): string {
    const parts = template.split('/');
    return parts
      .map((part, i) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (m === null) return part;
        if (county === 'junk') return pick(rand, JUNK_IDS);
        const kind =
          m[1] === 'id'
            ? RESOURCE[parts[i - 1] ?? '']
            : (RESOURCE[`${m[1]?.replace(/Id$/, '')}s`] ??
              (m[1] === 'ruleId' ? 'rule' : 'recipient'));
        const ids = world.ids[county][kind ?? ''] ?? [];
        return ids.length === 0 ? '99999999' : String(pick(rand, ids));
      })
      .join('/');
  }

  const idFor = (rand: Rand, county: 'A' | 'B') => (prop: string) => {
    const kind = prop === 'id' ? 'county' : prop.replace(/Id$/, '');
    const ids = world.ids[county][kind] ?? world.ids[county]['county'] ?? [1];
    return pick(rand, ids);
  };

  function wrongFor(schema: Schema | undefined, rand: Rand): unknown {
    const type = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
    const choices: Record<string, unknown[]> = {
      string: [123, {}, [], true, NEST],
      integer: ['x', 1.5, {}, [], true, -1e308, 2 ** 63],
      number: ['x', {}, [], true],
      boolean: ['yes', 1, {}, []],
      array: [{}, 'x', 1, hugeArray(30_000).map(String)],
      object: ['x', 1, [], true],
    };
    const list = choices[type ?? ''] ?? [NEST];
    return pick(rand, list);
  }

  /** A body the operation cannot accept: wrong type, nesting, non-JSON, invalid UTF-8. */
  function invalidBody(
    op: Op,
    rand: Rand,
    county: 'A' | 'B',
  ): { body: string | Uint8Array; label: string } {
    const schema = op.body;
    const base = schema === undefined ? {} : sample(schema, rand, idFor(rand, county));
    const roll = rand();
    if (roll < 0.15) return { body: pick(rand, NOT_JSON.slice(1, 8)), label: 'not-json' };
    if (roll < 0.25) return { body: `{"x":${deepNesting(20_000)}}`, label: 'deep-nesting' };
    if (schema?.properties !== undefined && Object.keys(schema.properties).length > 0) {
      const [key, sub] = pick(rand, Object.entries(schema.properties));
      const body = setAt(base, [key], wrongFor(sub, rand));
      if (roll < 0.35)
        return {
          body: invalidUtf8Body(nest(JSON.stringify(body))),
          label: `invalid-utf8+wrong-type:${key}`,
        };
      return { body: nest(JSON.stringify(body)), label: `wrong-type:${key}` };
    }
    return { body: nest(JSON.stringify(wrongFor(schema, rand))), label: 'wrong-root-type' };
  }

  const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
  /** Valid-shaped but hostile bodies only where a success creates or reads, never destroys. */
  const HOSTILE_OK =
    /^(POST \/api\/v1\/(counties|towns|schools|rooms)|POST \/api\/v1\/counties\/\{id\}\/(ap-rules|digest\/recipients|users|targets)|PATCH \/api\/v1\/(counties|towns|schools|rooms)\/\{id\}|PUT \/api\/v1\/session\/lang)$/;

  function apiRequest(rand: Rand): FuzzRequest {
    const op = pick(
      rand,
      ops.filter((o) => !['/api/v1/session', '/api/v1/enroll', '/api/v1/reports'].includes(o.path)),
    );
    const principal: Principal = pick(rand, world.principals);
    const key = `${op.method} ${op.path}`;
    const unsafe = UNSAFE.has(op.method);
    // A caller allowed to change county A only ever sends what must be refused, or aims at B.
    const guarded = principal.privileged && unsafe;
    let county: 'A' | 'B' | 'junk' = pick(rand, ['A', 'B', 'junk'] as const);
    if (guarded && op.body === undefined && !op.upload && county === 'A') county = 'B';
    const path = fillPath(op.path, rand, county);
    const headers: Record<string, string> = {
      ...principal.headers,
      'accept-language': rand() < 0.8 ? 'en' : 'zh-CN',
    };
    const query =
      rand() < 0.3
        ? `?${pick(rand, ['date=yesterday', 'countyId=abc', 'date=2026-13-45', "format=xlsx'--", 'indicator=<x>', 'attributed=maybe', 'days=99999999', 'schoolId=-1'])}`
        : '';
    if (!unsafe)
      return {
        category: 'api',
        label: `${key} as ${principal.name}`,
        method: op.method,
        path: path + query,
        headers,
      };
    if (op.upload) {
      headers['content-type'] = pick(rand, [
        'text/csv',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
      ]);
      const body = pick(rand, [
        '乡镇,学校\n' + HOSTILE_STRINGS.slice(0, 6).join(',') + '\n',
        '\xff\xfe\x00garbage',
        '--x\r\nContent-Disposition: form-data; name="nofile"\r\n\r\nx\r\n--x--\r\n',
      ]);
      return {
        category: 'api',
        label: `${key} upload as ${principal.name}`,
        method: op.method,
        path,
        headers,
        body,
      };
    }
    if (op.body === undefined)
      return {
        category: 'api',
        label: `${key} as ${principal.name}`,
        method: op.method,
        path,
        headers,
      };
    headers['content-type'] =
      rand() < 0.9
        ? 'application/json'
        : pick(rand, ['text/plain', 'application/x-www-form-urlencoded']);
    const owned: 'A' | 'B' = county === 'B' ? 'B' : 'A';
    if (!guarded || (HOSTILE_OK.test(key) && rand() < 0.5)) {
      if (rand() < 0.4) {
        const body = hostileStrings(sample(op.body, rand, idFor(rand, owned)), rand);
        return {
          category: 'api',
          label: `${key} hostile strings as ${principal.name}`,
          method: op.method,
          path,
          headers,
          body: JSON.stringify(body),
        };
      }
    }
    const bad = invalidBody(op, rand, owned);
    headers['content-type'] = 'application/json';
    return {
      category: 'api',
      label: `${key} ${bad.label} as ${principal.name}`,
      method: op.method,
      path,
      headers,
      body: bad.body,
    };
  }

  return apiRequest;
}
