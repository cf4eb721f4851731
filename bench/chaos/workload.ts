/**
 * What the department systems send during a chaos scenario: realistic case stories from the seeded
 * traffic simulator (demo catalogue, every department, a share of irregular cases), back-dated to a
 * fixed past so that every time-driven card is settled long before "now" and two databases
 * projected minutes apart agree. Each case travels whole in one batch (shuffled inside it): every
 * projection of a case then sees its full history, so the chaos database and a clean replay can be
 * compared card by card whatever order the jobs ran in after the faults. (Out-of-order delivery
 * across batches is R4's subject, proven in test/replay-equivalence and the domain property tests.)
 */
import type { CaseEventInput, CatalogueFile } from '../../libs/contracts/src';
import type { TrafficSimulator } from '../../libs/simulation/src';
import { Rng } from '../../libs/simulation/src/prng';
import { fromBuild } from './build-module';

export interface Batch {
  departmentCode: string;
  events: CaseEventInput[];
}

/** A Friday evening a year before these runs; the simulated month of traffic ends here. */
const HISTORY_END = new Date('2025-11-28T18:00:00+08:00');
const HISTORY_DAYS = 30;

/**
 * The simulator runs from the private build (its library imports use path aliases the build has
 * rewritten; the bench's own compile does not).
 */
export function buildWorkload(buildRoot: string, catalogue: CatalogueFile, options: { runId: string; seed: number; cases: number; batchEvents: number }): Batch[] {
  const simulation = fromBuild<{ TrafficSimulator: typeof TrafficSimulator }>(buildRoot, 'libs/simulation/src');
  const simulator = new simulation.TrafficSimulator({
    catalogue,
    seed: options.seed,
    runId: options.runId,
    duplicateShare: 0,
    outOfOrderShare: 0,
    batchSize: 1000,
  });
  const events = simulator.history(HISTORY_END, HISTORY_DAYS, options.cases / HISTORY_DAYS).flatMap((batch) => batch.events);
  const rng = new Rng(options.seed);

  const cases = new Map<string, CaseEventInput[]>();
  for (const event of events) {
    const key = `${event.departmentCode}\u0000${event.caseId}`;
    const list = cases.get(key) ?? [];
    list.push(event);
    cases.set(key, list);
  }
  const perDepartment = new Map<string, Batch[]>();
  for (const story of cases.values()) {
    const code = story[0].departmentCode;
    const batches = perDepartment.get(code) ?? [];
    perDepartment.set(code, batches);
    let open = batches[batches.length - 1];
    if (!open || open.events.length + story.length > options.batchEvents) {
      open = { departmentCode: code, events: [] };
      batches.push(open);
    }
    open.events.push(...story);
  }
  for (const batches of perDepartment.values()) for (const batch of batches) shuffle(batch.events, rng);

  // Departments send at the same time: interleave their batches.
  const queues = [...perDepartment.values()];
  const interleaved: Batch[] = [];
  for (let i = 0; queues.some((q) => i < q.length); i++) for (const q of queues) if (i < q.length) interleaved.push(q[i]);
  return interleaved;
}

export function shuffle<T>(values: T[], rng: Rng): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}
