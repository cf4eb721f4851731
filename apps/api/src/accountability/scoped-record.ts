import { ConflictException } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AccessScope, inScope } from '../auth/access-scope';
import { notFound } from '../common/invalid-input.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record of the registers, locked for a decision. Another department's record answers exactly
 * like a missing one (404), so its existence does not leak.
 */
export async function lockInScope<T extends ObjectLiteral & { departmentCode: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  scope: AccessScope,
  what: string,
): Promise<T> {
  const found = UUID.test(id)
    ? await manager.getRepository(entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!found || !inScope(scope, found.departmentCode)) throw notFound('id', `${what} ${id} not found`);
  return found;
}

export function findInScope<T extends { departmentCode: string }>(found: T | null, scope: AccessScope, id: string, what: string): T {
  if (!found || !inScope(scope, found.departmentCode)) throw notFound('id', `${what} ${id} not found`);
  return found;
}

export const isUuid = (id: string): boolean => UUID.test(id);

/** A decision that the record's current state does not allow (409, naming the state). */
export function requireState(current: string, allowed: readonly string[], action: string): void {
  if (!allowed.includes(current)) throw new ConflictException(`cannot ${action}: the record is ${current} (needs ${allowed.join(' or ')})`);
}

/** Optional free text: trimmed, or null. */
export const textOrNull = (value: string | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null);
