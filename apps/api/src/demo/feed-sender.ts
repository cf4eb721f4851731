import { CaseEventInput } from '@app/contracts';
import type { components } from '@app/contracts/generated/api-types';

/** The 202 answer as the OpenAPI document describes it (generated types: an API change breaks this sender's typecheck). */
type IngestResult = components['schemas']['IngestResult'];

export interface SendOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * Sends a department's events as a department system does: over HTTP with its key, retrying
 * while the centre answers 503 or is unreachable (a real sender must not drop facts).
 */
export class FeedSender {
  constructor(
    private readonly baseUrl: string,
    private readonly keys: ReadonlyMap<string, string>,
  ) {}

  async send(departmentCode: string, events: CaseEventInput[], maxAttempts = 10, signal?: AbortSignal): Promise<SendOutcome> {
    const key = this.keys.get(departmentCode);
    if (!key) throw new Error(`no key for department ${departmentCode}`);
    for (let attempt = 1; ; attempt++) {
      let status = 0;
      try {
        const response = await fetch(`${this.baseUrl}/api/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
          signal,
        });
        status = response.status;
        if (status === 202) {
          const body = (await response.json()) as IngestResult;
          return { accepted: body.accepted, duplicates: body.duplicates, rejected: body.rejected.length };
        }
        if (status !== 503 && status !== 429) throw new Error(`ingest answered ${status}: ${await response.text()}`);
      } catch (error) {
        if (signal?.aborted) throw error;
        if (status !== 0 && status !== 503 && status !== 429) throw error;
        if (attempt >= maxAttempts) throw error;
      }
      if (attempt >= maxAttempts) throw new Error(`ingest still unavailable after ${attempt} attempts (${status})`);
      await sleep(Math.min(10_000, 200 * 2 ** attempt), signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    }, { once: true });
  });
}
