import { Inject, Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InvalidInputException } from '../common/invalid-input.exception';

/** How long a challenge may be worked on and spent. */
const CHALLENGE_TTL_MS = 10 * 60_000;

export interface Challenge {
  token: string;
  bits: number;
  expiresAt: string;
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * A proof of work instead of an outside CAPTCHA service: the server signs a challenge (random id,
 * difficulty, expiry; HMAC, so nothing is stored until it is spent), and the client must find a nonce
 * whose SHA-256(token ":" nonce) starts with `bits` zero bits — about 2^bits hashes, a second or two in
 * a browser, and the same again for every further complaint a sender wants to post. Each challenge is
 * spent once (its id is the key of the complaint's receipt).
 */
@Injectable()
export class ProofOfWork {
  private key: Buffer | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(now: Date): Challenge {
    const payload = Buffer.from(JSON.stringify({ id: randomBytes(16).toString('hex'), bits: this.config.publicProofOfWorkBits, exp: now.getTime() + CHALLENGE_TTL_MS })).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, bits: this.config.publicProofOfWorkBits, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString() };
  }

  /** The challenge's id when the proof holds; otherwise a 400 naming what is wrong. */
  verify(proof: { token: string; nonce: string } | undefined, now: Date): string {
    const refuse = (message: string) => new InvalidInputException([{ path: 'proof', message }]);
    if (!proof) throw refuse('is required: GET /api/v1/public/challenge, then find the nonce');
    const [payload, signature, extra] = proof.token.split('.');
    if (!payload || !signature || extra !== undefined) throw refuse('token is not a challenge issued here');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('token is not a challenge issued here');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { id: string; bits: number; exp: number };
    if (claims.exp < now.getTime()) throw refuse('challenge expired: fetch a new one');
    const digest = createHash('sha256').update(`${proof.token}:${proof.nonce}`).digest();
    if (leadingZeroBits(digest) < claims.bits) throw refuse(`nonce does not solve the challenge (needs ${claims.bits} leading zero bits)`);
    return claims.id;
  }

  private sign(payload: string): string {
    if (!this.key) {
      const secret = this.config.queryCodeSecret ?? resolveJwtSecret(this.config);
      if (!secret) throw new Error('no key for public challenges: set QUERY_CODE_SECRET (or JWT_SECRET)');
      this.key = createHmac('sha256', secret).update('licensing-monitor/public-challenge/v1').digest();
    }
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
