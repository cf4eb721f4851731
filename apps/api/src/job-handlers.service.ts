import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ClockRecomputeService } from './cases/clock-recompute.service';
import { CaseProjectionService } from './cases/case-projection.service';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { NotificationJobs } from './notifications/notification-jobs';
import { WallChangeBus } from './realtime/wall-change-bus';
import { JobName } from './jobs/job-names';
import { JobQueue } from './jobs/job-queue';

/** Wires every job name to its processor and starts consuming in the worker role. */
@Injectable()
export class JobHandlersService implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly projection: CaseProjectionService,
    private readonly recompute: ClockRecomputeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wallChanges: WallChangeBus,
    private readonly notificationJobs: NotificationJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'api') return;
    this.jobs.handle(JobName.ProjectBatch, async ({ batchId }) => {
      await this.projection.projectBatch(batchId, new Date());
      // After the commit, so the api nodes read what was just written (in another process, maybe).
      this.wallChanges.publish({ kind: 'cases', departmentCodes: [] });
    });
    this.jobs.handle(JobName.RecomputeClocks, async (payload) => {
      // The wall re-reads every open case when told: once per finished range, not after each chunk.
      if ((await this.recompute.runChunk(payload, new Date())).finished) this.wallChanges.publish({ kind: 'cases', departmentCodes: [] });
    });
    this.notificationJobs.register(this.jobs);
    await this.jobs.startWorker();
  }
}
