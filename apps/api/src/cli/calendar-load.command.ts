import { readFileSync } from 'node:fs';
import { AdminClient } from '../demo/admin-client';
import { connectionFlags, parseFlags, UsageError } from './cli-options';

/**
 * `calendar:load <file.json>`: loads a year's holiday calendar (holiday-cn format) into the running
 * centre, which recomputes every open clock the year can move. No redeploy.
 */
export async function calendarLoadCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, { url: { type: 'string' }, token: { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: calendar:load <YYYY.json> [--url URL] [--token TOKEN]');
  let body: { year?: unknown };
  try {
    body = JSON.parse(readFileSync(file, 'utf8')) as { year?: unknown };
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  if (typeof body.year !== 'number') throw new UsageError(`${file}: "year" must be a number`);
  const { url, token } = connectionFlags(values);
  const result = await new AdminClient(url, token).call<{ year: number; published: boolean }>('PUT', `/api/v1/calendars/${body.year}`, body);
  console.log(`calendar ${result.year} loaded (${result.published ? 'published' : 'empty: still provisional'}); open clocks are being recomputed`);
}
