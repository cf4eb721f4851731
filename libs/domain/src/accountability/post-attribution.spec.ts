import { attributeBreach, AttributionQuestion, HoldingForAttribution, PostForAttribution } from './post-attribution';
import { breachStep } from './rule-stage';

const post = (id: string, stepCodes: string[], itemCodes: string[] = [], extra: Partial<PostForAttribution> = {}): PostForAttribution => ({
  id,
  code: id.toUpperCase(),
  name: `岗位${id}`,
  duties: `职责${id}`,
  itemCodes,
  stepCodes,
  isHead: false,
  ...extra,
});
const holding = (postId: string, officerId: string, validFrom: string, validTo: string | null = null): HoldingForAttribution => ({ postId, officerId, validFrom, validTo });

const POSTS = [post('accept', ['ACCEPT']), post('review', ['REVIEW', 'DECIDE'], ['ITEM-1']), post('review-all', ['REVIEW']), post('clerk', [])];
const ask = (over: Partial<AttributionQuestion>): AttributionQuestion => ({
  posts: POSTS,
  holdings: [holding('accept', 'A', '2025-01-01', '2025-06-30'), holding('accept', 'B', '2025-07-01'), holding('review', 'C', '2025-01-01'), holding('clerk', 'D', '2025-01-01')],
  on: '2025-05-10',
  itemCode: 'ITEM-1',
  step: 'ACCEPT',
  actingOfficerId: 'D',
  ...over,
});

describe('attributeBreach: the post responsible for the step on the day of the breach, and its holder then', () => {
  it('names the step’s post and whoever held it that day, with its duties as the duty breached', () => {
    expect(attributeBreach(ask({}))).toEqual({ postId: 'accept', postCode: 'ACCEPT', postName: '岗位accept', officerId: 'A', duty: '职责accept', basis: 'STEP_POST' });
  });

  it('keeps an earlier breach with the earlier holder after the post changed hands; a later one goes to the new holder', () => {
    expect(attributeBreach(ask({ on: '2025-06-30' }))?.officerId).toBe('A');
    expect(attributeBreach(ask({ on: '2025-07-01' }))?.officerId).toBe('B');
  });

  it('prefers the post naming the item over one handling every item, and skips posts for other items', () => {
    expect(attributeBreach(ask({ step: 'REVIEW', holdings: [holding('review', 'C', '2025-01-01'), holding('review-all', 'E', '2025-01-01')] }))?.postId).toBe('review');
    expect(attributeBreach(ask({ step: 'REVIEW', itemCode: 'ITEM-2', holdings: [holding('review', 'C', '2025-01-01'), holding('review-all', 'E', '2025-01-01')] }))?.postId).toBe('review-all');
  });

  it('prefers the acting officer among several holders of the step’s post', () => {
    const holdings = [holding('accept', 'A', '2025-01-01'), holding('accept', 'F', '2025-02-01')];
    expect(attributeBreach(ask({ holdings, actingOfficerId: 'F' }))?.officerId).toBe('F');
    expect(attributeBreach(ask({ holdings, actingOfficerId: 'Z' }))?.officerId).toBe('A');
  });

  it('falls back to the post the acting officer held that day when the step’s post was vacant or no post handles it', () => {
    const vacant = ask({ on: '2024-12-31', holdings: [holding('accept', 'A', '2025-01-01'), holding('clerk', 'D', '2024-01-01')] });
    expect(attributeBreach(vacant)).toMatchObject({ postId: 'clerk', officerId: 'D', basis: 'ACTING_OFFICER_POST' });
    expect(attributeBreach(ask({ step: 'ISSUE' }))).toMatchObject({ postId: 'clerk', officerId: 'D', basis: 'ACTING_OFFICER_POST' });
    expect(attributeBreach(ask({ step: null, actingOfficerId: 'C' }))).toMatchObject({ postId: 'review', officerId: 'C', basis: 'ACTING_OFFICER_POST' });
  });

  it('answers none when neither the step nor the acting officer leads to a post held that day', () => {
    expect(attributeBreach(ask({ step: 'ISSUE', actingOfficerId: null }))).toBeNull();
    expect(attributeBreach(ask({ step: 'ISSUE', actingOfficerId: 'D', on: '2024-06-01' }))).toBeNull();
    expect(attributeBreach(ask({ posts: [], holdings: [] }))).toBeNull();
  });

  it('counts both ends of a holding as held (validFrom and validTo inclusive)', () => {
    const holdings = [holding('accept', 'A', '2025-05-10', '2025-05-10')];
    expect(attributeBreach(ask({ holdings }))?.officerId).toBe('A');
    expect(attributeBreach(ask({ holdings, on: '2025-05-11', actingOfficerId: null }))).toBeNull();
  });
});

describe('breachStep: the step of a card', () => {
  it('takes a step clock’s step, else the stage of the rule, else none', () => {
    expect(breachStep('STEP_OVERDUE', { clock: { kind: 'STEP', step: 'INSPECT' } })).toBe('INSPECT');
    expect(breachStep('STATUTORY_OVERDUE', { clock: { kind: 'DECISION_STATUTORY' } })).toBe('DECIDE');
    expect(breachStep('CORRECTION_LATE', {})).toBe('ACCEPT');
    expect(breachStep('CERTIFICATE_LATE', null)).toBe('ISSUE');
    expect(breachStep('LATE_REPORTING', {})).toBeNull();
    expect(breachStep(null, null)).toBeNull();
  });
});
