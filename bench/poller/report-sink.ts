// A collector stand-in for the poller bench: it takes the agent's report over HTTP on
// 127.0.0.1 and acknowledges it, so the agent's measured run includes delivering what it
// polled, as it does in production. It checks only the token; bench/poller.ts checks the
// values. It runs in the bench's own process, so the agent's CPU figure excludes it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReportSink {
  readonly url: string;
  /** Bodies received, in order, byte for byte. */
  readonly bodies: readonly Buffer[];
  close(): Promise<void>;
}

export async function startReportSink(token: string): Promise<ReportSink> {
  const bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      bodies.push(Buffer.concat(chunks));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ accepted: true, duplicate: false }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
