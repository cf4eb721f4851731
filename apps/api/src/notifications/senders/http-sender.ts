import { Inject, Injectable } from '@nestjs/common';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OutboundRequest } from '../outbound-formats';
import { OutboundAddressPolicy, RefusedAddressError } from './outbound-address-policy';
import { failed, SendOutcome, sent } from './send-outcome';

/** Robots answer a few dozen bytes; a receiver that streams more is not read further. */
const MAX_RESPONSE_BYTES = 16_384;

/**
 * POSTs one request with a hard deadline that covers connecting, the answer and its body: a slow or
 * dead endpoint costs at most the timeout, never a stuck worker. Redirects are not followed (a
 * robot URL that redirects is misconfigured, and following could lead anywhere).
 *
 * Only public addresses are connected to (OutboundAddressPolicy), checked on the address the socket
 * connects to, not on the name: a channel cannot make the server call itself, its intranet or the
 * cloud's metadata service. The delivery log gets the status (and a robot's errcode), never the
 * receiver's words.
 */
@Injectable()
export class HttpSender {
  private readonly policy: OutboundAddressPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = new OutboundAddressPolicy(config.notifications.allowedPrivateAddresses);
  }

  async send(request: OutboundRequest, timeoutMs: number): Promise<SendOutcome> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failed('the target is not a URL', { permanent: true });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return failed(`refused: ${url.protocol} is not http(s)`, { permanent: true });
    const literal = this.policy.literalRefusal(url);
    if (literal) return failed(`refused: ${literal}`, { permanent: true });
    try {
      const { status, text } = await this.post(url, request, timeoutMs);
      return judge(request, status, text);
    } catch (error) {
      const e = error as Error & { code?: string };
      if (e instanceof RefusedAddressError) return failed(`refused: ${e.message}`, { permanent: true });
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return failed(`no answer within ${timeoutMs} ms`);
      return failed(e.code ?? e.message);
    }
  }

  private post(url: URL, request: OutboundRequest, timeoutMs: number): Promise<{ status: number; text: string }> {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(request.body, 'utf8');
    return new Promise((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: { ...request.headers, 'content-length': String(body.byteLength) },
          signal: AbortSignal.timeout(timeoutMs),
          lookup: this.policy.lookup,
          // A fresh connection each time: a pooled socket would skip the address check of its lookup.
          agent: false,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (request.judge !== 'errcode' || status < 200 || status >= 300) {
            // The status is the answer; the body is not read (nor waited for).
            response.destroy();
            return resolve({ status, text: '' });
          }
          readBounded(response).then((text) => resolve({ status, text }), reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

function judge(request: OutboundRequest, status: number, text: string): SendOutcome {
  if (status >= 300 && status < 400) return failed(`HTTP ${status}: redirects are not followed`, { httpStatus: status, permanent: true });
  if (status < 200 || status >= 300) {
    // Timeouts, throttling and server errors pass; any other refusal will refuse again.
    const transient = status === 408 || status === 425 || status === 429 || status >= 500;
    return failed(`HTTP ${status}`, { httpStatus: status, permanent: !transient });
  }
  if (request.judge === 'status') return sent(status);
  let answer: { errcode?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return failed('robot answered without JSON', { httpStatus: status });
  }
  if (answer.errcode === 0) return sent(status);
  // The errcode is the robot's status; its errmsg is the remote's text and stays out of the log.
  const code = typeof answer.errcode === 'number' ? String(answer.errcode) : 'missing';
  return failed(`robot errcode ${code}`, { httpStatus: status });
}

function readBounded(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= MAX_RESPONSE_BYTES) {
        response.destroy();
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}
