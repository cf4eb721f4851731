import { parseArgs, ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

/** Parses a command's flags strictly: an unknown flag or a bad number is named, not ignored. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Where the centre is and how to authenticate as its administrator. */
export function connectionFlags(values: { url?: string | boolean; token?: string | boolean }) {
  const url = (typeof values.url === 'string' ? values.url : undefined) ?? process.env.API_URL ?? 'http://localhost:3000';
  const token = (typeof values.token === 'string' ? values.token : undefined) ?? process.env.ADMIN_TOKEN;
  if (!token) throw new UsageError('an admin token is needed: --token <token> or ADMIN_TOKEN');
  return { url: url.replace(/\/$/, ''), token };
}
