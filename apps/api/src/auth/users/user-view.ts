import { UserEntity } from '../../persistence/entities';

/** A user as the API shows it: never the password hash. */
export function userView(user: UserEntity) {
  return {
    username: user.username,
    role: user.role,
    displayName: user.displayName,
    departmentCode: user.departmentCode,
    regionCode: user.regionCode,
    officerId: user.officerId,
    bodyCode: user.bodyCode,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export type UserView = ReturnType<typeof userView>;
