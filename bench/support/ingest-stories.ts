/**
 * Traffic for the ingest benchmark: a catalogue of many departments built from the demo catalogue's
 * items, and case stories (SUBMITTED → ACCEPTED → each mandatory step started and completed →
 * DECIDED → CERTIFICATE_ISSUED) told one event at a time. Each department keeps a ring of open
 * cases and every batch takes the next event of the next case in the ring, so a batch touches as
 * many distinct cases as it has events and every case is projected again from a growing history —
 * the way department systems report (events as they happen), not one whole story per request.
 *
 * Cheap on purpose (a few string templates per event): the load generator shares the 2 cores with
 * the server, and libs/simulation, which plans whole realistic days, makes ~3,000 events/s.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { CatalogueFile, ItemInput } from '../../libs/contracts/src';
import { ROOT } from './results';

export interface BenchEvent {
  eventId: string;
  departmentCode: string;
  caseId: string;
  itemCode: string;
  type: string;
  occurredAt: string;
  seq: number;
  officerId: string;
  data: Record<string, unknown>;
}

const departmentCode = (i: number) => `B${String(i + 1).padStart(3, '0')}`;

/**
 * `departments` departments in three regions, three officers each (the first supervises the
 * others), and two items each cloned from the demo catalogue's free PROMISED items, so stories
 * follow real step lists and document lists.
 */
export function benchCatalogue(departments: number): CatalogueFile {
  const demo = JSON.parse(readFileSync(resolve(ROOT, 'resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
  const templates = Object.values(demo.items).filter((item) => item.kind === 'PROMISED' && item.feeFen === 0);
  const catalogue: CatalogueFile = { regions: demo.regions, departments: {}, officers: {}, items: {} };
  const regions = Object.keys(demo.regions);
  for (let d = 0; d < departments; d++) {
    const code = departmentCode(d);
    catalogue.departments[code] = { name: `基准测试部门${d + 1}`, regionCode: regions[d % regions.length], contact: { name: `联系人${d + 1}`, officerId: `O-${code}-1` } };
    catalogue.officers[`O-${code}-1`] = { name: `科长${d + 1}`, departmentCode: code };
    for (const n of [2, 3]) catalogue.officers[`O-${code}-${n}`] = { name: `经办${d + 1}-${n}`, departmentCode: code, supervisorId: `O-${code}-1` };
    for (const n of [0, 1]) {
      const template = templates[(d * 2 + n) % templates.length];
      catalogue.items[`${code}-00${n + 1}`] = { ...template, departmentCode: code };
    }
  }
  return catalogue;
}

interface OpenCase {
  caseId: string;
  itemCode: string;
  officerId: string;
  story: { type: string; data: Record<string, unknown> }[];
  next: number;
}

/** The events of one case, in order. `irregular`: accepted with only one of the required documents. */
export function storyOf(item: ItemInput, irregular: boolean): OpenCase['story'] {
  const documents = irregular ? item.requiredDocuments.slice(0, 1) : item.requiredDocuments;
  const story: OpenCase['story'] = [
    { type: 'SUBMITTED', data: { channel: 'ONLINE', documents } },
    { type: 'ACCEPTED', data: {} },
  ];
  for (const step of item.steps.filter((s) => s.mandatory)) {
    story.push({ type: 'STEP_STARTED', data: { step: step.code } }, { type: 'STEP_COMPLETED', data: { step: step.code } });
  }
  story.push({ type: 'DECIDED', data: { outcome: 'APPROVED' } }, { type: 'CERTIFICATE_ISSUED', data: {} });
  return story;
}

/** One department system's feed: a ring of open cases, one event of the next case at a time. */
export class DepartmentFeed {
  private readonly ring: OpenCase[] = [];
  private cursor = 0;
  private opened = 0;
  private readonly items: [string, ItemInput][];
  private readonly officers: string[];

  constructor(
    readonly code: string,
    catalogue: CatalogueFile,
    private readonly runId: string,
    private readonly ringSize: number,
    private readonly irregularShare: number,
  ) {
    this.items = Object.entries(catalogue.items).filter(([, item]) => item.departmentCode === code);
    this.officers = Object.entries(catalogue.officers).filter(([, o]) => o.departmentCode === code).map(([id]) => id);
    if (this.items.length === 0) throw new Error(`department ${code} has no items`);
  }

  /** `size` events, each the next one of a different open case (when the ring is at least that big). */
  batch(size: number, occurredAt: string): BenchEvent[] {
    const events: BenchEvent[] = [];
    for (let i = 0; i < size; i++) {
      if (this.ring.length < this.ringSize) this.ring.push(this.open());
      const index = this.cursor++ % this.ring.length;
      let c = this.ring[index];
      if (c.next >= c.story.length) c = this.ring[index] = this.open();
      const { type, data } = c.story[c.next++];
      events.push({
        eventId: `${c.caseId}-${c.next}`, departmentCode: this.code, caseId: c.caseId, itemCode: c.itemCode,
        type, occurredAt, seq: c.next, officerId: c.officerId, data,
      });
    }
    return events;
  }

  private open(): OpenCase {
    const n = this.opened++;
    const [itemCode, item] = this.items[n % this.items.length];
    // Deterministic spread of irregular cases: every k-th case, k = 1 / share.
    const irregular = this.irregularShare > 0 && n % Math.max(1, Math.round(1 / this.irregularShare)) === 0;
    return { caseId: `${this.runId}-${this.code}-${n}`, itemCode, officerId: this.officers[1 + (n % (this.officers.length - 1))] ?? this.officers[0], story: storyOf(item, irregular), next: 0 };
  }
}

/** A case that raises a card on its single event: ACCEPTED with none of the required documents. */
export function cardRaisingEvent(catalogue: CatalogueFile, department: string, caseId: string, occurredAt: string): BenchEvent {
  const [itemCode] = Object.entries(catalogue.items).find(([, item]) => item.departmentCode === department)!;
  return { eventId: `${caseId}-1`, departmentCode: department, caseId, itemCode, type: 'ACCEPTED', occurredAt, seq: 1, officerId: `O-${department}-2`, data: {} };
}
