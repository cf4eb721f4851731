import { readFileSync } from 'fs';
import { join } from 'path';
import { CatalogueFile, EVENT_TYPES, EventValidator } from '@app/contracts';

/** docs/events.md must not drift from the schema: every example event in it must validate. */
const markdown = readFileSync(join(__dirname, '../../../docs/events.md'), 'utf8');
const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]) as Record<string, unknown>);
const isEvent = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && 'eventId' in value && 'type' in value;
const standalone = blocks.filter(isEvent);
const inBodies = blocks.flatMap((block) => (Array.isArray(block.events) ? (block.events as unknown[]) : []));

describe('docs/events.md', () => {
  const validator = new EventValidator();

  it('has exactly one standalone example per event type', () => {
    expect(standalone.map((event) => event.type).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each([...standalone, ...inBodies].map((event) => [(event as { eventId: string }).eventId, event]))('example %s validates', (_id, event) => {
    expect(validator.validate(event)).toEqual({ ok: true, event });
  });

  it('keeps event ids unique across examples', () => {
    const ids = [...standalone, ...inBodies].map((event) => (event as { eventId: string }).eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses departments, items and officers of the demo catalogue', () => {
    const catalogue = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
    for (const event of [...standalone, ...inBodies] as { departmentCode: string; itemCode: string; officerId?: string }[]) {
      expect(catalogue.items[event.itemCode]?.departmentCode).toBe(event.departmentCode);
      if (event.officerId) expect(catalogue.officers[event.officerId]?.departmentCode).toBe(event.departmentCode);
    }
  });

  it('shows an extension approved by the head art. 42 names (a joint item: the region government\'s head)', () => {
    const catalogue = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
    const extensions = ([...standalone, ...inBodies] as { type: string; departmentCode: string; itemCode: string; data: { approvedBy?: string } }[]).filter((e) => e.type === 'EXTENDED');
    expect(extensions.length).toBeGreaterThan(0);
    for (const event of extensions) {
      const joint = catalogue.items[event.itemCode].kind === 'JOINT';
      const regionCode = catalogue.departments[event.departmentCode].regionCode ?? '';
      const heads = joint
        ? (catalogue.regions[regionCode]?.governmentHeads ?? []).map((head) => head.id)
        : Object.entries(catalogue.officers).filter(([, o]) => o.departmentCode === event.departmentCode && o.isDepartmentHead).map(([id]) => id);
      expect(heads).toContain(event.data.approvedBy);
    }
  });

  it('documents the ingest answers and limits', () => {
    for (const text of ['POST /api/v1/events', '`202`', '`400`', '`401`', '`413`', '`503`', '1,000 events', '1 MiB', 'receivedAt']) {
      expect(markdown).toContain(text);
    }
  });
});
