import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventStoreRepository } from './event-store.repository';
import { JobName } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';

const SWEEP_NAME = 'unprojected-batch-recovery';

/**
 * The safety net under "enqueue after commit": finds committed batches that nobody projected
 * (job lost with Redis, process killed, enqueue failed) and enqueues them again. Jobs are
 * idempotent, so enqueuing a batch that is merely slow costs a repeat, never a wrong state.
 */
@Injectable()
export class BatchRecoveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BatchRecovery');
  private sweeping = false;

  constructor(
    private readonly events: EventStoreRepository,
    private readonly jobs: JobQueue,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    // At boot, anything unprojected is orphaned (embedded jobs live in memory): sweep at once.
    void this.sweep(0);
    const interval = setInterval(() => void this.sweep(this.config.recoveryIntervalMs), this.config.recoveryIntervalMs);
    this.scheduler.addInterval(SWEEP_NAME, interval);
  }

  beforeApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', SWEEP_NAME)) this.scheduler.deleteInterval(SWEEP_NAME);
  }

  async sweep(olderThanMs: number): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const batches = await this.events.unprojectedBatches(olderThanMs, 1000);
      for (const batchId of batches) await this.jobs.enqueue(JobName.ProjectBatch, { batchId }, batchId);
      if (batches.length > 0) this.logger.log(`re-enqueued ${batches.length} unprojected batch(es)`);
      return batches.length;
    } catch (error) {
      this.logger.warn(`recovery sweep failed, will retry: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
