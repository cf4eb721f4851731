import { Injectable } from '@nestjs/common';
import { JobName } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { DeliveryWorker } from './delivery-worker.service';
import { NotificationPlanner } from './notification-planner.service';

/** The notification job processors; JobHandlersService registers them with the others before the worker starts. */
@Injectable()
export class NotificationJobs {
  constructor(
    private readonly planner: NotificationPlanner,
    private readonly worker: DeliveryWorker,
  ) {}

  register(jobs: JobQueue): void {
    jobs.handle(JobName.PlanCardNotification, async ({ alertId, level }) => {
      await this.planner.plan(alertId, level, new Date());
    });
    jobs.handle(JobName.DeliverNotification, async ({ deliveryId }) => {
      await this.worker.deliver(deliveryId);
    });
  }
}
