import { FlushThrottle } from './flush-throttle';

describe('FlushThrottle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A flush that takes `ms` of (fake) time, recording when each one started. */
  function setUp(intervalMs: number, flushMs = 0) {
    const starts: number[] = [];
    let running = 0;
    let overlapped = false;
    const throttle = new FlushThrottle(
      intervalMs,
      async () => {
        starts.push(Date.now());
        running++;
        if (running > 1) overlapped = true;
        await new Promise((resolve) => setTimeout(resolve, flushMs));
        running--;
      },
      (error) => {
        throw error;
      },
    );
    return { throttle, starts, overlapped: () => overlapped };
  }

  it('turns a burst of thousands of requests into one flush now and one after the interval', async () => {
    const { throttle, starts } = setUp(500);
    const t0 = Date.now();
    for (let i = 0; i < 5000; i++) throttle.request();
    await jest.advanceTimersByTimeAsync(2000);
    expect(starts.map((s) => s - t0)).toEqual([0]);
    for (let i = 0; i < 5000; i++) throttle.request();
    await jest.advanceTimersByTimeAsync(2000);
    expect(starts).toHaveLength(2);
  });

  it('never flushes more often than the interval under a steady stream of requests', async () => {
    const { throttle, starts } = setUp(500);
    for (let ms = 0; ms < 10_000; ms += 10) {
      throttle.request();
      await jest.advanceTimersByTimeAsync(10);
    }
    await jest.advanceTimersByTimeAsync(1000);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(500);
    expect(starts.length).toBeGreaterThanOrEqual(19);
  });

  it('serves a request that arrives during a slow flush with one more flush, never two at once', async () => {
    const { throttle, starts, overlapped } = setUp(100, 1000);
    throttle.request();
    await jest.advanceTimersByTimeAsync(10);
    throttle.request();
    throttle.request();
    await jest.advanceTimersByTimeAsync(5000);
    expect(starts).toHaveLength(2);
    expect(overlapped()).toBe(false);
  });

  it('does nothing after stop', async () => {
    const { throttle, starts } = setUp(500);
    await throttle.stop();
    throttle.request();
    await jest.advanceTimersByTimeAsync(2000);
    expect(starts).toEqual([]);
  });
});
