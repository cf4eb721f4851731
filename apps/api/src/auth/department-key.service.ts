import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { DepartmentKeyEntity } from '../persistence/entities';

export const DEPARTMENT_KEY_PREFIX = 'lmk_';

/** Keys are 32 random bytes, so a fast hash is enough: nothing to brute-force, no per-key salt needed. */
const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** How long a verified key is trusted from memory. Revocation on another node takes at most this long. */
const CACHE_TTL_MS = 10_000;

export interface IssuedKey {
  id: string;
  departmentCode: string;
  key: string;
  createdAt: Date;
}

@Injectable()
export class DepartmentKeyService {
  private readonly cache = new Map<string, { departmentCode: string; keyId: string; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Issues a key; the key is returned once, and only its hash is stored. Audited. */
  async issue(departmentCode: string, label: string | null, actor: AuditActor): Promise<IssuedKey> {
    const id = randomBytes(8).toString('hex');
    const key = `${DEPARTMENT_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
    const row = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(DepartmentKeyEntity, { id, departmentCode, keyHash: hashKey(key), label, revokedAt: null });
      const after = { id, departmentCode, label, createdAt: saved.createdAt, revokedAt: null };
      await this.audit.record({ actor, action: 'department_key.issue', target: `department:${departmentCode}/key:${id}`, after }, manager);
      return saved;
    });
    return { id, departmentCode, key, createdAt: row.createdAt };
  }

  async list(departmentCode: string): Promise<Omit<DepartmentKeyEntity, 'keyHash'>[]> {
    const rows = await this.dataSource.getRepository(DepartmentKeyEntity).find({
      where: { departmentCode },
      order: { createdAt: 'ASC' },
    });
    return rows.map(({ keyHash: _hash, ...rest }) => rest);
  }

  /** Revokes an active key (false when there is none). Audited. */
  async revoke(departmentCode: string, id: string, actor: AuditActor): Promise<boolean> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(DepartmentKeyEntity, { where: { id, departmentCode, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!before) return false;
      const revokedAt = new Date();
      await manager.update(DepartmentKeyEntity, { id }, { revokedAt });
      const { keyHash: _hash, ...shown } = before;
      await this.audit.record(
        { actor, action: 'department_key.revoke', target: `department:${departmentCode}/key:${id}`, before: shown, after: { ...shown, revokedAt } },
        manager,
      );
      return true;
    });
    this.cache.clear();
    return revoked;
  }

  /** The department a presented key belongs to, or null for an unknown or revoked key. */
  async verify(presented: string, now: number): Promise<{ departmentCode: string; keyId: string } | null> {
    if (!presented.startsWith(DEPARTMENT_KEY_PREFIX)) return null;
    const hash = hashKey(presented);
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached;
    const row = await this.dataSource
      .getRepository(DepartmentKeyEntity)
      .findOneBy({ keyHash: hash, revokedAt: IsNull() });
    if (!row) return null;
    const entry = { departmentCode: row.departmentCode, keyId: row.id, until: now + CACHE_TTL_MS };
    this.cache.set(hash, entry);
    return entry;
  }
}
