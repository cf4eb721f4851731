import { readFileSync } from 'fs';
import { join } from 'path';
import { CaseEventInput, CatalogueFile, EventValidator } from '@app/contracts';
import { DepartmentBatch } from './delivery';
import { TrafficSimulator, TrafficSimulatorOptions } from './traffic-simulator';

const catalogue = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
const NOW = new Date('2025-06-18T07:30:00Z'); // Wednesday 15:30 in Shanghai
const MINUTE = 60_000;
const events = (batches: DepartmentBatch[]) => batches.flatMap((batch) => batch.events);
const simulator = (options: Partial<TrafficSimulatorOptions> = {}) => new TrafficSimulator({ catalogue, seed: 42, ...options });

/** History, a few live ticks, then a flush: everything one simulator delivers. */
function run(options: Partial<TrafficSimulatorOptions> = {}) {
  const sim = simulator(options);
  const deliveries: { now: Date; batches: DepartmentBatch[] }[] = [{ now: NOW, batches: sim.history(NOW, 20, 60) }];
  for (let tick = 1; tick <= 8; tick++) {
    const now = new Date(NOW.getTime() + tick * 5 * MINUTE);
    deliveries.push({ now, batches: sim.live(now, 150) });
  }
  deliveries.push({ now: deliveries[deliveries.length - 1].now, batches: sim.flush() });
  return { sim, deliveries, all: deliveries.flatMap((d) => events(d.batches)) };
}

const base = run();

