import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';

/** The job queue behind one interface: BullMQ on Redis in server mode, in-process when embedded. */
@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      inject: [APP_CONFIG],
      useFactory: (cfg: AppConfig): JobQueue =>
        cfg.mode === 'server' && cfg.redisUrl
          ? new BullMqJobQueue({ redisUrl: cfg.redisUrl, prefix: cfg.queuePrefix, concurrency: cfg.workerConcurrency })
          : new InProcessJobQueue(),
    },
  ],
  exports: [JobQueue],
})
export class JobsModule {}
