import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { BullMqJobQueue } from '../apps/api/src/jobs/bullmq-job-queue';
import { JobName, QUEUE_NAME } from '../apps/api/src/jobs/job-names';
import { TEST_REDIS_URL } from './support/test-database';
import { waitFor } from './support/wait-for';

/**
 * A job that used up its attempts (a database outage longer than its backoff, or a worker killed
 * twice mid-job) stays in BullMQ's failed set under its id. Enqueuing the same id again — what the
 * batch recovery sweep does for an unprojected batch — must run it again, not be swallowed.
 */
describe('BullMQ job queue: a failed job enqueued again', () => {
  const prefix = `lmrefail-${randomBytes(4).toString('hex')}`;
  const jobs = new BullMqJobQueue({ redisUrl: TEST_REDIS_URL, prefix, concurrency: 1 });
  const inspect = new Queue(QUEUE_NAME, { connection: { url: TEST_REDIS_URL }, prefix });
  afterAll(async () => {
    await jobs.close();
    await inspect.obliterate({ force: true });
    await inspect.close();
  });

  it('runs again with fresh attempts', async () => {
    let failing = true;
    let runs = 0;
    for (const name of Object.values(JobName)) jobs.handle(name, async () => undefined);
    jobs.handle(JobName.DeliverNotification, async () => {
      runs++;
      if (failing) throw new Error('database unavailable');
    });
    await jobs.startWorker();

    await jobs.enqueue(JobName.DeliverNotification, { deliveryId: 'd-1' }, 'deliver-d-1');
    await waitFor(async () => ((await inspect.getJobState('deliver-d-1')) === 'failed' ? true : undefined), 'the job to fail for good');
    const runsWhileFailing = runs;
    expect(runsWhileFailing).toBeGreaterThanOrEqual(1);

    failing = false;
    await jobs.enqueue(JobName.DeliverNotification, { deliveryId: 'd-1' }, 'deliver-d-1');
    await waitFor(async () => ((await inspect.getJobState('deliver-d-1')) === 'completed' ? true : undefined), 'the job to run again and complete');
    expect(runs).toBe(runsWhileFailing + 1);
  });
});
