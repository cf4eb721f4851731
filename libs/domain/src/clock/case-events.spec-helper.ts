// Builders shared by the clock specs (named *.spec-helper.ts so Jest does not run it as a suite).
import { EventDataByType, EventType, ItemInput, StoredCaseEvent } from '@app/contracts';
import { HolidayYearFile } from '../calendar/holiday-year-file';

export type EventLine = { [T in EventType]: [T, string, EventDataByType[T]] }[EventType];

/**
 * A case history from short lines: [type, local time in Asia/Shanghai ('2025-09-26 10:00'), data].
 * Event ids and seq follow the line order, as a well-behaved sender would number them.
 */
export function caseEvents(...lines: EventLine[]): StoredCaseEvent[] {
  return lines.map(([type, local, data], index) => {
    const occurredAt = `${local.replace(' ', 'T')}:00+08:00`;
    return {
      eventId: `e${index + 1}`,
      departmentCode: 'D01',
      caseId: 'C-1',
      itemCode: 'ITEM-1',
      occurredAt,
      seq: index + 1,
      receivedAt: occurredAt,
      type,
      data,
    } as StoredCaseEvent;
  });
}

/** An instant given as Asia/Shanghai local time. */
export function shanghai(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

export function item(overrides: Partial<ItemInput> = {}): ItemInput {
  return {
    name: '食品经营许可',
    departmentCode: 'D01',
    kind: 'PROMISED',
    statutoryDays: 20,
    promisedDays: 10,
    steps: [
      { code: 'REVIEW', name: '审查', limitDays: 5, mandatory: true },
      { code: 'DECIDE', name: '决定', limitDays: 3, mandatory: true },
    ],
    feeFen: 0,
    requiredDocuments: ['application'],
    ...overrides,
  };
}

/** The 2027 notice as a fixture: only New Year's Day, enough to show a provisional clock becoming exact. */
export const PUBLISHED_2027: HolidayYearFile = {
  year: 2027,
  papers: ['fixture'],
  days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }],
};
