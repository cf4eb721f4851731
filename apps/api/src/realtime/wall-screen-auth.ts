import { Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WallScope, WHOLE_CITY } from './wall-scope';

/** Who is watching a wall socket, and which departments its screen shows. */
export interface WallViewer {
  /** Stable, non-secret, for logs: 'admin-token', 'display:<id>'… */
  id: string;
  scope: WallScope;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Checks the token a screen presents in the socket.io handshake (`auth: { token }`). */
@Injectable()
export class WallScreenAuthenticator {
  private readonly adminDigest: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.adminDigest = digest(config.adminToken);
  }

  /**
   * THE switch for wall-screen credentials. Today: the admin token, as the HTTP AuthGuard admits it,
   * for the whole city. When display tokens land, call the identity service's socket admission here
   * (permission `wall.subscribe`) and return the principal's departments as the scope: the gateway
   * then serves that screen figures of those departments only. Department API keys are never admitted.
   */
  async authenticateWallScreen(token: unknown, _address?: string): Promise<WallViewer | null> {
    if (typeof token !== 'string' || token === '' || token.length > 4096) return null;
    // Equal-length digests: the comparison takes the same time whatever the token's length.
    if (timingSafeEqual(digest(token), this.adminDigest)) return { id: 'admin-token', scope: WHOLE_CITY };
    return null;
  }
}
