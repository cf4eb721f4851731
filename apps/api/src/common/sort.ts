import { InvalidInputException } from './invalid-input.exception';

export interface SortOrder<K extends string> {
  key: K;
  direction: 'ASC' | 'DESC';
}

/**
 * `sort=dueAt` (ascending) or `sort=-dueAt` (descending), one of a whitelist of keys. The list
 * endpoints map each key to their own SQL; nothing the client sends reaches SQL as text. Unknown
 * keys are refused naming the field and every accepted value.
 */
export function parseSort<K extends string>(raw: string | undefined, keys: readonly K[], fallback: SortOrder<K>): SortOrder<K> {
  if (raw === undefined || raw === '') return fallback;
  const descending = raw.startsWith('-');
  const key = (descending ? raw.slice(1) : raw) as K;
  if (!keys.includes(key)) {
    throw new InvalidInputException([{ path: 'sort', message: `must be one of ${keys.join(', ')}, each optionally prefixed with - for descending order` }]);
  }
  return { key, direction: descending ? 'DESC' : 'ASC' };
}
