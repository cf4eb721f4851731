import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Who is watching a wall socket. */
export interface WallViewer {
  kind: 'admin';
  via: 'admin-token';
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Checks the token a screen presents in the socket.io handshake (`auth: { token }`). */
@Injectable()
export class WallScreenAuthenticator {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * THE switch for wall-screen credentials. Today: the admin token, as the HTTP AuthGuard admits it.
   * When display tokens (POST /api/v1/displays) land, authenticate them here through the identity
   * service, admit principals holding `wall.subscribe`, and return their scope so the gateway can
   * put the socket in its region/department room. Department API keys are never admitted.
   */
  async authenticateWallScreen(token: unknown): Promise<WallViewer | null> {
    if (typeof token !== 'string' || token === '') return null;
    if (sameSecret(token, this.config.adminToken)) return { kind: 'admin', via: 'admin-token' };
    return null;
  }
}