describe('TrafficSimulator', () => {
  it('generates only events that the contract validator accepts', () => {
    const validator = new EventValidator();
    const invalid = base.all.map((event) => validator.validate(event)).filter((result) => !result.ok);
    expect(invalid).toEqual([]);
    expect(base.all.length).toBeGreaterThan(5000);
    expect(new Set(base.all.map((event) => event.type)).size).toBe(17);
  });

  it('is deterministic: same seed and calls, same output; another seed, another output', () => {
    expect(JSON.stringify(run().deliveries)).toBe(JSON.stringify(base.deliveries));
    expect(JSON.stringify(run({ seed: 43 }).deliveries)).not.toBe(JSON.stringify(base.deliveries));
  });

  it('never reports an event after the now it was given', () => {
    for (const { now, batches } of base.deliveries) {
      expect(events(batches).filter((event) => Date.parse(event.occurredAt) > now.getTime())).toEqual([]);
    }
  });

  it('cuts batches of at most 1000 events of one department', () => {
    for (const { batches } of base.deliveries) {
      for (const batch of batches) {
        expect(batch.events.length).toBeGreaterThan(0);
        expect(batch.events.length).toBeLessThanOrEqual(1000);
        expect(batch.events.every((event) => event.departmentCode === batch.departmentCode)).toBe(true);
      }
    }
    const small = simulator({ batchSize: 50 }).history(NOW, 5, 40);
    expect(Math.max(...small.map((batch) => batch.events.length))).toBe(50);
    expect(() => simulator({ batchSize: 1001 })).toThrow(RangeError);
  });

  it('plants about the configured share of irregular cases', () => {
    const share = (irregularShare: number) => {
      const sim = simulator({ irregularShare });
      sim.history(NOW, 30, 100);
      const truth = sim.groundTruth();
      return truth.filter((entry) => entry.irregularity !== null).length / truth.length;
    };
    const normal = share(0.15);
    expect(normal).toBeGreaterThan(0.12);
    expect(normal).toBeLessThan(0.18);
    const half = share(0.5);
    expect(half).toBeGreaterThan(0.46);
    expect(half).toBeLessThan(0.54);
    expect(share(0)).toBe(0);
  });

  it('duplicates about the configured share of events, always with identical content', () => {
    const duplicateShare = (all: CaseEventInput[]) => {
      const unique = new Set(all.map((event) => event.eventId)).size;
      return (all.length - unique) / unique;
    };
    expect(duplicateShare(base.all)).toBeGreaterThan(0.02);
    expect(duplicateShare(base.all)).toBeLessThan(0.04);
    const many = events(simulator({ duplicateShare: 0.2 }).history(NOW, 20, 60));
    expect(duplicateShare(many)).toBeGreaterThan(0.17);
    expect(duplicateShare(many)).toBeLessThan(0.23);
    expect(duplicateShare(events(simulator({ duplicateShare: 0 }).history(NOW, 20, 60)))).toBe(0);
    const byId = new Map<string, string>();
    for (const event of base.all) {
      const content = JSON.stringify(event);
      expect(byId.get(event.eventId) ?? content).toBe(content); // a duplicate, never a conflict
      byId.set(event.eventId, content);
    }
    expect(base.sim.stats().duplicatesDelivered).toBe(base.all.length - byId.size);
  });

  it('delivers some events after later events of their case, and none when asked not to', () => {
    const inversions = (all: CaseEventInput[]) => {
      const latest = new Map<string, number>();
      let count = 0;
      for (const event of all) {
        const at = Date.parse(event.occurredAt);
        if (at < (latest.get(event.caseId) ?? 0)) count++;
        latest.set(event.caseId, Math.max(at, latest.get(event.caseId) ?? 0));
      }
      return count;
    };
    expect(inversions(base.all)).toBeGreaterThan(base.all.length * 0.02);
    const ordered = run({ outOfOrderShare: 0, duplicateShare: 0 }).all;
    expect(inversions(ordered)).toBe(0);
  });

  it('numbers each case 1, 2, 3… without gaps (or not at all) and keeps its times increasing', () => {
    const byCase = new Map<string, Map<string, CaseEventInput>>();
    for (const event of base.all) {
      const caseEvents = byCase.get(event.caseId) ?? new Map<string, CaseEventInput>();
      caseEvents.set(event.eventId, event);
      byCase.set(event.caseId, caseEvents);
    }
    let unnumbered = 0;
    const broken: string[] = [];
    for (const caseEvents of byCase.values()) {
      const list = [...caseEvents.values()].sort((a, b) => a.eventId.localeCompare(b.eventId));
      if (list[0].seq === undefined) unnumbered++;
      if (list[0].type !== 'SUBMITTED') broken.push(`${list[0].caseId} starts with ${list[0].type}`);
      list.forEach((event, i) => {
        if (event.seq !== (list[0].seq === undefined ? undefined : i + 1)) broken.push(`${event.eventId} seq ${event.seq}`);
        if (i > 0 && Date.parse(event.occurredAt) <= Date.parse(list[i - 1].occurredAt)) broken.push(`${event.eventId} time`);
      });
    }
    expect(broken).toEqual([]);
    expect(unnumbered / byCase.size).toBeGreaterThan(0.05);
    expect(unnumbered / byCase.size).toBeLessThan(0.15);
  });

  it('dates back-dated history on weekdays, in office hours (+08:00), with officers of the department', () => {
    const history = events(base.deliveries[0].batches);
    const misplaced = history.filter((event) => {
      const local = new Date(Date.parse(event.occurredAt) + 8 * 3_600_000);
      const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
      return (
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(event.occurredAt) ||
        ![1, 2, 3, 4, 5].includes(local.getUTCDay()) ||
        minutes < 9 * 60 ||
        minutes >= 19 * 60 ||
        (event.officerId !== undefined && catalogue.officers[event.officerId].departmentCode !== event.departmentCode) ||
        catalogue.items[event.itemCode].departmentCode !== event.departmentCode
      );
    });
    expect(misplaced).toEqual([]);
    const earliest = Math.min(...history.map((event) => Date.parse(event.occurredAt)));
    expect(earliest).toBeGreaterThanOrEqual(NOW.getTime() - 20 * 24 * 3_600_000);
    expect(base.sim.groundTruth().some((entry) => !entry.complete)).toBe(true);
  });

  it('keeps a live stream going within maxEvents, for the chosen departments only', () => {
    const sim = simulator({ departments: ['GAJ-R03', 'WLJ-R02'] });
    let now = NOW.getTime();
    for (let tick = 0; tick < 20; tick++) {
      now += 10_000;
      const delivered = events(sim.live(new Date(now), 25));
      expect(delivered.length).toBeLessThanOrEqual(25);
      expect(delivered.length).toBeGreaterThan(15);
      for (const event of delivered) expect(['GAJ-R03', 'WLJ-R02']).toContain(event.departmentCode);
    }
    expect(sim.stats().casesOpened).toBeGreaterThan(10);
    expect(() => sim.live(new Date(now - 1), 10)).toThrow(RangeError);
    expect(() => simulator({ departments: ['NOPE'] })).toThrow(RangeError);
  });
  it('holds back-dated bursts until the whole story has happened, and follows the calendar it is given', () => {
    const noGoldenWeek = (date: string) => !(date >= '2025-10-01' && date <= '2025-10-08') && ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    const sim = simulator({ seed: 7, irregularShare: 0.6, isWorkingDay: noGoldenWeek });
    const now = new Date('2025-10-20T08:00:00Z');
    const delivered = events(sim.history(now, 40, 80));
    const dates = new Set(delivered.map((event) => event.occurredAt.slice(0, 10)));
    expect([...dates].filter((date) => date >= '2025-10-01' && date <= '2025-10-08')).toEqual([]);
    const bursts = sim.groundTruth().filter((entry) => entry.irregularity === 'BACKDATED_BURST');
    expect(bursts.some((entry) => entry.complete) && bursts.some((entry) => !entry.complete)).toBe(true);
    const caseIds = new Set(delivered.map((event) => event.caseId));
    for (const entry of bursts) expect(caseIds.has(entry.caseId)).toBe(entry.complete);
  });
});
