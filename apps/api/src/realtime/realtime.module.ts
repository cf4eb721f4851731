import { DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from '../auth/identity.module';
import { AppConfig } from '../config/app-config';
import { realtimeProviders } from './realtime.providers';
import { WallCardChanges } from './wall-card-changes';
import { WallChangeBus } from './wall-change-bus';

/**
 * The wall's sockets, snapshots and change bus. Which providers a process holds depends on its
 * role, so the module is made for one configuration; only the top (app.module.ts) imports it.
 */
@Module({})
export class RealtimeModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: RealtimeModule,
      imports: [IdentityModule],
      // Every role tells the wall of committed card changes (the outbox is drained where jobs run).
      providers: [...realtimeProviders(config), WallCardChanges],
      exports: [WallChangeBus, WallCardChanges],
    };
  }
}
