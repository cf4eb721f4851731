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

/** Free-text identifiers in paths (a case id): 1..max characters, no control characters. */
export function assertText(name: string, value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || value.length > max || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InvalidInputException([{ path: name, message: `must be 1–${max} characters without control characters` }]);
  }
  return value;
}
