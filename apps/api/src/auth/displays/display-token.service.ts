import { Injectable } from '@nestjs/common';
import type { DisplayInput } from '@app/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { DepartmentEntity, DisplayTokenEntity, RegionEntity } from '../../persistence/entities';
import { CredentialChangeBus } from '../credential-changes';
import { DisplayPrincipal, principalId } from '../principal';

export const DISPLAY_TOKEN_PREFIX = 'lmd_';

/** 32 random bytes: a fast hash is enough (nothing to brute-force), as for department keys. */
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * How long a verified token is trusted from memory. A revocation clears every node's cache at once
 * (CredentialChangeBus); should that notice be lost, this plus the socket re-check interval stays
 * within the 10 s a revoked screen may keep its socket.
 */
const CACHE_TTL_MS = 4_000;

/** The display schema is shared with the console's forms (libs/contracts). */
export { displayInputSchema, type DisplayInput } from '@app/contracts';

const view = ({ tokenHash: _hash, ...rest }: DisplayTokenEntity) => rest;

/** Wall-screen tokens: shown once at issue, stored hashed, revocable. */
@Injectable()
export class DisplayTokenService {
  private readonly cache = new Map<string, { principal: DisplayPrincipal; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly changes: CredentialChangeBus,
  ) {}

  async issue(input: DisplayInput, actor: AuditActor) {
    if (input.regionCode !== undefined && input.departmentCode !== undefined) {
      throw new InvalidInputException([{ path: 'departmentCode', message: 'set a region or a department, not both' }]);
    }
    const id = randomBytes(8).toString('hex');
    const token = `${DISPLAY_TOKEN_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
    const row = await this.dataSource.transaction(async (manager) => {
      if (input.regionCode !== undefined && !(await manager.existsBy(RegionEntity, { code: input.regionCode }))) {
        throw new InvalidInputException([{ path: 'regionCode', message: `unknown region: ${input.regionCode}` }]);
      }
      if (input.departmentCode !== undefined && !(await manager.existsBy(DepartmentEntity, { code: input.departmentCode }))) {
        throw new InvalidInputException([{ path: 'departmentCode', message: `unknown department: ${input.departmentCode}` }]);
      }
      const saved = await manager.save(DisplayTokenEntity, {
        id,
        name: input.name,
        tokenHash: hashToken(token),
        regionCode: input.regionCode ?? null,
        departmentCode: input.departmentCode ?? null,
        createdBy: actor.kind === 'system' ? actor.id : principalId(actor),
        revokedAt: null,
      });
      await this.audit.record({ actor, action: 'display_token.issue', target: `display:${id}`, after: view(saved) }, manager);
      return saved;
    });
    return { ...view(row), token };
  }

  async list() {
    const rows = await this.dataSource.getRepository(DisplayTokenEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map(view);
  }

  async revoke(id: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(DisplayTokenEntity, { where: { id, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('id', `active display token ${id} not found`);
      await manager.update(DisplayTokenEntity, { id }, { revokedAt: new Date() });
      const after = await manager.findOneByOrFail(DisplayTokenEntity, { id });
      await this.audit.record({ actor, action: 'display_token.revoke', target: `display:${id}`, before: view(before), after: view(after) }, manager);
    });
    this.forget();
    // Every api node forgets it too and drops the screens that show with it.
    this.changes.publish({ kind: 'display', displayId: id });
  }

  /** Drops every cached verification (the cache is keyed by token hash, so it cannot pick out one display). */
  forget(): void {
    this.cache.clear();
  }

  async verify(presented: string, now = Date.now()): Promise<DisplayPrincipal | null> {
    if (!presented.startsWith(DISPLAY_TOKEN_PREFIX)) return null;
    const hash = hashToken(presented);
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.principal;
    const row = await this.dataSource.getRepository(DisplayTokenEntity).findOneBy({ tokenHash: hash, revokedAt: IsNull() });
    if (!row) return null;
    const principal: DisplayPrincipal = { kind: 'display', displayId: row.id, name: row.name, departmentCode: row.departmentCode, regionCode: row.regionCode };
    this.cache.set(hash, { principal, until: now + CACHE_TTL_MS });
    return principal;
  }
}
