import { inWallScope, wallScopeKey, WHOLE_CITY } from './wall-scope';

describe('wall scope', () => {
  it('gives screens of the same departments one key, whatever the order or repeats', () => {
    expect(wallScopeKey({ departmentCodes: ['B', 'A', 'B'] })).toBe(wallScopeKey({ departmentCodes: ['A', 'B'] }));
    expect(wallScopeKey({ departmentCodes: ['A'] })).not.toBe(wallScopeKey({ departmentCodes: ['A', 'B'] }));
    expect(wallScopeKey(WHOLE_CITY)).toBe('all');
    // An empty scope sees nothing; it must not be mistaken for the whole city.
    expect(wallScopeKey({ departmentCodes: [] })).not.toBe(wallScopeKey(WHOLE_CITY));
  });

  it('admits every department for the whole city, only its own otherwise', () => {
    expect(inWallScope(WHOLE_CITY, 'X')).toBe(true);
    expect(inWallScope({ departmentCodes: ['A'] }, 'A')).toBe(true);
    expect(inWallScope({ departmentCodes: ['A'] }, 'X')).toBe(false);
  });
});
