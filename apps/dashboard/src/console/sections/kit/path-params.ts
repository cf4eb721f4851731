import { CODE_PATTERN } from '@app/contracts/catalogue/catalogue.schema';
import type { FieldError } from '@app/contracts/events/field-error';
import { USERNAME_PATTERN } from '@app/contracts/identity/identity.schema';

/**
 * The API's checks of codes and usernames in paths (apps/api/src/common/params.ts, user-input.ts),
 * with the same patterns and words, so a form says it before sending rather than after.
 */
export function pathCodeErrors(name: string, value: string): FieldError[] {
  return value.length === 0 || value.length > 64 || !CODE_PATTERN.test(value) ? [{ path: name, message: 'must be 1–64 letters, digits, _ . or -' }] : [];
}

export function pathUsernameErrors(name: string, value: string): FieldError[] {
  return USERNAME_PATTERN.test(value) ? [] : [{ path: name, message: 'must be 2–64 lowercase letters, digits, . _ or -, starting with a letter or digit' }];
}
