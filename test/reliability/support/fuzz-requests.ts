import type { Report } from '@xiaowang/shared';
import { goldenReport } from '../../../collector/src/testing/agent-factory.ts';
import type { FuzzRequest } from './fuzz-api.ts';
import { JUNK_IDS, NEST, nest } from './fuzz-api.ts';
import type { Rand } from './fuzz-gen.ts';
import {
  DELETE,
  hostileStrings,
  HOSTILE_STRINGS,
  invalidUtf8Body,
  leafPaths,
  NOT_JSON,
  pick,
  setAt,
  WRONG_VALUES,
} from './fuzz-gen.ts';
import type { FuzzWorld } from './fuzz-world.ts';
import { FUZZ_PASSWORD } from './fuzz-world.ts';

/* Hostile agents' reports, sign-ins, enrollments and dashboard pages. */

export function otherRequests(world: FuzzWorld) {
  function withId(report: Report): Report {
    return { ...report, reportId: goldenReport().reportId };
  }

  function reportRequest(rand: Rand): FuzzRequest {
    const good = goldenReport();
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    let headers: Record<string, string> = {
      ...bearer(world.a.token),
      'content-type': 'application/json',
      'accept-language': 'en',
    };
    let body: unknown = good;
    let label: string;
    const roll = Math.floor(rand() * 14);
    switch (roll) {
      case 0: {
        const leaf = pick(rand, leafPaths(good));
        body = setAt(good, leaf, pick(rand, WRONG_VALUES));
        label = `wrong type at ${leaf.join('.')}`;
        break;
      }
      case 1: {
        const leaf = pick(rand, leafPaths(good));
        body = setAt(good, leaf, DELETE);
        label = `missing ${leaf.join('.')}`;
        break;
      }
      case 2:
        body = {
          ...good,
          devices: good.devices.map((d) =>
            d.outcome === 'ok' ? { ...d, snapshot: hostileStrings(d.snapshot, rand) } : d,
          ),
        };
        label = 'hostile strings in every device string';
        break;
      case 3:
        body = {
          ...good,
          devices: good.devices.map((d) => ({
            ...d,
            target: { ...d.target, school: world.b.schools[0]?.code ?? 'x' },
          })),
        };
        label = "another county's school";
        break;
      case 4:
        body = world.sentByA;
        headers = { ...headers, ...bearer(world.b.token) };
        label = "replayed report id of another county's agent";
        break;
      case 5:
        body = world.sentByA;
        label = 'replayed report id';
        break;
      case 6: {
        const p = pick(
          rand,
          world.principals.filter((x) => x.name !== 'agent-A-token'),
        );
        headers = { 'content-type': 'application/json', 'accept-language': 'en', ...p.headers };
        label = `report as ${p.name}`;
        break;
      }
      case 7: {
        const error = good.devices.find((d) => d.outcome === 'error');
        body = {
          ...good,
          devices: Array.from({ length: 5001 }, (_, i) => ({
            ...error,
            target: { name: `d${i}`, address: '10.0.0.1', port: (i % 65535) + 1 },
          })),
        };
        label = '5,001 devices';
        break;
      }
      case 8:
        return {
          category: 'report',
          label: 'deeply nested host.tried',
          method: 'POST',
          path: '/api/v1/reports',
          headers,
          body: nest(JSON.stringify({ ...good, host: { ...good.host, tried: NEST } }), 5000),
        };
      case 9:
        return {
          category: 'report',
          label: 'invalid UTF-8 in a device name',
          method: 'POST',
          path: '/api/v1/reports',
          headers,
          body: invalidUtf8Body(JSON.stringify(withId(good))),
        };
      case 10:
        return {
          category: 'report',
          label: 'not JSON',
          method: 'POST',
          path: '/api/v1/reports',
          headers,
          body: pick(rand, NOT_JSON),
        };
      case 11:
        body = { ...good, schemaVersion: pick(rand, [2, 0, '1', null]) };
        label = 'schemaVersion';
        break;
      case 12:
        body = { ...good, devices: [...good.devices, good.devices[0]] };
        label = 'the same device twice';
        break;
      default:
        body = setAt(
          good,
          ['devices', 0, 'snapshot', 'interfaces', 0, 'inOctets'],
          pick(rand, ['18446744073709551616', '-1', '1e3', '0x10', '99999999999999999999999']),
        );
        label = 'counter out of range';
    }
    return {
      category: 'report',
      label,
      method: 'POST',
      path: '/api/v1/reports',
      headers,
      body: JSON.stringify(body),
    };
  }

  function signInRequest(rand: Rand): FuzzRequest {
    const username = pick(rand, [
      'fuzz-admin-a',
      'FUZZ-ADMIN-A ',
      'nobody',
      ...HOSTILE_STRINGS.slice(0, 8),
    ]);
    const password = pick(rand, [
      FUZZ_PASSWORD.toUpperCase(),
      '',
      "' OR 1=1 --",
      'x'.repeat(5000),
      12345,
    ]);
    const body = rand() < 0.8 ? JSON.stringify({ username, password }) : pick(rand, NOT_JSON);
    return {
      category: 'sign-in',
      label: `sign in as ${JSON.stringify(username).slice(0, 40)}`,
      method: 'POST',
      path: '/api/v1/session',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body,
    };
  }

  function enrollRequest(rand: Rand): FuzzRequest {
    const code = pick(rand, [
      'ABCD-EFGH-JKMN-PQRS',
      'abcd',
      '',
      ...HOSTILE_STRINGS.slice(0, 6),
      12345,
      null,
    ]);
    const body =
      rand() < 0.8
        ? JSON.stringify({ code, hostname: pick(rand, HOSTILE_STRINGS.slice(0, -1)) })
        : pick(rand, NOT_JSON);
    return {
      category: 'enroll',
      label: 'enroll',
      method: 'POST',
      path: '/api/v1/enroll',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body,
    };
  }

  function pageRequest(rand: Rand): FuzzRequest {
    const principal = pick(rand, world.principals);
    const id = () =>
      pick(rand, [
        ...JUNK_IDS,
        ...Object.values(world.ids.B).flat().map(String),
        ...Object.values(world.ids.A).flat().map(String),
      ]);
    const path = pick(rand, [
      '/',
      '/login',
      `/counties/${id()}`,
      `/towns/${id()}`,
      `/schools/${id()}`,
      `/devices/${id()}`,
      `/schools/${id()}/evidence/${pick(rand, ['uplink_1000m', '<x>', 'room_coverage'])}?date=${pick(rand, ['2026-11-27', 'x'])}`,
      `/admin/counties/${id()}`,
      `/admin/counties/${id()}/users`,
      `/lang/${pick(rand, ['en', 'xx', '..'])}`,
    ]);
    if (rand() < 0.3) {
      // Forms posted without the session's CSRF token: refused, whoever sends them.
      const form = pick(rand, [
        `/admin/counties/${id()}/users`,
        `/schools/${id()}/uplink`,
        '/logout',
        `/admin/counties/${id()}/targets/apply-preset`,
        '/login',
      ]);
      const headers: Record<string, string> = {
        cookie: principal.headers['cookie'] ?? '',
        'content-type': 'application/x-www-form-urlencoded',
      };
      return {
        category: 'page',
        label: `POST ${form} without CSRF as ${principal.name}`,
        method: 'POST',
        path: form,
        headers,
        body: `username=${encodeURIComponent(pick(rand, HOSTILE_STRINGS.slice(0, 8)))}&password=x&preset=chengkou`,
      };
    }
    return {
      category: 'page',
      label: `GET ${path} as ${principal.name}`,
      method: 'GET',
      path,
      headers: { ...principal.headers },
    };
  }

  return { reportRequest, signInRequest, enrollRequest, pageRequest };
}
