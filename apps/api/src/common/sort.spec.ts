import { InvalidInputException } from './invalid-input.exception';
import { parseSort } from './sort';

describe('parseSort', () => {
  const keys = ['dueAt', 'level'] as const;
  const fallback = { key: 'level', direction: 'DESC' } as const;

  it('reads a key ascending, or descending with a leading minus', () => {
    expect(parseSort('dueAt', keys, fallback)).toEqual({ key: 'dueAt', direction: 'ASC' });
    expect(parseSort('-dueAt', keys, fallback)).toEqual({ key: 'dueAt', direction: 'DESC' });
  });

  it('uses the fallback when nothing is asked', () => {
    expect(parseSort(undefined, keys, fallback)).toBe(fallback);
    expect(parseSort('', keys, fallback)).toBe(fallback);
  });

  it.each(['raisedAt', '--dueAt', 'dueAt;DROP TABLE alerts', '+dueAt', 'DUEAT'])('refuses %p naming the field sort', (raw) => {
    let thrown: unknown;
    try {
      parseSort(raw, keys, fallback);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputException);
    const body = (thrown as InvalidInputException).getResponse() as { errors: { path: string; message: string }[] };
    expect(body.errors).toEqual([{ path: 'sort', message: expect.stringContaining('dueAt, level') as string }]);
  });
});
