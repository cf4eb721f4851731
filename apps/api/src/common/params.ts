import { CODE_PATTERN } from '@app/contracts';
import { InvalidInputException } from './invalid-input.exception';

/** Codes in paths follow the catalogue's code rule; a bad one is named, not looked up. */
export function assertCode(name: string, value: string): string {
  if (value.length === 0 || value.length > 64 || !CODE_PATTERN.test(value)) {
    throw new InvalidInputException([{ path: name, message: 'must be 1–64 letters, digits, _ . or -' }]);
  }
  return value;
}

export function parsePage(raw: string | undefined, name = 'page'): number {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) {
    throw new InvalidInputException([{ path: name, message: 'must be a positive integer' }]);
  }
  return Number(raw);
}
