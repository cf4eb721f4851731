import { CODE_PATTERN } from '@app/contracts';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { PASSWORD_MIN_LENGTH } from '../password-hasher';
import { USER_ROLES, UserRole } from '../principal';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function assertUsername(name: string, value: string): string {
  if (!USERNAME_PATTERN.test(value)) {
    throw new InvalidInputException([{ path: name, message: 'must be 2–64 lowercase letters, digits, . _ or -, starting with a letter or digit' }]);
  }
  return value;
}

export interface UserInput {
  password?: string;
  role: UserRole;
  displayName?: string;
  departmentCode?: string;
  regionCode?: string;
  officerId?: string;
  disabled?: boolean;
}

const code = { type: 'string', minLength: 1, maxLength: 64, pattern: CODE_PATTERN.source };

export const userInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: {
    password: { type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: 72, description: 'required for a new user; 10–72 bytes; omit to keep' },
    role: { type: 'string', enum: [...USER_ROLES] },
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    departmentCode: { ...code, description: 'department_supervisor (required), officer (optional: taken from the officer)' },
    regionCode: { ...code, description: 'region_supervisor (required)' },
    officerId: { ...code, description: 'officer (required), department_supervisor (optional)' },
    disabled: { type: 'boolean', description: 'true: the user can no longer sign in; existing sessions end' },
  },
};

export const loginInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
};

type Need = 'required' | 'optional' | 'forbidden';

/** Which bindings each role carries: a role never holds a binding that would widen or blur its scope. */
export const ROLE_BINDINGS: Record<UserRole, { departmentCode: Need; regionCode: Need; officerId: Need }> = {
  centre_admin: { departmentCode: 'forbidden', regionCode: 'forbidden', officerId: 'forbidden' },
  centre_supervisor: { departmentCode: 'forbidden', regionCode: 'forbidden', officerId: 'forbidden' },
  region_supervisor: { departmentCode: 'forbidden', regionCode: 'required', officerId: 'forbidden' },
  department_supervisor: { departmentCode: 'required', regionCode: 'forbidden', officerId: 'optional' },
  officer: { departmentCode: 'optional', regionCode: 'forbidden', officerId: 'required' },
};
