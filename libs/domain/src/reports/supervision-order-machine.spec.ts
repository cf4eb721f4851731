import { nextOrderState, OrderFacts, OrderState, orderKindError } from './supervision-order-machine';

const DUE = Date.parse('2026-03-10T16:00:00Z');
const BEFORE = DUE - 1_000;
const AFTER = DUE + 1_000;
const order = (state: OrderState, kind: OrderFacts['kind'] = 'RECTIFY'): OrderFacts => ({ kind, state, dueAtMs: DUE });

describe('supervision order state machine', () => {
  it('walks reply → verified', () => {
    expect(nextOrderState(order('ISSUED'), { type: 'REPLY' }, BEFORE)).toEqual({ ok: true, state: 'REPLIED', proposeHeadAccountability: false });
    expect(nextOrderState(order('REPLIED'), { type: 'VERIFY', outcome: 'VERIFIED' }, BEFORE)).toEqual({ ok: true, state: 'VERIFIED', proposeHeadAccountability: false });
  });

  it('finds a reply not carried out, then re-issues or escalates (escalation proposes the head’s accountability)', () => {
    expect(nextOrderState(order('REPLIED', 'PERFORM'), { type: 'VERIFY', outcome: 'NOT_CARRIED_OUT' }, BEFORE)).toMatchObject({ ok: true, state: 'NOT_CARRIED_OUT' });
    expect(nextOrderState(order('NOT_CARRIED_OUT'), { type: 'REISSUE' }, AFTER)).toEqual({ ok: true, state: 'REISSUED', proposeHeadAccountability: false });
    expect(nextOrderState(order('NOT_CARRIED_OUT'), { type: 'ESCALATE' }, AFTER)).toEqual({ ok: true, state: 'ESCALATED', proposeHeadAccountability: true });
    expect(nextOrderState(order('ESCALATED'), { type: 'REISSUE' }, AFTER)).toMatchObject({ ok: true, state: 'REISSUED' });
  });

  it('finds an unanswered order not carried out only after its deadline', () => {
    expect(nextOrderState(order('ISSUED'), { type: 'VERIFY', outcome: 'NOT_CARRIED_OUT' }, BEFORE)).toMatchObject({ ok: false });
    expect(nextOrderState(order('ISSUED'), { type: 'VERIFY', outcome: 'NOT_CARRIED_OUT' }, AFTER)).toMatchObject({ ok: true, state: 'NOT_CARRIED_OUT' });
    expect(nextOrderState(order('ISSUED'), { type: 'VERIFY', outcome: 'VERIFIED' }, AFTER)).toMatchObject({ ok: false });
  });

  it('escalates an overdue 限期整改 / 限期履行 by itself; a 督办 stays open (flagged only)', () => {
    expect(nextOrderState(order('ISSUED', 'RECTIFY'), { type: 'OVERDUE' }, AFTER)).toEqual({ ok: true, state: 'ESCALATED', proposeHeadAccountability: true });
    expect(nextOrderState(order('ISSUED', 'PERFORM'), { type: 'OVERDUE' }, AFTER)).toEqual({ ok: true, state: 'ESCALATED', proposeHeadAccountability: true });
    expect(nextOrderState(order('ISSUED', 'SUPERVISION'), { type: 'OVERDUE' }, AFTER)).toEqual({ ok: true, state: 'ISSUED', proposeHeadAccountability: false });
    expect(nextOrderState(order('ISSUED', 'RECTIFY'), { type: 'OVERDUE' }, BEFORE)).toMatchObject({ ok: false });
    expect(nextOrderState(order('REPLIED', 'RECTIFY'), { type: 'OVERDUE' }, AFTER)).toMatchObject({ ok: false });
  });

  it('refuses steps out of order, naming the state', () => {
    const refused = nextOrderState(order('VERIFIED'), { type: 'REPLY' }, BEFORE);
    expect(refused).toEqual({ ok: false, reason: 'cannot reply to this order: the order is VERIFIED (needs ISSUED)' });
    expect(nextOrderState(order('REPLIED'), { type: 'ESCALATE' }, AFTER)).toMatchObject({ ok: false });
    expect(nextOrderState(order('REISSUED'), { type: 'REISSUE' }, AFTER)).toMatchObject({ ok: false });
    expect(nextOrderState(order('ESCALATED'), { type: 'ESCALATE' }, AFTER)).toMatchObject({ ok: false });
    expect(nextOrderState(order('CLOSED'), { type: 'CLOSE' }, AFTER)).toMatchObject({ ok: false });
    expect(nextOrderState(order('REPLIED', 'SUPERVISION'), { type: 'CLOSE' }, AFTER)).toMatchObject({ ok: true, state: 'CLOSED' });
  });

  it('takes a review decision reference only on a 限期履行 order', () => {
    expect(orderKindError('PERFORM', '某复决字〔2026〕3号')).toBeNull();
    expect(orderKindError('RECTIFY', '某复决字〔2026〕3号')?.path).toBe('reviewDecisionRef');
    expect(orderKindError('SUPERVISION', null)).toBeNull();
  });
});
