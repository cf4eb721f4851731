import { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AlertsWallCardSource } from './alerts-wall-card-source';
import { WallCardSource } from './wall-card-source';
import { WallCaseFiguresQuery } from './wall-case-figures.query';
import { InProcessWallChangeBus, RedisWallChangeBus, WallChangeBus } from './wall-change-bus';
import { WallGateway } from './wall.gateway';
import { WallLiveStates } from './wall-live-states';
import { WallScreenAuthenticator } from './wall-screen-auth';
import { WallSnapshotService } from './wall-snapshot.service';

/**
 * The wall's providers for a role. Every role publishes changes (the worker projects); only the
 * api roles hold sockets and read the wall's figures.
 */
export function realtimeProviders(config: AppConfig): Provider[] {
  const bus: Provider = {
    provide: WallChangeBus,
    useFactory: (): WallChangeBus =>
      config.mode === 'server' && config.redisUrl
        ? new RedisWallChangeBus(config.redisUrl, `${config.queuePrefix}:wall-changes`)
        : new InProcessWallChangeBus(),
  };
  if (config.role === 'worker') return [bus];
  return [
    bus,
    // The rules issue binds its alerts-table reader here.
    { provide: WallCardSource, useClass: AlertsWallCardSource },
    WallCaseFiguresQuery,
    WallSnapshotService,
    WallLiveStates,
    WallScreenAuthenticator,
    WallGateway,
  ];
}
