import { signLink, verifyLink } from './link-token';

const KEY = 'k'.repeat(43);
const NOW = Date.parse('2026-12-01T02:00:00Z');
const claims = { purpose: 'ack' as const, alertId: '6f1c7c1e-6f0e-4a53-9f53-3a1f0b1c2d3e', recipient: 'officer:O-1', expiresAt: NOW / 1000 + 3600 };

describe('signed notification links', () => {
  it('verifies its own token and gives back the claims', () => {
    expect(verifyLink(signLink(claims, KEY), KEY, NOW)).toEqual(claims);
  });

  it('refuses a token after its expiry, under another key, or with any character changed', () => {
    const token = signLink(claims, KEY);
    expect(verifyLink(token, KEY, (claims.expiresAt + 1) * 1000)).toBeNull();
    expect(verifyLink(token, 'x'.repeat(43), NOW)).toBeNull();
    for (const i of [3, 10, token.length - 2]) {
      const forged = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(verifyLink(forged, KEY, NOW)).toBeNull();
    }
  });

  it('refuses a view link re-labelled as an acknowledgement (the purpose is signed)', () => {
    const view = signLink({ ...claims, purpose: 'view' }, KEY);
    const [version, , signature] = view.split('.');
    const body = Buffer.from(JSON.stringify({ p: 'ack', a: claims.alertId, r: claims.recipient, e: claims.expiresAt })).toString('base64url');
    expect(verifyLink(`${version}.${body}.${signature}`, KEY, NOW)).toBeNull();
    expect(verifyLink(view, KEY, NOW)?.purpose).toBe('view');
  });

  it.each(['', 'n1', 'n1..', 'garbage.token.here', 'n1.a.b.c', 'x'.repeat(700)])('refuses %p', (token) => {
    expect(verifyLink(token, KEY, NOW)).toBeNull();
  });
});
