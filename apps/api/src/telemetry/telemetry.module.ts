import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** The application's metrics registry, injectable everywhere (features count, operations exposes). */
@Global()
@Module({ providers: [{ provide: Metrics, useFactory: () => new Metrics() }], exports: [Metrics] })
export class TelemetryModule {}
