import fc from 'fast-check';
import { StoredCaseEvent } from '@app/contracts';
import { projectCase } from './case-projection';

const base = { departmentCode: 'D', caseId: 'C', itemCode: 'I', receivedAt: '2025-11-10T02:00:00.000Z' };
let n = 0;
const ev = (type: string, occurredAt: string, data: object = {}, extra: object = {}): StoredCaseEvent =>
  ({ ...base, eventId: `e${++n}`, type, occurredAt, data, ...extra }) as StoredCaseEvent;

const approvedStory = (): StoredCaseEvent[] => [
  ev('SUBMITTED', '2025-11-10T09:00:00+08:00', { channel: 'ONLINE', documents: [] }, { seq: 1, officerId: 'O1' }),
  ev('CORRECTION_REQUESTED', '2025-11-11T09:00:00+08:00', { missing: ['x'] }, { seq: 2 }),
  ev('CORRECTION_SUBMITTED', '2025-11-12T09:00:00+08:00', { documents: ['x'] }, { seq: 3 }),
  ev('ACCEPTED', '2025-11-12T10:00:00+08:00', {}, { seq: 4, officerId: 'O2' }),
  ev('STEP_STARTED', '2025-11-13T09:00:00+08:00', { step: 'REVIEW' }, { seq: 5 }),
  ev('SUSPENDED', '2025-11-14T09:00:00+08:00', { reason: 'TESTING', expectedDays: 5, noticeIssued: true }, { seq: 6 }),
  ev('RESUMED', '2025-11-20T09:00:00+08:00', {}, { seq: 7 }),
  ev('STEP_COMPLETED', '2025-11-21T09:00:00+08:00', { step: 'REVIEW' }, { seq: 8 }),
  ev('DECIDED', '2025-11-24T09:00:00+08:00', { outcome: 'APPROVED' }, { seq: 9, officerId: 'O3' }),
];

describe('projectCase', () => {
  it('follows a case through correction, suspension and decision', () => {
    const story = approvedStory();
    expect(projectCase(story.slice(0, 2))).toMatchObject({ status: 'AWAITING_CORRECTION', open: true });
    expect(projectCase(story.slice(0, 6))).toMatchObject({ status: 'SUSPENDED', suspended: true, currentStep: 'REVIEW' });
    expect(projectCase(story.slice(0, 7))).toMatchObject({ status: 'IN_PROGRESS', suspended: false });
    expect(projectCase(story)).toMatchObject({
      status: 'APPROVED',
      open: true,
      outcome: 'APPROVED',
      responsibleOfficerId: 'O3',
      submittedAt: '2025-11-10T01:00:00.000Z',
      acceptedAt: '2025-11-12T02:00:00.000Z',
      decidedAt: '2025-11-24T01:00:00.000Z',
      currentStep: null,
      eventCount: 9,
      anomalies: [],
    });
  });

  it('closes on certificate issuance and on denial, and keeps later events as anomalies', () => {
    const issued = [...approvedStory(), ev('CERTIFICATE_ISSUED', '2025-11-25T09:00:00+08:00', {}, { seq: 10 })];
    expect(projectCase(issued)).toMatchObject({ status: 'COMPLETED', open: false, closedAt: '2025-11-25T01:00:00.000Z' });
    const late = [...issued, ev('STEP_STARTED', '2025-11-26T09:00:00+08:00', { step: 'X' }, { seq: 11 })];
    expect(projectCase(late)).toMatchObject({ status: 'COMPLETED', anomalies: ['EVENT_AFTER_CLOSE'] });
    const voided = [...issued, ev('VOIDED', '2025-11-27T09:00:00+08:00', { reason: '错误' }, { seq: 12 })];
    expect(projectCase(voided)).toMatchObject({ status: 'VOIDED', open: false });
  });

  it('notices a decision without acceptance and a history without submission', () => {
    const odd = [ev('DECIDED', '2025-11-24T09:00:00+08:00', { outcome: 'DENIED' })];
    expect(projectCase(odd)).toMatchObject({ status: 'DENIED', anomalies: ['DECIDED_BEFORE_ACCEPTED', 'NO_SUBMISSION'] });
  });

  it('orders by seq first: a back-dated event with a later seq still comes later', () => {
    const events = [
      ev('SUBMITTED', '2025-11-10T09:00:00+08:00', { channel: 'ONLINE', documents: [] }, { seq: 1 }),
      ev('ACCEPTED', '2025-11-09T09:00:00+08:00', {}, { seq: 2 }),
    ];
    expect(projectCase(events).status).toBe('ACCEPTED');
  });

  it('gives the same snapshot for any delivery order (property)', () => {
    const story = approvedStory();
    const noSeq = story.map(({ seq: _s, ...e }) => e as StoredCaseEvent);
    for (const source of [story, noSeq]) {
      const expected = projectCase(source);
      fc.assert(
        fc.property(fc.shuffledSubarray(source, { minLength: source.length, maxLength: source.length }), (delivered) => {
          expect(projectCase(delivered)).toEqual(expected);
        }),
      );
    }
  });
});
