import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { normaliseQueryCode } from '@app/contracts';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const SALT_BYTES = 16;
/** Compared against when a case has no code, so an unknown case costs the same work as a wrong code. */
const NO_HASH = Buffer.alloc(32);
const NO_SALT = Buffer.alloc(SALT_BYTES);

/**
 * Applicants' query codes (查询码) are kept only as HMAC-SHA256(server key, per-case salt ‖ case ‖ code).
 * An HMAC, not a slow password hash: it runs on the ingest hot path (a batch may carry a thousand
 * codes), and a short code's safety comes from the server key (a stolen database alone cannot be
 * searched offline) and the public route's rate limit, not from hashing cost.
 */
@Injectable()
export class QueryCodeHasher {
  private key: Buffer | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  newSalt(): Buffer {
    return randomBytes(SALT_BYTES);
  }

  hash(salt: Buffer, departmentCode: string, caseId: string, code: string): Buffer {
    return createHmac('sha256', this.keyBytes())
      .update(salt)
      .update(JSON.stringify([departmentCode, caseId, normaliseQueryCode(code)]))
      .digest();
  }

  /**
   * Always computes one HMAC and one constant-time comparison, whether or not the case has a code:
   * a wrong code and an unknown case take the same time.
   */
  matches(stored: { salt: Buffer; codeHash: Buffer } | null, departmentCode: string, caseId: string, code: string): boolean {
    const computed = this.hash(stored?.salt ?? NO_SALT, departmentCode, caseId, code);
    const equal = timingSafeEqual(computed, stored?.codeHash.length === NO_HASH.length ? stored.codeHash : NO_HASH);
    return equal && stored !== null;
  }

  /** QUERY_CODE_SECRET, or a key derived from the session secret (never the session secret itself). */
  private keyBytes(): Buffer {
    if (this.key) return this.key;
    const secret = this.config.queryCodeSecret ?? resolveJwtSecret(this.config);
    if (!secret) throw new Error('no key for query codes: set QUERY_CODE_SECRET (or JWT_SECRET)');
    this.key = this.config.queryCodeSecret ? Buffer.from(secret, 'utf8') : createHmac('sha256', secret).update('licensing-monitor/query-code/v1').digest();
    return this.key;
  }
}
