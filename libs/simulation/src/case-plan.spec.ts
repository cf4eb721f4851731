import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CatalogueFile, EventDataByType, EventType, ItemInput } from '@app/contracts';
import { planCase } from './case-plan';
import { buildDepartmentViews } from './catalogue-view';
import { IRREGULARITY_KINDS, IrregularityKind, applicable } from './irregularities';
import { Rng } from './prng';
import { PlannedEvent } from './story-writer';
import { WorkClock, localDate } from './work-time';

const catalogue = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
const views = new Map(buildDepartmentViews(catalogue).map((view) => [view.code, view]));
const clock = new WorkClock();
const itemCodes = Object.keys(catalogue.items);
const TERMINAL: ReadonlySet<EventType> = new Set(['CERTIFICATE_ISSUED', 'NOT_ACCEPTED', 'WITHDRAWN', 'RETURNED', 'VOIDED']);

function plan(itemCode: string, irregularity: IrregularityKind | null, seed: number, start: number): PlannedEvent[] {
  const item = catalogue.items[itemCode];
  const department = views.get(item.departmentCode);
  if (!department) throw new Error('no department');
  return planCase({ itemCode, item, department, start, irregularity, clock, rng: new Rng(seed), certificateSerial: 1 });
}

/** A readable view of a story for the checks below. */
function facts(events: PlannedEvent[], item: ItemInput) {
  const all = <T extends EventType>(type: T) =>
    events.filter((e) => e.type === type).map((e) => ({ at: e.at, data: e.data as EventDataByType[T] }));
  const first = <T extends EventType>(type: T) => all(type)[0];
  const days = (from: number, to: number) => clock.workingDaysBetween(from, to);
  const suspensions = events.flatMap((e, i) => {
    if (e.type !== 'SUSPENDED') return [];
    const resumed = events.slice(i).find((x) => x.type === 'RESUMED');
    const data = e.data as EventDataByType['SUSPENDED'];
    return [{ from: e.at, to: resumed?.at ?? e.at, days: resumed ? days(e.at, resumed.at) : 0, data }];
  });
  const pausedWithin = (from: number, to: number) =>
    suspensions.filter((s) => s.from >= from && s.to <= to).reduce((sum, s) => sum + s.days, 0);
  const accepted = first('ACCEPTED');
  const decided = first('DECIDED');
  const handlingDays = accepted && decided ? days(accepted.at, decided.at) - pausedWithin(accepted.at, decided.at) : undefined;
  const stepsBeforeDecision = events.filter((e) => (e.type === 'STEP_STARTED' || e.type === 'STEP_COMPLETED') && accepted && e.at > accepted.at && (!decided || e.at < decided.at));
  const completed = new Set(stepsBeforeDecision.filter((e) => e.type === 'STEP_COMPLETED').map((e) => (e.data as { step: string }).step));
  const mandatoryMissing = item.steps.filter((s) => s.mandatory && s.code !== 'ACCEPT' && s.code !== 'ISSUE' && !completed.has(s.code));
  const forwarded = first('FORWARDED');
  const certificate = first('CERTIFICATE_ISSUED');
  return {
    all, first, days, suspensions, pausedWithin, accepted, decided, handlingDays, stepsBeforeDecision, mandatoryMissing,
    forwardDays: forwarded && accepted ? days(accepted.at, forwarded.at) - pausedWithin(accepted.at, forwarded.at) : undefined,
    certificateDays: certificate && decided ? days(decided.at, certificate.at) : undefined,
  };
}

/** Everything a regular story must respect; returns what it breaks. */
function regularViolations(events: PlannedEvent[], item: ItemInput): string[] {
  const f = facts(events, item);
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => (ok ? undefined : broken.push(what));
  const notices = f.all('CORRECTION_REQUESTED');
  check(notices.length <= 1, 'repeated correction');
  if (notices[0]) check(f.days(events[0].at, notices[0].at) <= 5, 'late correction notice');
  if (f.accepted) check(item.requiredDocuments.every((d) => (f.accepted.data.documents ?? []).includes(d)), 'documents missing');
  for (const fee of f.all('FEE_CHARGED')) check(item.feeFen > 0 && fee.data.amountFen === item.feeFen, 'fee');
  for (const e of f.all('NOT_ACCEPTED')) check(!!e.data.reason && !!e.data.legalBasis, 'not accepted without reason');
  for (const e of f.all('DECIDED')) if (e.data.outcome === 'DENIED') check(!!e.data.reason && !!e.data.legalBasis, 'denied without reason');
  for (const type of ['WITHDRAWN', 'RETURNED', 'VOIDED'] as const) for (const e of f.all(type)) check(!!e.data.reason, `${type} without reason`);
  const extensions = f.all('EXTENDED');
  check(extensions.length <= 1 && extensions.every((e) => !!e.data.approvedBy && e.data.days <= (item.kind === 'JOINT' ? 15 : 10)), 'extension');
  for (const s of f.suspensions) check(s.data.noticeIssued && s.days <= s.data.expectedDays, 'suspension');
  if (f.handlingDays !== undefined) check(f.handlingDays <= item.promisedDays, `late: ${f.handlingDays} > ${item.promisedDays}`);
  if (f.decided) {
    check(f.mandatoryMissing.length === 0, 'mandatory step skipped');
    check(f.stepsBeforeDecision.length > 0, 'no steps before decision');
    if (item.kind === 'FORWARDED') check(f.forwardDays !== undefined && f.forwardDays <= 20, 'forward late');
    if (item.kind === 'IMMEDIATE') check(localDate(f.decided.at) === localDate(f.accepted.at), 'immediate not same day');
  }
  if (f.certificateDays !== undefined) check(f.certificateDays <= 10, 'certificate late');
  events.forEach((e, i) => {
    if (e.type !== 'STEP_STARTED') return;
    const step = (e.data as { step: string }).step;
    const done = events.slice(i).find((x) => x.type === 'STEP_COMPLETED' && (x.data as { step: string }).step === step);
    const limit = item.steps.find((s) => s.code === step)?.limitDays ?? 0;
    if (done) check(f.days(e.at, done.at) - f.pausedWithin(e.at, done.at) <= limit, `step ${step} overdue`);
  });
  return broken;
}

