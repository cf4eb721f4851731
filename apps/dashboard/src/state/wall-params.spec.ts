import { parseWallParams, ROTATE_DEFAULT_S, WATCHDOG_DEFAULT_S, WATCHDOG_MIN_S } from './wall-params';

describe('parseWallParams', () => {
  it('reads the token, Chinese by default, and the default watchdog and rotation', () => {
    expect(parseWallParams('?token=abc')).toEqual({ token: 'abc', lang: 'zh', watchdogMs: WATCHDOG_DEFAULT_S * 1000, rotateMs: ROTATE_DEFAULT_S * 1000 });
  });

  it('switches to English for visitors and accepts configured timings', () => {
    expect(parseWallParams('?lang=en&watchdog=300&rotate=0')).toMatchObject({ token: null, lang: 'en', watchdogMs: 300_000, rotateMs: 0 });
  });

  it('keeps the watchdog above its floor and ignores nonsense', () => {
    expect(parseWallParams('?watchdog=1').watchdogMs).toBe(WATCHDOG_MIN_S * 1000);
    expect(parseWallParams('?watchdog=soon&rotate=-5&lang=fr')).toMatchObject({
      lang: 'zh',
      watchdogMs: WATCHDOG_DEFAULT_S * 1000,
      rotateMs: ROTATE_DEFAULT_S * 1000,
    });
  });
});
