import { cardTransition, isUpgrade } from './card-lifecycle';

describe('card lifecycle', () => {
  const open = { state: 'OPEN' as const, stateBeforeAppeal: null };

  it.each([
    ['acknowledge', 'department', undefined, 'ACKNOWLEDGED'],
    ['rectify', 'department', '已补发告知书', 'RECTIFIED'],
    ['appeal', 'department', '系统时间有误', 'APPEALED'],
    ['dismiss', 'centre', '误报', 'DISMISSED'],
  ] as const)('%s by the %s moves an OPEN card to %s', (action, side, comment, to) => {
    expect(cardTransition(action, open, side, comment)).toEqual({ ok: true, to });
  });

  it('refuses the wrong side, a missing reason and an impossible state, saying why', () => {
    expect(cardTransition('dismiss', open, 'department', 'x')).toMatchObject({ ok: false, reason: 'WRONG_SIDE' });
    expect(cardTransition('dismiss', open, 'centre', '  ')).toMatchObject({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(cardTransition('close', open, 'centre', undefined)).toMatchObject({ ok: false, reason: 'NOT_ALLOWED_FROM_STATE' });
    const closed = { state: 'CLOSED' as const, stateBeforeAppeal: null };
    expect(cardTransition('acknowledge', closed, 'department', undefined)).toMatchObject({ ok: false, message: 'cannot acknowledge a card that is CLOSED' });
  });

  it('returns a card to where it stood when an appeal is rejected, and dismisses it when upheld', () => {
    const appealed = { state: 'APPEALED' as const, stateBeforeAppeal: 'ACKNOWLEDGED' as const };
    expect(cardTransition('reject-appeal', appealed, 'centre', '理由不成立')).toEqual({ ok: true, to: 'ACKNOWLEDGED' });
    expect(cardTransition('uphold-appeal', appealed, 'centre', '理由成立')).toEqual({ ok: true, to: 'DISMISSED' });
  });

  it('upgrades only to a more severe level', () => {
    expect(isUpgrade('YELLOW', 'RED')).toBe(true);
    expect(isUpgrade('RED', 'YELLOW')).toBe(false);
    expect(isUpgrade('YELLOW', 'YELLOW')).toBe(false);
  });
});
