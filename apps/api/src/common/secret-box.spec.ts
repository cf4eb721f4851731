import { randomBytes } from 'node:crypto';
import { isSealed, keyFingerprint, open, seal } from './secret-box';

describe('secret box (channel secrets at rest)', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('seals with the current key and opens again; the stored text does not contain the secret', () => {
    const stored = seal('webhook-hmac-secret-123', { current: k1, previous: [] });
    expect(isSealed(stored)).toBe(true);
    expect(stored).toContain(keyFingerprint(k1));
    expect(stored).not.toContain('webhook-hmac-secret-123');
    expect(seal('webhook-hmac-secret-123', { current: k1, previous: [] })).not.toBe(stored); // a fresh IV each time
    expect(open(stored, { current: k1, previous: [] })).toBe('webhook-hmac-secret-123');
  });

  it('opens with a previous key after a rotation, and names a key it does not have', () => {
    const stored = seal('dingtalk-sec', { current: k1, previous: [] });
    expect(open(stored, { current: k2, previous: [k1] })).toBe('dingtalk-sec');
    expect(() => open(stored, { current: k2, previous: [] })).toThrow(`sealed with key ${keyFingerprint(k1)}, which is neither CHANNEL_SECRET_KEY`);
  });

  it('refuses a tampered value, and leaves values alone without a key or already sealed', () => {
    const stored = seal('secret-value', { current: k1, previous: [] });
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA');
    expect(() => open(tampered, { current: k1, previous: [] })).toThrow();
    expect(seal('plain', { current: null, previous: [] })).toBe('plain');
    expect(open('plain-before-a-key', { current: k1, previous: [] })).toBe('plain-before-a-key');
    expect(seal(stored, { current: k2, previous: [] })).toBe(stored);
  });
});
