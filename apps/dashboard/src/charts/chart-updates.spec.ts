import { CALM_MS, ChartUpdates, MIN_REDRAW_INTERVAL_MS } from './chart-updates';

describe('ChartUpdates', () => {
  const option = (value: number) => ({ series: [{ id: 's', data: [value] }] });

  it('animates the first drawing and a change after a calm spell', () => {
    const updates = new ChartUpdates();
    expect(updates.next(option(1), 0)).toEqual({ animate: true });
    expect(updates.next(option(2), CALM_MS)).toEqual({ animate: true });
  });

  it('does not draw an option equal to the one shown, however it was built', () => {
    const updates = new ChartUpdates();
    updates.next(option(1), 0);
    expect(updates.next(option(1), 10)).toBeNull();
    expect(updates.next(JSON.parse(JSON.stringify(option(1))), 20_000)).toBeNull();
  });

  it('steps without animation while changes stream in, and glides again once they stop', () => {
    const updates = new ChartUpdates();
    updates.next(option(0), 0);
    const streamed = [1, 2, 3].map((value) => updates.next(option(value), value * MIN_REDRAW_INTERVAL_MS));
    expect(streamed).toEqual([{ animate: false }, { animate: false }, { animate: false }]);
    expect(updates.next(option(5), 3 * MIN_REDRAW_INTERVAL_MS + CALM_MS)).toEqual({ animate: true });
  });

  it('holds a redraw until the interval since the last one has passed', () => {
    const updates = new ChartUpdates();
    expect(updates.waitBeforeDraw(0)).toBe(0);
    updates.next(option(1), 1000);
    expect(updates.waitBeforeDraw(1500)).toBe(MIN_REDRAW_INTERVAL_MS - 500);
    expect(updates.waitBeforeDraw(1000 + MIN_REDRAW_INTERVAL_MS)).toBe(0);
    // An option equal to the shown one draws nothing, so it does not restart the interval.
    updates.next(option(1), 1000 + MIN_REDRAW_INTERVAL_MS);
    expect(updates.waitBeforeDraw(1000 + MIN_REDRAW_INTERVAL_MS)).toBe(0);
  });

  it('draws again after a change and back (what is on screen is what counts)', () => {
    const updates = new ChartUpdates();
    updates.next(option(1), 0);
    updates.next(option(2), 100);
    expect(updates.next(option(1), 200)).toEqual({ animate: false });
  });
});
