import { Injectable } from '@nestjs/common';
import { OutboundRequest } from '../outbound-formats';
import { failed, SendOutcome, sent } from './send-outcome';

/** Robots answer a few dozen bytes; a receiver that streams more is not read further. */
const MAX_RESPONSE_BYTES = 16_384;

/**
 * POSTs one request with a hard deadline that covers connecting, the answer and its body: a slow or
 * dead endpoint costs at most the timeout, never a stuck worker. Redirects are not followed (a
 * robot URL that redirects is misconfigured, and following could lead anywhere).
 */
@Injectable()
export class HttpSender {
  async send(request: OutboundRequest, timeoutMs: number): Promise<SendOutcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'manual', signal });
      const text = request.judge === 'errcode' ? await readBounded(response) : (await response.body?.cancel(), '');
      return judge(request, response.status, text);
    } catch (error) {
      const e = error as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return failed(`no answer within ${timeoutMs} ms`);
      return failed(e.cause?.code ?? e.cause?.message ?? e.message);
    }
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
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return failed('robot answered without JSON', { httpStatus: status });
  }
  if (answer.errcode === 0) return sent(status);
  return failed(`robot errcode ${String(answer.errcode)}: ${(typeof answer.errmsg === 'string' ? answer.errmsg : '').slice(0, 200)}`, { httpStatus: status });
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_RESPONSE_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
