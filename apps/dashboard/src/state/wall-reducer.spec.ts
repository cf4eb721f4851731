import { WALL_LIMITS } from '@app/contracts/realtime/wall';
import { card, snapshot } from '../testing/wall-fixtures.spec-helper';
import { INITIAL_WALL_STATE, isLive, WallAction, wallReducer, WallViewState } from './wall-reducer';

const limits = { silenceMs: 15_000, dataLagMs: 60_000 };
const run = (actions: WallAction[], from: WallViewState = INITIAL_WALL_STATE) => actions.reduce(wallReducer, from);
const synced = () => run([{ type: 'connected', at: 1000 }, { type: 'snapshot', snapshot: snapshot({ sequence: 7 }), at: 1100 }]);

describe('wallReducer', () => {
  it('is live once connected and a snapshot is applied, and not before', () => {
    const connected = run([{ type: 'connected', at: 1000 }]);
    expect(isLive(connected, 1000, limits)).toBe(false);
    const state = synced();
    expect(state.sequence).toBe(7);
    expect(state.data?.kpis.acceptedToday).toBe(3);
    expect(state.dataAsOf).toBe('2026-11-30T02:00:00.000Z');
    expect(isLive(state, 1200, limits)).toBe(true);
  });

  it('applies the next delta, replacing only the panels it carries', () => {
    const before = synced();
    const after = wallReducer(before, {
      type: 'delta',
      at: 2000,
      delta: { sequence: 8, serverTime: '2026-11-30T02:00:01.000Z', kpis: { ...before.data!.kpis, acceptedToday: 4 } },
    });
    expect(after.sequence).toBe(8);
    expect(after.data!.kpis.acceptedToday).toBe(4);
    // Untouched panels keep their identity, so their charts are not redrawn.
    expect(after.data!.trend).toBe(before.data!.trend);
    expect(after.data!.departments).toBe(before.data!.departments);
    expect(after.dataAsOf).toBe('2026-11-30T02:00:01.000Z');
  });

  it('ignores a delta it has already applied (a duplicate changes nothing)', () => {
    const state = synced();
    const again = wallReducer(state, { type: 'delta', at: 2000, delta: { sequence: 7, serverTime: 'x', kpis: { ...state.data!.kpis, acceptedToday: 99 } } });
    expect(again.data).toBe(state.data);
    expect(again.resyncRequests).toBe(0);
  });

  it('detects a gap in the sequence, stops applying deltas and asks for a snapshot', () => {
    const state = synced();
    const skipped = wallReducer(state, { type: 'delta', at: 2000, delta: { sequence: 9, serverTime: 'x', kpis: { ...state.data!.kpis, acceptedToday: 99 } } });
    expect(skipped.awaitingSnapshot).toBe(true);
    expect(skipped.resyncRequests).toBe(1);
    expect(skipped.data!.kpis.acceptedToday).toBe(3);
    expect(isLive(skipped, 2000, limits)).toBe(false);
    const next = wallReducer(skipped, { type: 'delta', at: 2100, delta: { sequence: 10, serverTime: 'x', kpis: { ...state.data!.kpis, acceptedToday: 98 } } });
    expect(next.data!.kpis.acceptedToday).toBe(3);
    const healed = wallReducer(next, { type: 'snapshot', at: 2200, snapshot: snapshot({ sequence: 10 }) });
    expect(healed.awaitingSnapshot).toBe(false);
    expect(isLive(healed, 2300, limits)).toBe(true);
  });

  it('treats a heartbeat announcing another sequence as a gap (a delta was lost)', () => {
    const state = synced();
    const beat = (sequence: number) => ({ serverTime: '2026-11-30T02:00:05.000Z', sequence, dataAsOf: '2026-11-30T02:00:04.000Z' });
    const fine = wallReducer(state, { type: 'heartbeat', at: 5000, heartbeat: beat(7) });
    expect(fine.awaitingSnapshot).toBe(false);
    expect(fine.dataAsOf).toBe('2026-11-30T02:00:04.000Z');
    expect(fine.serverLagMs).toBe(1000);
    const lost = wallReducer(state, { type: 'heartbeat', at: 5000, heartbeat: beat(8) });
    expect(lost.awaitingSnapshot).toBe(true);
    expect(lost.resyncRequests).toBe(1);
  });

  it('keeps the last data on disconnection but is no longer live, until the next snapshot', () => {
    const state = synced();
    const lost = wallReducer(state, { type: 'disconnected', at: 3000 });
    expect(lost.data).toBe(state.data);
    expect(isLive(lost, 3000, limits)).toBe(false);
    const back = run([{ type: 'connected', at: 4000 }], lost);
    expect(isLive(back, 4000, limits)).toBe(false);
    const synced2 = wallReducer(back, { type: 'snapshot', at: 4100, snapshot: snapshot({ sequence: 2 }) });
    expect(synced2.sequence).toBe(2);
    expect(isLive(synced2, 4200, limits)).toBe(true);
  });

  it('is stale when the server falls silent or reports its data as old', () => {
    const state = synced();
    expect(isLive(state, 1100 + limits.silenceMs, limits)).toBe(true);
    expect(isLive(state, 1101 + limits.silenceMs, limits)).toBe(false);
    const lagging = wallReducer(state, {
      type: 'heartbeat',
      at: 5000,
      heartbeat: { serverTime: '2026-11-30T02:05:00.000Z', sequence: 7, dataAsOf: '2026-11-30T02:00:00.000Z' },
    });
    expect(isLive(lagging, 5000, limits)).toBe(false);
  });

  it('flags a protocol it does not speak instead of misreading it', () => {
    const state = run([{ type: 'connected', at: 1 }, { type: 'snapshot', at: 2, snapshot: snapshot({ protocol: 999 }) }]);
    expect(state.protocolMismatch).toBe(true);
    expect(state.data).toBeNull();
  });

  it('merges delta cards into the feed by id, newest first, without duplicates, bounded', () => {
    const state = wallReducer(INITIAL_WALL_STATE, {
      type: 'snapshot',
      at: 1,
      snapshot: snapshot({ sequence: 1, cards: [card('a', '2026-11-30T01:00:00Z'), card('b', '2026-11-30T01:05:00Z')] }),
    });
    expect(state.data!.cards.map((c) => c.id)).toEqual(['b', 'a']);
    const escalated = card('a', '2026-11-30T01:10:00Z', { level: 'RED' });
    const after = wallReducer(state, { type: 'delta', at: 2, delta: { sequence: 2, serverTime: 'x', cards: [escalated, card('b', '2026-11-30T01:05:00Z')] } });
    expect(after.data!.cards.map((c) => [c.id, c.level])).toEqual([['a', 'RED'], ['b', 'YELLOW']]);
    const flood = Array.from({ length: WALL_LIMITS.recentCards + 30 }, (_, i) => card(`f${i}`, new Date(Date.UTC(2026, 10, 30, 3, 0, i)).toISOString()));
    const full = wallReducer(after, { type: 'delta', at: 3, delta: { sequence: 3, serverTime: 'x', cards: flood } });
    expect(full.data!.cards).toHaveLength(WALL_LIMITS.recentCards);
    expect(full.data!.cards[0].id).toBe(`f${WALL_LIMITS.recentCards + 29}`);
  });
});
