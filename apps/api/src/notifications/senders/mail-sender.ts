import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { failed, SendOutcome, sent } from './send-outcome';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  deliveryId: string;
}

/**
 * E-mail through the configured SMTP server (nodemailer, pooled). Every stage of the exchange has
 * the send timeout; a 5xx answer (unknown mailbox, refused sender) is permanent, anything else is
 * retried. Without SMTP_URL nothing can be sent, which is permanent too.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: MailMessage): Promise<SendOutcome> {
    const settings = this.config.notifications;
    if (!settings.smtpUrl) return failed('SMTP_URL is not set: e-mail cannot be sent', { permanent: true });
    const timeoutMs = settings.sendTimeoutMs;
    this.transport ??= nodemailer.createTransport(transportUrl(settings.smtpUrl, timeoutMs));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    });
    try {
      await Promise.race([
        this.transport.sendMail({
          from: settings.mailFrom,
          to: message.to,
          subject: message.subject,
          text: message.text,
          textEncoding: 'base64',
          headers: { 'X-Monitor-Delivery': message.deliveryId },
        }),
        deadline,
      ]);
      return sent();
    } catch (error) {
      const e = error as Error & { responseCode?: number; code?: string };
      const code = e.responseCode ?? null;
      const text = withoutPassword(code ? `SMTP ${code}: ${e.message}` : `${e.code ?? 'SMTP'}: ${e.message}`, settings.smtpUrl);
      return failed(text, { permanent: code !== null && code >= 500 });
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/**
 * The SMTP URL with pooling and the timeouts added as nodemailer's URL options (an operator's own
 * query options, e.g. `tls.rejectUnauthorized=false` for an intranet relay, are kept).
 */
function transportUrl(smtpUrl: string, timeoutMs: number): string {
  const url = new URL(smtpUrl);
  const defaults: Record<string, string> = {
    pool: 'true',
    maxConnections: '4',
    connectionTimeout: String(timeoutMs),
    greetingTimeout: String(timeoutMs),
    socketTimeout: String(timeoutMs),
  };
  for (const [key, value] of Object.entries(defaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return url.toString();
}

/** An SMTP error must not carry the relay's password into the attempt log. */
function withoutPassword(text: string, smtpUrl: string): string {
  const password = decodeURIComponent(new URL(smtpUrl).password);
  return password.length >= 3 ? text.split(password).join('***') : text;
}
