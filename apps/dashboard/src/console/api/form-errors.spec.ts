import { apiErrorFrom } from './api-error';
import { fieldFor, placeErrors } from './form-errors';

describe('placing API errors on a form', () => {
  it('puts each error at the field its path names, nested paths at their form field', () => {
    expect(fieldFor('comment', ['comment'])).toBe('comment');
    expect(fieldFor('steps.0.limitDays', ['name', 'steps'])).toBe('steps');
    expect(fieldFor('stepsExtra', ['steps'])).toBeNull();
    // JSON-pointer-like paths, as the posts and register services name an array's element.
    expect(fieldFor('itemCodes/1', ['itemCodes'])).toBe('itemCodes');
    expect(fieldFor('itemCodesX/1', ['itemCodes'])).toBeNull();
    expect(placeErrors([{ path: 'comment', message: 'is required' }, { path: 'steps.0.limitDays', message: 'must be ≥ 1' }], ['comment', 'steps'])).toEqual({
      fields: { comment: 'is required', steps: '0.limitDays: must be ≥ 1' },
      general: [],
    });
  });

  it('joins several errors of one field and keeps the others general, naming their path', () => {
    const placed = placeErrors(
      [
        { path: 'name', message: 'is required' },
        { path: 'name', message: 'is too long' },
        { path: 'regionCode', message: 'not found' },
        { path: '(body)', message: 'is required' },
      ],
      ['name'],
    );
    expect(placed.fields).toEqual({ name: 'is required; is too long' });
    expect(placed.general).toEqual(['regionCode: not found', 'is required']);
  });

  it('falls back to the error’s own message when it names no field', () => {
    expect(placeErrors([], ['comment'], 'cannot acknowledge a card that is CLOSED')).toEqual({ fields: {}, general: ['cannot acknowledge a card that is CLOSED'] });
  });

  it('reads the API’s error body, and survives bodies that are not', () => {
    const error = apiErrorFrom(400, { statusCode: 400, message: 'Invalid request', errors: [{ path: 'sort', message: 'must be one of a, b' }, { bogus: true }] });
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid request');
    expect(error.errors).toEqual([{ path: 'sort', message: 'must be one of a, b' }]);
    expect(apiErrorFrom(502, '<html>bad gateway</html>').message).toBe('<html>bad gateway</html>');
    expect(apiErrorFrom(500, undefined).message).toBe('HTTP 500');
  });
});
