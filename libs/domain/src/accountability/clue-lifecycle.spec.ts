import { clueTransition, conclusionDeliveries } from './clue-lifecycle';

describe('clue lifecycle', () => {
  it('starts the investigation on assignment and concludes only an investigated clue', () => {
    expect(clueTransition('REGISTERED', { type: 'ASSIGN' })).toEqual({ ok: true, state: 'INVESTIGATING', outcome: null });
    expect(clueTransition('INVESTIGATING', { type: 'ASSIGN' })).toEqual({ ok: true, state: 'INVESTIGATING', outcome: null });
    expect(clueTransition('CONCLUDED', { type: 'ASSIGN' })).toMatchObject({ ok: false });
    expect(clueTransition('REGISTERED', { type: 'CONCLUDE', outcome: 'SUBSTANTIATED' })).toEqual({ ok: false, reason: 'the clue has not been assigned for investigation' });
    expect(clueTransition('INVESTIGATING', { type: 'CONCLUDE', outcome: 'REFERRED' })).toEqual({ ok: true, state: 'CONCLUDED', outcome: 'REFERRED' });
    expect(clueTransition('CONCLUDED', { type: 'CONCLUDE', outcome: 'UNSUBSTANTIATED' })).toMatchObject({ ok: false });
  });

  it('feeds back to the source, copies personnel, and refers once per body', () => {
    expect(conclusionDeliveries({ outcome: 'SUBSTANTIATED', sourceBodyCode: 'AUD', referredToBodyCode: null, personnelBodyCodes: ['RS'] })).toEqual([
      { bodyCode: 'AUD', kind: 'FEEDBACK' },
      { bodyCode: 'RS', kind: 'COPY' },
    ]);
    expect(conclusionDeliveries({ outcome: 'UNSUBSTANTIATED', sourceBodyCode: null, referredToBodyCode: null, personnelBodyCodes: ['RS2', 'RS'] })).toEqual([
      { bodyCode: 'RS', kind: 'COPY' },
      { bodyCode: 'RS2', kind: 'COPY' },
    ]);
    expect(conclusionDeliveries({ outcome: 'REFERRED', sourceBodyCode: 'LEGAL', referredToBodyCode: 'LEGAL', personnelBodyCodes: ['RS'] })).toEqual([
      { bodyCode: 'LEGAL', kind: 'REFERRAL' },
      { bodyCode: 'RS', kind: 'COPY' },
    ]);
  });
});
