import { canonicalJson, checkLink, GENESIS_HASH, hashEntry } from './audit-chain';

const row = (seq: number, prevHash: string, after: string | null = '{"a":1}') => {
  const fields = { seq, at: new Date('2026-01-02T03:04:05.678Z'), actorKind: 'centre_admin', actorId: 'alice', action: 'user.put', target: 'user:bob', before: null, after, prevHash };
  return { ...fields, hash: hashEntry(fields) };
};

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    [{ at: new Date('2026-01-01T00:00:00Z'), skip: undefined }, '{"at":"2026-01-01T00:00:00.000Z"}'],
    ['中文 \u0000 "quoted"', '"中文 \\u0000 \\"quoted\\""'],
    [undefined, 'null'],
    [[1, 'two', false], '[1,"two",false]'],
  ])('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('does not depend on key insertion order', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });
});

describe('hash chain', () => {
  const first = row(1, GENESIS_HASH);
  const second = row(2, first.hash);

  it('accepts a correctly linked chain', () => {
    expect(checkLink(null, first)).toBeNull();
    expect(checkLink(first, second)).toBeNull();
  });

  it('names an altered row, a broken link and a gap', () => {
    expect(checkLink(first, { ...second, after: '{"a":2}' })).toMatch(/altered/);
    expect(checkLink(first, { ...second, prevHash: GENESIS_HASH })).toMatch(/prev_hash/);
    expect(checkLink(first, row(3, first.hash))).toMatch(/gap.*expected row 2/);
    expect(checkLink(null, { ...first, at: new Date('2026-01-02T03:04:05.679Z') })).toMatch(/altered/);
  });

  it('changes the hash with every covered field', () => {
    const base = row(1, GENESIS_HASH);
    const variants = [
      { ...base, actorId: 'mallory' },
      { ...base, action: 'user.delete' },
      { ...base, target: 'user:eve' },
      { ...base, before: '{}' },
      { ...base, actorKind: 'officer' },
    ];
    for (const variant of variants) expect(hashEntry(variant)).not.toBe(base.hash);
  });
});
