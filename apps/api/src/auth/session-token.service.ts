import { JwtService } from '@nestjs/jwt';

const ISSUER = 'licensing-monitor';
const AUDIENCE = 'licensing-monitor-api';

/** What a valid session token proves: who, and which generation of their account it was issued for. */
export interface VerifiedSession {
  username: string;
  tokenVersion: number;
}

/**
 * Short-lived HS256 session tokens for users who signed in with a password. Claims are minimal
 * (subject and account generation): role and bindings are read from the user record on every
 * verification, so a change takes effect at once instead of when the token expires.
 *
 * An external OpenID Connect provider would be a second verifier beside this one (its JWKS, its
 * issuer, a claim mapped to a username), consulted by AuthenticationService — the one place
 * where bearer tokens are turned into principals.
 */
export class SessionTokenService {
  private readonly jwt: JwtService | null;

  constructor(
    secret: string | null,
    readonly ttlSeconds: number,
  ) {
    this.jwt = secret
      ? new JwtService({
          secret,
          signOptions: { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER, audience: AUDIENCE },
          verifyOptions: { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE },
        })
      : null;
  }

  /** Looks like a JWT (three base64url parts), so other token kinds are not parsed as one. */
  static looksLikeJwt(token: string): boolean {
    return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
  }

  issue(username: string, tokenVersion: number): string {
    if (!this.jwt) throw new Error('session tokens are not available in this process (no JWT secret)');
    return this.jwt.sign({ sub: username, ver: tokenVersion });
  }

  async verify(token: string): Promise<VerifiedSession | null> {
    if (!this.jwt || !SessionTokenService.looksLikeJwt(token)) return null;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; ver?: unknown }>(token);
      if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number') return null;
      return { username: claims.sub, tokenVersion: claims.ver };
    } catch {
      return null; // expired, wrong signature, wrong issuer/audience/algorithm: simply not valid
    }
  }
}
