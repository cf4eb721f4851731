import { AdminClient } from '../demo/admin-client';
import { connectionFlags, parseFlags, UsageError } from './cli-options';

interface Verification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * `audit:verify [--anchor <seq>:<hash>]`: has the running centre re-hash its whole audit chain.
 * Prints the head to keep as the next anchor; exits 1 naming the first broken row.
 * Works with the admin token or a session token of a user holding `audit.read`.
 */
export async function auditVerifyCommand(argv: string[]): Promise<void> {
  const { values } = parseFlags(argv, { url: { type: 'string' }, token: { type: 'string' }, anchor: { type: 'string' } });
  if (values.anchor !== undefined && !/^\d+:[0-9a-f]{64}$/.test(values.anchor)) {
    throw new UsageError('--anchor must be <seq>:<64 hex digits>, as printed by an earlier audit:verify');
  }
  const { url, token } = connectionFlags(values);
  const query = values.anchor ? `?anchor=${encodeURIComponent(values.anchor)}` : '';
  const result = await new AdminClient(url, token).call<Verification>('GET', `/api/v1/audit/verify${query}`);
  if (!result.ok) {
    const broken = result.firstBroken!;
    throw new Error(`audit chain BROKEN at row ${broken.seq}: ${broken.reason} (${result.checked} rows checked)`);
  }
  const head = result.head ? `head ${result.head.seq}:${result.head.hash}` : 'empty log';
  console.log(`audit chain intact: ${result.checked} rows verified; ${head}`);
}