/** Whether a story shows the irregularity planted in it. */
function shows(kind: IrregularityKind, events: PlannedEvent[], item: ItemInput): boolean {
  const f = facts(events, item);
  switch (kind) {
    case 'LATE_PROMISED':
      return (f.handlingDays ?? 0) > item.promisedDays;
    case 'LATE_STATUTORY':
      return (f.handlingDays ?? 0) > item.statutoryDays;
    case 'STEP_SKIPPED':
      return f.mandatoryMissing.length > 0;
    case 'DECIDED_WITHOUT_STEPS':
      return !!f.decided && f.stepsBeforeDecision.length === 0;
    case 'FEE_IRREGULAR':
      return f.all('FEE_CHARGED').some((e) => e.data.amountFen > item.feeFen);
    case 'CORRECTION_REPEATED':
      return f.all('CORRECTION_REQUESTED').length >= 2;
    case 'CORRECTION_LATE':
      return f.days(events[0].at, f.first('CORRECTION_REQUESTED').at) > 5;
    case 'DOCUMENTS_MISSING':
      return !!f.accepted && item.requiredDocuments.some((d) => !(f.accepted.data.documents ?? []).includes(d));
    case 'SUSPENSION_LONG':
      return f.suspensions.some((s) => !s.data.noticeIssued || s.days > s.data.expectedDays);
    case 'EXTENSION_NO_APPROVER':
      return f.all('EXTENDED').some((e) => !e.data.approvedBy);
    case 'FORWARD_LATE':
      return (f.forwardDays ?? 0) > 20;
    case 'DENIED_NO_REASON':
      return f.all('DECIDED').some((e) => e.data.outcome === 'DENIED' && !e.data.reason && !e.data.legalBasis);
    case 'NOT_ACCEPTED_NO_REASON':
      return f.all('NOT_ACCEPTED').some((e) => !e.data.reason && !e.data.legalBasis);
    case 'RETURNED_NO_REASON':
      return f.all('RETURNED').some((e) => !e.data.reason);
    case 'CERTIFICATE_LATE':
      return (f.certificateDays ?? 0) > 10;
    case 'BACKDATED_BURST':
      return regularViolations(events, item).length === 0; // a clean story; the simulator holds its delivery
  }
}

const startArb = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-06-30T00:00:00Z') });

describe('planCase', () => {
  it('tells a well-formed story: receipt first, strictly increasing times, a plausible ending', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...itemCodes), fc.constantFrom(null, ...IRREGULARITY_KINDS), startArb, (seed, itemCode, kind, start) => {
        const events = plan(itemCode, kind && applicable(kind, catalogue.items[itemCode]) ? kind : null, seed, start);
        expect(events[0].type).toBe('SUBMITTED');
        events.slice(1).forEach((e, i) => expect(e.at).toBeGreaterThanOrEqual(events[i].at + 1000));
        const last = events[events.length - 1];
        const ends = TERMINAL.has(last.type) || last.type === 'DECIDED' || (last.type === 'STEP_COMPLETED' && (last.data as { step: string }).step === 'ISSUE');
        expect(ends).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps regular stories regular: on time, complete, lawful fees, reasons given', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...itemCodes), startArb, (seed, itemCode, start) => {
        expect(regularViolations(plan(itemCode, null, seed, start), catalogue.items[itemCode])).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(IRREGULARITY_KINDS.map((kind) => [kind]))('makes a %s story show its irregularity', (kind) => {
    const candidates = itemCodes.filter((code) => applicable(kind, catalogue.items[code]));
    expect(candidates.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...candidates), startArb, (seed, itemCode, start) => {
        expect(shows(kind, plan(itemCode, kind, seed, start), catalogue.items[itemCode])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
