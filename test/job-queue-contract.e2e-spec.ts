import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { BullMqJobQueue } from '../apps/api/src/jobs/bullmq-job-queue';
import { InProcessJobQueue } from '../apps/api/src/jobs/in-process-job-queue';
import { JobName, QUEUE_NAME } from '../apps/api/src/jobs/job-names';
import { JobQueue } from '../apps/api/src/jobs/job-queue';
import { TEST_REDIS_URL } from './support/test-database';
import { waitFor } from './support/wait-for';

/**
 * One contract, two runners (issue 17.6): the embedded runner must behave as BullMQ does where the
 * application relies on it — priorities (a card's notification ahead of bulk batches), jobId
 * de-duplication, retries with exponential backoff (JOB_OPTIONS), a job that failed for good runs
 * again when enqueued again. Stalled recovery (a job whose worker died runs again) is below: it is
 * BullMQ's; the embedded runner's worker is its own process, so its jobs die with it and the recovery
 * sweep enqueues their work again from PostgreSQL, where every job's input is committed first.
 */
interface Runner {
  jobs: JobQueue;
  cleanUp(): Promise<void>;
}

const RUNNERS: [string, () => Runner][] = [
  [
    'BullMQ (server mode)',
    () => {
      const prefix = `lmcontract-${randomBytes(4).toString('hex')}`;
      const jobs = new BullMqJobQueue({ redisUrl: TEST_REDIS_URL, prefix, concurrency: 1 });
      return {
        jobs,
        async cleanUp() {
          await jobs.close();
          const inspect = new Queue(QUEUE_NAME, { connection: { url: TEST_REDIS_URL }, prefix });
          await inspect.obliterate({ force: true });
          await inspect.close();
        },
      };
    },
  ],
  [
    'in-process (embedded mode)',
    () => {
      const jobs = new InProcessJobQueue();
      return { jobs, cleanUp: () => jobs.close() };
    },
  ],
];

describe.each(RUNNERS)('job queue contract: %s', (_name, make) => {
  let runner: Runner;
  let ran: string[];
  let failuresLeft: Map<string, number>;
  let attemptsAt: Map<string, number[]>;

  beforeEach(() => {
    runner = make();
    ran = [];
    failuresLeft = new Map();
    attemptsAt = new Map();
    const record = async (label: string) => {
      attemptsAt.set(label, [...(attemptsAt.get(label) ?? []), Date.now()]);
      const left = failuresLeft.get(label) ?? 0;
      if (left > 0) {
        failuresLeft.set(label, left - 1);
        throw new Error(`planned failure of ${label}`);
      }
      ran.push(label);
    };
    runner.jobs.handle(JobName.ProjectBatch, ({ batchId }) => record(batchId));
    runner.jobs.handle(JobName.RecomputeClocks, ({ year }) => record(`recompute-${year}`));
    runner.jobs.handle(JobName.PlanCardNotification, ({ alertId }) => record(alertId));
    runner.jobs.handle(JobName.DeliverNotification, ({ deliveryId }) => record(deliveryId));
    runner.jobs.handle(JobName.GenerateQuarterlyReport, ({ quarter }) => record(quarter));
  });
  afterEach(async () => runner.cleanUp());

  it('runs a notification job ahead of waiting bulk batches, batches in their own order', async () => {
    for (const batchId of ['batch-1', 'batch-2', 'batch-3']) await runner.jobs.enqueue(JobName.ProjectBatch, { batchId });
    await runner.jobs.enqueue(JobName.PlanCardNotification, { alertId: 'card-1', level: 'RED' });
    await runner.jobs.startWorker();
    await waitFor(async () => (ran.length === 4 ? true : undefined), 'all four jobs');
    expect(ran).toEqual(['card-1', 'batch-1', 'batch-2', 'batch-3']);
  });

  it('adds a job whose jobId is still waiting only once', async () => {
    await runner.jobs.enqueue(JobName.ProjectBatch, { batchId: 'same' }, 'project-same');
    await runner.jobs.enqueue(JobName.ProjectBatch, { batchId: 'same' }, 'project-same');
    await runner.jobs.enqueue(JobName.ProjectBatch, { batchId: 'other' }, 'project-other');
    await runner.jobs.startWorker();
    await waitFor(async () => (ran.includes('other') ? true : undefined), 'the other job');
    // The other job was enqueued last and is done: a second copy of `same` would have run before it.
    expect(ran).toEqual(['same', 'other']);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    failuresLeft.set('delivery-1', 2); // DeliverNotification: 3 attempts, backoff 1 s, then 2 s
    await runner.jobs.startWorker();
    await runner.jobs.enqueue(JobName.DeliverNotification, { deliveryId: 'delivery-1' }, 'deliver-1');
    await waitFor(async () => (ran.includes('delivery-1') ? true : undefined), 'the third attempt to succeed');
    const [first, second, third] = attemptsAt.get('delivery-1')!;
    expect(attemptsAt.get('delivery-1')).toHaveLength(3);
    // Backoff is a lower bound (a retry never comes sooner); how much later depends on the machine.
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1800);
  });

  it('runs a job that failed for good again when it is enqueued again', async () => {
    failuresLeft.set('delivery-2', 3); // all three attempts fail
    await runner.jobs.startWorker();
    await runner.jobs.enqueue(JobName.DeliverNotification, { deliveryId: 'delivery-2' }, 'deliver-2');
    await waitFor(async () => ((attemptsAt.get('delivery-2')?.length ?? 0) === 3 ? true : undefined), 'three failed attempts');
    await runner.jobs.enqueue(JobName.DeliverNotification, { deliveryId: 'delivery-2' }, 'deliver-2');
    await waitFor(async () => (ran.includes('delivery-2') ? true : undefined), 'the job to run again and succeed');
    expect(attemptsAt.get('delivery-2')).toHaveLength(4);
  });
});

