import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
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

  constructor(private readonly dataSource: DataSource) {}

  async issue(departmentCode: string, label: string | null): Promise<IssuedKey> {
    const id = randomBytes(8).toString('hex');
    const key = `${DEPARTMENT_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
    const row = await this.dataSource.getRepository(DepartmentKeyEntity).save({
      id,
      departmentCode,
      keyHash: hashKey(key),
      label,
      revokedAt: null,
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

  async revoke(departmentCode: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DepartmentKeyEntity)
      .update({ id, departmentCode, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.cache.clear();
    return (result.affected ?? 0) > 0;
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
