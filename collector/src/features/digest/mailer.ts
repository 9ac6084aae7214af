import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../mail-config.ts';

/* The only file that talks to nodemailer: one SMTP sender, and the same message as an .eml file. */

export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Stable across retries of one delivery, so a client that sees it twice can drop one. */
  readonly messageId: string;
  readonly attachment: {
    readonly fileName: string;
    readonly content: Uint8Array;
    readonly contentType: string;
  };
  readonly lang: string;
}

export interface MailSender {
  /** Resolves once the server has accepted the message for every recipient. */
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
  close(): void;
}

const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** Sends over SMTP with the configured TLS and login; one connection per message. */
export function smtpSender(smtp: SmtpConfig): MailSender {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure && smtp.requireTls,
    ...(smtp.user === undefined
      ? {}
      : { auth: { user: smtp.user, pass: smtp.password?.reveal() ?? '' } }),
    ...TIMEOUTS,
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail(toMessage(mail));
      if (info.rejected.length > 0) {
        throw Object.assign(new Error(`recipient rejected: ${mail.to}`), { code: 'EENVELOPE' });
      }
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** The message exactly as it would be sent, for `digest --dry-run --out FILE.eml`. */
export async function buildEml(mail: OutgoingMail): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(toMessage(mail));
  if (!Buffer.isBuffer(info.message)) throw new Error('stream transport gave no buffer');
  return info.message;
}

function toMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'Content-Language': mail.lang,
    },
    attachments: [
      {
        filename: mail.attachment.fileName,
        content: Buffer.from(mail.attachment.content),
        contentType: mail.attachment.contentType,
      },
    ],
    // Everything is in memory: never let a field be read as a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export interface SendFailure {
  /** One line for the record and the dashboard, with any secret removed. */
  readonly text: string;
  /** The server, not this message, is the problem: wait before trying the others. */
  readonly serverWide: boolean;
}

const SERVER_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'EAUTH',
  'ENOAUTH',
  'ECONNREFUSED',
]);

export function describeFailure(error: unknown, secrets: readonly string[] = []): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  let message = typeof e.message === 'string' ? e.message : String(error);
  for (const secret of secrets) if (secret !== '') message = message.replaceAll(secret, '<secret>');
  message = message
    .replace(/[\p{Cc}]+/gu, ' ')
    .trim()
    .slice(0, 500);
  const text = [code, responseCode, message].filter((x) => x !== undefined).join(' ');
  const serverWide = responseCode === 421 || (code !== undefined && SERVER_CODES.has(code));
  return { text, serverWide };
}
