import { CaseEventInput, INGEST_LIMITS } from '@app/contracts';
import { Rng } from './prng';

/** What one department system sends in one `POST /api/v1/events` call. */
export interface DepartmentBatch {
  departmentCode: string;
  events: CaseEventInput[];
}

const copies = new WeakSet<CaseEventInput>();

/** A deep copy for a duplicate delivery: exactly the same content, a separate object. */
export function copyEvent(event: CaseEventInput): CaseEventInput {
  const copy = JSON.parse(JSON.stringify(event)) as CaseEventInput;
  copies.add(copy);
  return copy;
}

/** Whether this event object is a duplicate made by `copyEvent`. */
export function isDuplicateCopy(event: CaseEventInput): boolean {
  return copies.has(event);
}

/**
 * Back-dated delivery with imperfections, per department: a share of events is delivered later than
 * the case's next event (out of order, often in a later batch) and a share is delivered twice.
 * Deterministic for a given rng state.
 */
export function disorder(events: readonly CaseEventInput[], rng: Rng, shares: { duplicate: number; outOfOrder: number }): CaseEventInput[] {
  const nextOfCase = new Map<string, number>();
  const following: number[] = new Array<number>(events.length).fill(-1);
  for (let i = events.length - 1; i >= 0; i--) {
    const key = events[i].caseId;
    following[i] = nextOfCase.get(key) ?? -1;
    nextOfCase.set(key, i);
  }
  const keyed: { key: number; event: CaseEventInput }[] = [];
  events.forEach((event, i) => {
    const late = rng.chance(shares.outOfOrder);
    const position = late ? Math.max(following[i], i + rng.int(1, 1500)) + 0.5 : i;
    keyed.push({ key: position, event });
    if (rng.chance(shares.duplicate)) keyed.push({ key: i + rng.int(0, 1500) + 0.25, event: copyEvent(event) });
  });
  return keyed.sort((a, b) => a.key - b.key).map((entry) => entry.event);
}

/**
 * Groups events by department (in the given department order), optionally rearranges each
 * department's stream, and cuts it into batches of at most `size` (never more than the ingest limit).
 */
export function toBatches(
  events: readonly CaseEventInput[],
  departmentOrder: readonly string[],
  size: number,
  arrange: (stream: CaseEventInput[]) => CaseEventInput[] = (stream) => stream,
): DepartmentBatch[] {
  const limit = Math.min(size, INGEST_LIMITS.maxEventsPerBatch);
  const byDepartment = new Map<string, CaseEventInput[]>(departmentOrder.map((code) => [code, []]));
  for (const event of events) {
    const list = byDepartment.get(event.departmentCode);
    if (list) list.push(event);
    else byDepartment.set(event.departmentCode, [event]);
  }
  const batches: DepartmentBatch[] = [];
  for (const [departmentCode, stream] of byDepartment) {
    const list = arrange(stream);
    for (let i = 0; i < list.length; i += limit) batches.push({ departmentCode, events: list.slice(i, i + limit) });
  }
  return batches;
}
