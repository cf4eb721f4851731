import { withFieldErrors } from './field-errors';
import { MAX_DEPTH, nulPaths, textProblems } from './unstorable-text.interceptor';

describe('withFieldErrors', () => {
  it.each([
    [413, { message: 'events: at most 1000 per batch, got 1001' }, { path: 'events', message: 'at most 1000 per batch, got 1001' }],
    [404, { message: 'Cannot GET /x' }, { path: '(url)', message: 'Cannot GET /x' }],
    [415, { message: 'Unsupported Media Type: text/csv' }, { path: 'content-type', message: 'Unsupported Media Type: text/csv' }],
    [409, 'card already closed', { path: '(request)', message: 'card already closed' }],
    [400, { message: ['a', 'b'] }, { path: '(body)', message: 'a; b' }],
  ])('%s %j names a field and a reason', (status, body, entry) => {
    expect(withFieldErrors(status, body)).toMatchObject({ statusCode: status, errors: [entry] });
  });

  it('keeps errors that already name their fields', () => {
    const body = { statusCode: 400, error: 'Bad Request', message: 'Invalid request', errors: [{ path: 'name', message: 'is required' }] };
    expect(withFieldErrors(400, body)).toEqual(body);
  });
});

describe('nulPaths', () => {
  it('names every string holding U+0000, keys included', () => {
    expect(nulPaths({ a: 'ok', b: ['x', 'y\u0000'], c: { 'd\u0000': 1, e: { f: '\u0000' } } }, '')).toEqual(['b.1', 'c.d\u0000', 'c.e.f']);
    expect(nulPaths('\u0000', '')).toEqual(['']);
    expect(nulPaths({ fine: ['中文', 1, null, true] }, '')).toEqual([]);
  });

  it('walks 100,000 levels without recursion and reports where the nesting is too deep', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(textProblems({ a: deep }).tooDeep).toBe(`a${'.0'.repeat(MAX_DEPTH - 1)}`);
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = [ok];
    expect(textProblems(ok)).toEqual({ nul: [], tooDeep: null });
  });
});
