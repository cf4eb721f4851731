/**
 * The template stories of bench/scale, sent through the public ingest API so the product projects
 * them itself. Times are relative to now (Asia/Shanghai), so the bench means the same on any day.
 */
export const TEMPLATE_DEPARTMENTS = Array.from({ length: 20 }, (_, i) => `S${String(i).padStart(2, '0')}`);
/** The department whose cases cross their deadlines during P3. */
export const CROSSING_DEPARTMENT = 'SX';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `2026-11-30T09:15:00+08:00` for an epoch instant. */
export function shanghaiInstant(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function itemOf(departmentCode: string) {
  return {
    name: `事项${departmentCode}`,
    departmentCode,
    kind: 'PROMISED',
    statutoryDays: 20,
    promisedDays: 10,
    steps: [{ code: 'REVIEW', name: '审查', limitDays: 5, mandatory: true }],
    feeFen: 0,
    requiredDocuments: [],
  };
}

/**
 * An open case accepted an hour or two ago, in review: three clocks (promised, statutory, step)
 * that all run past the next few working days, no card. `agoMs` shifts the whole story back.
 */
export function openStory(departmentCode: string, caseId: string, now: number, agoMs = 0) {
  const at = (hoursAgo: number) => shanghaiInstant(now - agoMs - hoursAgo * 3_600_000);
  const base = { departmentCode, caseId, itemCode: `${departmentCode}-001` };
  return [
    { ...base, eventId: `${caseId}-e1`, seq: 1, type: 'SUBMITTED', occurredAt: at(3), data: { channel: 'ONLINE', documents: [] } },
    { ...base, eventId: `${caseId}-e2`, seq: 2, type: 'ACCEPTED', occurredAt: at(2), data: {} },
    { ...base, eventId: `${caseId}-e3`, seq: 3, type: 'STEP_STARTED', occurredAt: at(1), data: { step: 'REVIEW' } },
  ];
}
