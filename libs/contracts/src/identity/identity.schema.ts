import { CODE_PATTERN } from '../catalogue/catalogue.schema';

/**
 * Users and wall-screen tokens as the API accepts them. They live here, not in the api, because the
 * console validates its forms with the very same schemas (compiled ahead of time for the browser).
 */
export const USER_ROLES = ['centre_admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor', 'officer', 'body_liaison'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 10;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export interface UserInput {
  password?: string;
  role: UserRole;
  displayName?: string;
  departmentCode?: string;
  regionCode?: string;
  officerId?: string;
  /** body_liaison: the body (财政、审计、法制、人事…) the user answers for. */
  bodyCode?: string;
  disabled?: boolean;
}

const code = { type: 'string', minLength: 1, maxLength: 64, pattern: CODE_PATTERN.source };

export const userInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: {
    password: { type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_BYTES, description: 'required for a new user; 10–72 bytes; omit to keep' },
    role: { type: 'string', enum: [...USER_ROLES] },
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    departmentCode: { ...code, description: 'department_supervisor (required), officer (optional: taken from the officer)' },
    regionCode: { ...code, description: 'region_supervisor (required)' },
    officerId: { ...code, description: 'officer (required), department_supervisor (optional)' },
    bodyCode: { ...code, maxLength: 32, description: 'body_liaison (required): the accountability body the user answers for' },
    disabled: { type: 'boolean', description: 'true: the user can no longer sign in; existing sessions end' },
  },
};

export interface DisplayInput {
  name: string;
  regionCode?: string;
  departmentCode?: string;
}

export const displayInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    regionCode: { type: 'string', minLength: 1, maxLength: 64, pattern: CODE_PATTERN.source, description: 'limit the screen to a region (and the regions below it)' },
    departmentCode: { type: 'string', minLength: 1, maxLength: 32, pattern: CODE_PATTERN.source, description: 'limit the screen to one department' },
  },
};
