/**
 * Tells "the database is not there" (answer 503, retry later) from a real failure (a bug: 500).
 * Covers socket errors, pool timeouts, and PostgreSQL's connection and shutdown classes.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const MESSAGE_HINTS = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
  'terminating connection',
  'the database system is',
  'Cannot use a pool after calling end',
  'Client was closed',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    // 08xxx connection exceptions, 57P0x operator intervention (shutdown, cannot connect now).
    if (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[1-4]$/.test(code)) return true;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (MESSAGE_HINTS.some((hint) => message.includes(hint))) return true;
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}

export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('database unavailable', { cause });
  }
}
