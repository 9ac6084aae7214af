import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * TEST ONLY. A real SMTP server on 127.0.0.1 (smtp-server) that keeps every message it
 * accepts, parsed with mailparser; it can refuse the next messages with a reply of our choice.
 */
export interface SmtpSink {
  readonly port: number;
  /** Accepted messages, in order. */
  readonly received: ParsedMail[];
  /** Refuses the next `count` messages at RCPT TO with `code` (e.g. 451, temporary). */
  refuseNext(count: number, code?: number): void;
  close(): Promise<void>;
}

export const SINK_USER = 'xiaowang';
export const SINK_PASSWORD = 'sink-password-0123456789';

/** Listens on `port` (0: a free one), so a test can bring a server back where one was down. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  let refuse = { count: 0, code: 451 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SINK_USER && auth.password === SINK_PASSWORD) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Invalid login'), { responseCode: 535 }));
      }
    },
    onRcptTo(_address, _session, callback) {
      if (refuse.count > 0) {
        refuse = { ...refuse, count: refuse.count - 1 };
        callback(
          Object.assign(new Error('Mailbox busy, try later'), { responseCode: refuse.code }),
        );
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    port: bound,
    received,
    refuseNext(count, code = 451) {
      refuse = { count, code };
    },
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}
