import { connect } from 'node:net';

/*
 * Requests that are not HTTP as a browser or an agent would send it, written straight to
 * the socket: what Node's parser and Hono answer before any route sees them.
 */

const CRLF = '\r\n';
const REPORT = '/api/v1/reports';

export const RAW_REQUESTS: readonly string[] = [
  `GARBAGE${CRLF}${CRLF}`,
  `GET / HTTP/9.9${CRLF}${CRLF}`,
  `GET /${'a'.repeat(20_000)} HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
  `GET / HTTP/1.1${CRLF}Host: x${CRLF}X-Big: ${'b'.repeat(20_000)}${CRLF}${CRLF}`,
  `GET / HTTP/1.1${CRLF}Host: x${CRLF}Bad\u0000Header: 1${CRLF}${CRLF}`,
  `POST ${REPORT} HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 10${CRLF}Content-Length: 20${CRLF}${CRLF}0123456789`,
  `POST ${REPORT} HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 5${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}0${CRLF}${CRLF}`,
  `POST ${REPORT} HTTP/1.1${CRLF}Host: x${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}zz${CRLF}garbage${CRLF}`,
  `POST ${REPORT} HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: -1${CRLF}${CRLF}`,
  `POST ${REPORT} HTTP/1.1${CRLF}Host: x${CRLF}Authorization: Bearer xw_${'A'.repeat(43)}${CRLF}Content-Type: application/json${CRLF}Content-Length: 100000${CRLF}${CRLF}{"truncated":`,
  `POST /api/v1/session HTTP/1.1${CRLF}Host: x${CRLF}Content-Type: application/json${CRLF}Content-Length: 4${CRLF}${CRLF}\u00ff\u00fe{}`,
  `GET /api/v1/counties/%E0%A4%A HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
  `GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
  `OPTIONS * HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
  `TRACE / HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
  `GET /api/v1/health HTTP/1.1${CRLF}Host: x${CRLF}Cookie: xw_session=${'c'.repeat(8000)}${CRLF}${CRLF}`,
];

/** Sends `raw`, returns the status of the answer (0 when the server just closed). */
export function sendRaw(port: number, raw: string, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = (status: number) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => done(0), timeoutMs);
    socket.on('error', () => done(0));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      if (m !== null) done(Number(m[1]));
    });
    socket.on('close', () => done(0));
    socket.write(Buffer.from(raw, 'latin1'));
    // A truncated body is left hanging: the server must time it out or answer, not crash.
    if (raw.includes('"truncated"')) setTimeout(() => socket.end(), 200);
  });
}
