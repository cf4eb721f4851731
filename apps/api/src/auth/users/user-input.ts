import { USERNAME_PATTERN } from '@app/contracts';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { UserRole } from '../principal';

/** The user schema is shared with the console's forms (libs/contracts). */
export { USERNAME_PATTERN, userInputSchema, type UserInput } from '@app/contracts';

export function assertUsername(name: string, value: string): string {
  if (!USERNAME_PATTERN.test(value)) {
    throw new InvalidInputException([{ path: name, message: 'must be 2–64 lowercase letters, digits, . _ or -, starting with a letter or digit' }]);
  }
  return value;
}

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
export const ROLE_BINDINGS: Record<UserRole, { departmentCode: Need; regionCode: Need; officerId: Need; bodyCode: Need }> = {
  centre_admin: { departmentCode: 'forbidden', regionCode: 'forbidden', officerId: 'forbidden', bodyCode: 'forbidden' },
  centre_supervisor: { departmentCode: 'forbidden', regionCode: 'forbidden', officerId: 'forbidden', bodyCode: 'forbidden' },
  region_supervisor: { departmentCode: 'forbidden', regionCode: 'required', officerId: 'forbidden', bodyCode: 'forbidden' },
  department_supervisor: { departmentCode: 'required', regionCode: 'forbidden', officerId: 'optional', bodyCode: 'forbidden' },
  officer: { departmentCode: 'optional', regionCode: 'forbidden', officerId: 'required', bodyCode: 'forbidden' },
  // A body's liaison (审计、法制、人事…): sees only what was referred or copied to its body.
  body_liaison: { departmentCode: 'forbidden', regionCode: 'forbidden', officerId: 'forbidden', bodyCode: 'required' },
};
