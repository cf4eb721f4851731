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

  it('returns a card to where it stood when an appeal is rejected, and revokes it (final) when upheld', () => {
    const appealed = { state: 'APPEALED' as const, stateBeforeAppeal: 'ACKNOWLEDGED' as const };
    expect(cardTransition('reject-appeal', appealed, 'centre', '理由不成立')).toEqual({ ok: true, to: 'ACKNOWLEDGED' });
    expect(cardTransition('uphold-appeal', appealed, 'centre', '理由成立')).toEqual({ ok: true, to: 'REVOKED' });
    expect(cardTransition('dismiss', { state: 'REVOKED', stateBeforeAppeal: 'OPEN' }, 'centre', 'x')).toMatchObject({ ok: false, reason: 'NOT_ALLOWED_FROM_STATE' });
  });

  it('issues a held card only by the centre’s confirmation, or discards it with a reason; nothing else moves it', () => {
    const held = { state: 'PENDING' as const, stateBeforeAppeal: null };
    expect(cardTransition('confirm', held, 'centre', undefined)).toEqual({ ok: true, to: 'OPEN' });
    expect(cardTransition('discard', held, 'centre', '规则误报')).toEqual({ ok: true, to: 'DISCARDED' });
    expect(cardTransition('discard', held, 'centre', '')).toMatchObject({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(cardTransition('confirm', held, 'department', undefined)).toMatchObject({ ok: false, reason: 'WRONG_SIDE' });
    for (const action of ['acknowledge', 'rectify', 'appeal', 'close', 'dismiss'] as const) {
      expect(cardTransition(action, held, action === 'close' || action === 'dismiss' ? 'centre' : 'department', 'x')).toMatchObject({ ok: false, reason: 'NOT_ALLOWED_FROM_STATE' });
    }
    expect(cardTransition('confirm', open, 'centre', undefined)).toMatchObject({ ok: false, reason: 'NOT_ALLOWED_FROM_STATE' });
  });

  it('upgrades only to a more severe level', () => {
    expect(isUpgrade('YELLOW', 'RED')).toBe(true);
    expect(isUpgrade('RED', 'YELLOW')).toBe(false);
    expect(isUpgrade('YELLOW', 'YELLOW')).toBe(false);
  });
});
