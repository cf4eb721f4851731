import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FieldError } from '@app/contracts';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { DepartmentEntity, OfficerEntity, RegionEntity, UserEntity } from '../../persistence/entities';
import { CredentialChangeBus } from '../credential-changes';
import { PasswordHasher, passwordProblem } from '../password-hasher';
import { ROLE_BINDINGS, UserInput } from './user-input';
import { userView, UserView } from './user-view';

/**
 * A user record read for a session is trusted this long; a change made here clears it at once on
 * every api node (CredentialChangeBus), and this bounds the delay should that notice be lost.
 */
const CACHE_TTL_MS = 4_000;

@Injectable()
export class UserService {
  private readonly cache = new Map<string, { user: UserEntity | null; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    private readonly changes: CredentialChangeBus,
  ) {}

  /** Drops this node's cached record of the user (another node changed it). */
  forget(username: string): void {
    this.cache.delete(username);
  }

  /** The user a session token names, if it still exists and is enabled. */
  async findActive(username: string, now = Date.now()): Promise<UserEntity | null> {
    const cached = this.cache.get(username);
    if (cached && cached.until > now) return cached.user;
    const found = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    const user = found && found.disabledAt === null ? found : null;
    this.cache.set(username, { user, until: now + CACHE_TTL_MS });
    return user;
  }

  /** The user if the password is theirs (and they are enabled); equally slow either way. */
  async checkCredentials(username: string, password: string): Promise<UserEntity | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    const ok = await this.passwords.matches(password, user?.passwordHash ?? null);
    return ok && user && user.disabledAt === null ? user : null;
  }

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map(userView);
  }

  async get(username: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    if (!user) throw notFound('username', `user ${username} not found`);
    return userView(user);
  }

  /** Creates or changes a user; the change and its audit entry commit together. */
  async put(username: string, input: UserInput, actor: AuditActor): Promise<UserView> {
    const result = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(UserEntity, { where: { username }, lock: { mode: 'pessimistic_write' } });
      const errors: FieldError[] = [];
      if (input.password === undefined && !existing) errors.push({ path: 'password', message: 'is required for a new user' });
      const weak = input.password === undefined ? null : passwordProblem(input.password, username);
      if (weak) errors.push({ path: 'password', message: weak });
      const binding = await this.binding(manager, input, errors);
      if (errors.length > 0) throw new InvalidInputException(errors);

      const passwordHash = input.password === undefined ? existing!.passwordHash : await this.passwords.hash(input.password);
      const disabledAt = input.disabled === undefined ? (existing?.disabledAt ?? null) : input.disabled ? (existing?.disabledAt ?? new Date()) : null;
      const securityChanged =
        !existing ||
        input.password !== undefined ||
        existing.role !== input.role ||
        existing.departmentCode !== binding.departmentCode ||
        existing.regionCode !== binding.regionCode ||
        existing.officerId !== binding.officerId ||
        existing.bodyCode !== binding.bodyCode ||
        (existing.disabledAt === null) !== (disabledAt === null);
      await manager.upsert(
        UserEntity,
        {
          username,
          passwordHash,
          role: input.role,
          displayName: input.displayName ?? existing?.displayName ?? null,
          ...binding,
          tokenVersion: existing ? existing.tokenVersion + (securityChanged ? 1 : 0) : 1,
          disabledAt,
        },
        ['username'],
      );
      const saved = await manager.findOneByOrFail(UserEntity, { username });
      await this.audit.record(
        {
          actor,
          action: existing ? 'user.update' : 'user.create',
          target: `user:${username}`,
          before: existing ? userView(existing) : null,
          after: { ...userView(saved), passwordChanged: input.password !== undefined },
        },
        manager,
      );
      return { view: userView(saved), securityChanged: existing !== null && securityChanged };
    });
    this.forget(username);
    // Sessions of the old generation are void now; every api node drops the sockets that hold one.
    if (result.securityChanged) this.changes.publish({ kind: 'user', username });
    return result.view;
  }

  /** Checks the role's bindings and that every code names something that exists. */
  private async binding(manager: EntityManager, input: UserInput, errors: FieldError[]) {
    const rules = ROLE_BINDINGS[input.role];
    for (const field of ['departmentCode', 'regionCode', 'officerId', 'bodyCode'] as const) {
      if (rules[field] === 'required' && input[field] === undefined) errors.push({ path: field, message: `is required for role ${input.role}` });
      if (rules[field] === 'forbidden' && input[field] !== undefined) errors.push({ path: field, message: `must not be set for role ${input.role}` });
    }
    let departmentCode = input.departmentCode ?? null;
    if (input.regionCode !== undefined && !(await manager.existsBy(RegionEntity, { code: input.regionCode }))) {
      errors.push({ path: 'regionCode', message: `unknown region: ${input.regionCode}` });
    }
    if (input.departmentCode !== undefined && !(await manager.existsBy(DepartmentEntity, { code: input.departmentCode }))) {
      errors.push({ path: 'departmentCode', message: `unknown department: ${input.departmentCode}` });
    }
    if (input.bodyCode !== undefined) {
      const [body] = await manager.query<unknown[]>('SELECT 1 FROM accountability_bodies WHERE code = $1', [input.bodyCode]);
      if (!body) errors.push({ path: 'bodyCode', message: `unknown body: ${input.bodyCode}` });
    }
    if (input.officerId !== undefined) {
      const officer = await manager.findOneBy(OfficerEntity, { id: input.officerId });
      if (!officer) errors.push({ path: 'officerId', message: `unknown officer: ${input.officerId}` });
      else if (departmentCode !== null && officer.departmentCode !== departmentCode) {
        errors.push({ path: 'officerId', message: `belongs to department ${officer.departmentCode}, not ${departmentCode}` });
      } else departmentCode = officer.departmentCode;
    }
    return { departmentCode, regionCode: input.regionCode ?? null, officerId: input.officerId ?? null, bodyCode: input.bodyCode ?? null };
  }
}
