import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/**
 * A real SMTP server (smtp-server) on a free port that keeps every message it is handed, decoded
 * (RFC 2047 subjects, base64 / quoted-printable bodies), for assertions.
 */
export class SmtpMailbox {
  readonly mails: ReceivedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        this.mails.push({ ...parseMail(Buffer.concat(chunks).toString('utf8')), from, to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });

  static async start(): Promise<SmtpMailbox> {
    const mailbox = new SmtpMailbox();
    await new Promise<void>((resolve) => mailbox.server.listen(0, '127.0.0.1', resolve));
    return mailbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  async waitFor(predicate: (mail: ReceivedMail) => boolean, what: string, timeoutMs = 15_000): Promise<ReceivedMail> {
    return waitFor(async () => this.mails.find(predicate), what, timeoutMs);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body.replace(/=\r\n/g, ''))
        : body;
  return { subject: decodeWords(headers.subject ?? ''), text: text.replace(/\r\n/g, '\n'), headers };
}

/** RFC 2047 encoded words; adjacent ones are joined as bytes (a character may span two). */
function decodeWords(value: string): string {
  const parts: Buffer[] = [];
  let plain = '';
  const pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s*(?==\?))?/g;
  let last = 0;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
    plain += Buffer.concat(parts.splice(0)).toString('utf8') + value.slice(last, m.index);
    parts.push(m[2].toUpperCase() === 'B' ? Buffer.from(m[3], 'base64') : Buffer.from(decodeQuotedPrintable(m[3].replace(/_/g, ' ')), 'latin1'));
    last = pattern.lastIndex;
  }
  return plain + Buffer.concat(parts).toString('utf8') + value.slice(last);
}

function decodeQuotedPrintable(text: string): string {
  const bytes = Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}