describe('job queue contract: BullMQ (server mode), a worker that dies mid-job', () => {
  const prefix = `lmcontract-${randomBytes(4).toString('hex')}`;
  // Holds that run out in 1 s, looked for every 0.5 s (BullMQ's defaults: 30 s each).
  const settings = { redisUrl: TEST_REDIS_URL, prefix, concurrency: 1, lockDurationMs: 1000, stalledIntervalMs: 500 };
  const runners: BullMqJobQueue[] = [];
  const runner = (handle: (batchId: string) => Promise<void>): BullMqJobQueue => {
    const jobs = new BullMqJobQueue(settings);
    for (const name of Object.values(JobName)) jobs.handle(name, async () => undefined);
    jobs.handle(JobName.ProjectBatch, ({ batchId }) => handle(batchId));
    runners.push(jobs);
    return jobs;
  };

  afterAll(async () => {
    for (const jobs of runners) await jobs.close();
    const inspect = new Queue(QUEUE_NAME, { connection: { url: TEST_REDIS_URL }, prefix });
    await inspect.obliterate({ force: true });
    await inspect.close();
  });

  it('runs the job again on another worker once the dead worker’s hold runs out', async () => {
    const started: string[] = [];
    const dying = runner(async (batchId) => {
      started.push(batchId);
      await new Promise<never>(() => undefined); // the worker dies before the job ends
    });
    await dying.startWorker();
    await dying.enqueue(JobName.ProjectBatch, { batchId: 'stalled-1' }, 'project-stalled-1');
    await waitFor(async () => (started.includes('stalled-1') ? true : undefined), 'the job to start');
    // As a killed process leaves it: the worker stops renewing its hold, the job neither finished nor released.
    await (dying as unknown as { worker: Worker }).worker.close(true);

    const ran: string[] = [];
    const rescuer = runner(async (batchId) => {
      ran.push(batchId);
    });
    await rescuer.startWorker();
    await waitFor(async () => (ran.includes('stalled-1') ? true : undefined), 'the stalled job to run on the second worker');
    expect(ran).toEqual(['stalled-1']);
    expect(started).toEqual(['stalled-1']);
  });
});
