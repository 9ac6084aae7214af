import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Loopback-only helpers for tests: nothing here listens on or contacts another address. */

export const OPENSSL = '/usr/bin/openssl';

export async function canListenOn(host: '::1' | '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(0, host, () => server.close(() => resolve(true)));
  });
}

/** A port on `host` that nothing listens on (bound, read back, released). */
export async function closedPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SelfSigned {
  readonly key: string;
  readonly cert: string;
}

/** A throwaway certificate for `::1`, made by the system's openssl; undefined without one. */
export function makeSelfSignedForIpv6Loopback(): SelfSigned | undefined {
  if (!existsSync(OPENSSL)) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'xw-cert-'));
  try {
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      OPENSSL,
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
        .concat(['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=xiaowang-test'])
        .concat(['-addext', 'subjectAltName=IP:::1']),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface DnsStub {
  readonly port: number;
  readonly queries: string[];
  close(): Promise<void>;
}

function readQuestion(query: Buffer): { name: string; end: number; type: number } {
  const labels: string[] = [];
  let at = 12;
  while (at < query.length && query[at] !== 0) {
    const length = query[at] ?? 0;
    labels.push(query.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += length + 1;
  }
  const type = query.readUInt16BE(at + 1);
  return { name: labels.join('.'), end: at + 5, type };
}

/**
 * A DNS server on [::1] that answers AAAA queries from `records` and nothing else; with
 * `silent` it never answers, so a resolver times out.
 */
export async function startDnsStub(
  records: Readonly<Record<string, readonly number[]>>,
  silent = false,
): Promise<DnsStub> {
  const socket = dgram.createSocket('udp6');
  const queries: string[] = [];
  socket.on('message', (query, peer) => {
    const q = readQuestion(query);
    queries.push(q.name);
    if (silent) return;
    const rdata = q.type === 28 ? records[q.name] : undefined;
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    header.writeUInt16BE(rdata === undefined ? 0x8183 : 0x8180, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(rdata === undefined ? 0 : 1, 6);
    const parts = [header, query.subarray(12, q.end)];
    if (rdata !== undefined) {
      const answer = Buffer.from([0xc0, 0x0c, 0, 28, 0, 1, 0, 0, 0, 60, 0, 16]);
      parts.push(answer, Buffer.from(rdata));
    }
    socket.send(Buffer.concat(parts), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '::1', resolve));
  return {
    port: socket.address().port,
    queries,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

export interface UdpService {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A UDP service on 127.0.0.1 that is not SNMP, as a device's wrong port would be: it answers
 * every datagram with `reply` (by default the start of an NTP answer).
 */
export async function startOtherUdpService(
  reply: Uint8Array = Uint8Array.of(0x1c, 0x02, 0x03, 0xe8, 0, 0, 0, 0),
): Promise<UdpService> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (_query, peer) => socket.send(reply, peer.port, peer.address));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
