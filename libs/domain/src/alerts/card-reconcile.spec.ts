import { Finding } from '@app/contracts';
import { ActiveCard, planCardChanges } from './card-reconcile';

const finding = (rule: Finding['rule'], level: Finding['level'], timeDriven = true): Finding => ({
  rule,
  level,
  rulesetVersion: 'test',
  responsibleOfficerId: null,
  breachedAt: '2025-10-30T16:00:00.000Z',
  timeDriven,
  evidence: { eventIds: [], facts: {} },
  summary: { zh: '', en: '' },
});
const card = (rule: ActiveCard['rule'], level: ActiveCard['level'], timeDriven = true, escalated = false): ActiveCard => ({
  id: `card-${rule}`,
  rule,
  level,
  state: 'OPEN',
  timeDriven,
  escalated,
});

describe('planCardChanges', () => {
  it('raises a card for a new finding and changes nothing when the same finding comes again', () => {
    const first = planCardChanges([], [finding('STATUTORY_OVERDUE', 'RED')], false);
    expect(first.raise.map((f) => f.rule)).toEqual(['STATUTORY_OVERDUE']);
    const again = planCardChanges([card('STATUTORY_OVERDUE', 'RED')], [finding('STATUTORY_OVERDUE', 'RED')], false);
    expect(again).toEqual({ raise: [], upgrade: [], correct: [], clear: [] });
  });

  it('upgrades in place to a more severe level', () => {
    const up = planCardChanges([card('STEP_OVERDUE', 'PROMPT')], [finding('STEP_OVERDUE', 'YELLOW')], false);
    expect(up.upgrade).toHaveLength(1);
    expect(up.correct).toEqual([]);
  });

  it('lowers a card to what the facts now say (a late event changed the history), unless it was escalated', () => {
    const down = planCardChanges([card('STEP_OVERDUE', 'YELLOW')], [finding('STEP_OVERDUE', 'PROMPT')], false);
    expect(down.correct.map(({ card: c, finding: f }) => [c.level, f.level])).toEqual([['YELLOW', 'PROMPT']]);
    expect(down.upgrade).toEqual([]);
    const escalated = planCardChanges([card('PROMISED_OVERDUE', 'RED', true, true)], [finding('PROMISED_OVERDUE', 'YELLOW')], false);
    expect(escalated).toEqual({ raise: [], upgrade: [], correct: [], clear: [] });
  });

  it('clears a card whose condition no longer holds', () => {
    expect(planCardChanges([card('DEADLINE_NEAR', 'PROMPT')], [], false).clear.map((c) => c.rule)).toEqual(['DEADLINE_NEAR']);
  });

  it('neither raises nor clears time-driven cards while the feed is silent, but still handles the others', () => {
    const plan = planCardChanges(
      [card('DEADLINE_NEAR', 'PROMPT'), card('FEE_IRREGULAR', 'RED', false)],
      [finding('STATUTORY_OVERDUE', 'RED'), finding('DENIED_NO_REASON', 'YELLOW', false)],
      true,
    );
    expect(plan.raise.map((f) => f.rule)).toEqual(['DENIED_NO_REASON']);
    expect(plan.clear.map((c) => c.rule)).toEqual(['FEE_IRREGULAR']);
  });
});
