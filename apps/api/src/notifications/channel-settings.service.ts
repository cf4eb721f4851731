import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessScope, inScope } from '../auth/access-scope';
import { Principal, principalId } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { InvalidInputException, notFound } from '../common/invalid-input.exception';
import { seal, SecretKeys } from '../common/secret-box';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { assertValid } from '../common/schema-validator';
import { DepartmentEntity, NotificationChannelEntity, OfficerEntity } from '../persistence/entities';
import { ChannelInput, channelListSchema, channelProblems, ChannelType, ChannelView, maskTarget, secretToStore } from './channel-input';
import { OWNERS } from './recipient-directory';

/** Secrets are sealed at rest with CHANNEL_SECRET_KEY (common/secret-box.ts); opened only to send. */
const sealed = (secret: string | null, keys: SecretKeys): string | null => (secret === null ? null : seal(secret, keys));

export type ChannelOwner = { kind: 'department'; code: string } | { kind: 'officer'; id: string } | { kind: 'centre' };

export const channelView = (c: Pick<NotificationChannelEntity, 'type' | 'target' | 'secret' | 'levels'>): ChannelView => ({
  type: c.type as ChannelType,
  target: maskTarget(c.type as ChannelType, c.target),
  levels: c.levels,
  hasSecret: c.secret !== null,
});

/**
 * Reads and replaces the channel list of a department, an officer or the centre. A department or
 * an officer outside the caller's scope does not exist for them (404, like a missing one). A
 * replacement and its audit entry commit together; both show targets masked, never secrets.
 */
@Injectable()
export class ChannelSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(owner: ChannelOwner, scope: AccessScope): Promise<ChannelView[]> {
    const key = await this.ownerKey(this.dataSource.manager, owner, scope);
    return (await this.stored(this.dataSource.manager, key)).map(channelView);
  }

  async put(owner: ChannelOwner, scope: AccessScope, body: unknown, principal: Principal): Promise<ChannelView[]> {
    const channels = assertValid<ChannelInput[]>(channelListSchema, body);
    return this.dataSource.transaction(async (manager) => {
      const key = await this.ownerKey(manager, owner, scope);
      // Serialises concurrent replacements of one owner's list (there may be no row to lock yet).
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notification_channels:${key}`]);
      const before = await this.stored(manager, key);
      const errors = channelProblems(channels, before);
      if (errors.length > 0) throw new InvalidInputException(errors);
      const now = new Date();
      const rows = channels.map((c, position) => ({
        id: randomUUID(),
        owner: key,
        position,
        type: c.type,
        target: c.target,
        secret: sealed(secretToStore(c, before), this.config.channelSecretKeys),
        levels: [...c.levels],
        updatedAt: now,
        updatedBy: principalId(principal),
      }));
      await manager.delete(NotificationChannelEntity, { owner: key });
      if (rows.length > 0) await manager.insert(NotificationChannelEntity, rows);
      const after = rows.map(channelView);
      await this.audit.record({ actor: principal, action: 'notification_channels.put', target: key, before: before.map(channelView), after }, manager);
      return after;
    });
  }

  private async stored(manager: EntityManager, owner: string): Promise<NotificationChannelEntity[]> {
    return manager.find(NotificationChannelEntity, { where: { owner }, order: { position: 'ASC' } });
  }

  private async ownerKey(manager: EntityManager, owner: ChannelOwner, scope: AccessScope): Promise<string> {
    switch (owner.kind) {
      case 'centre':
        return OWNERS.centre;
      case 'department': {
        const found = inScope(scope, owner.code) && (await manager.existsBy(DepartmentEntity, { code: owner.code }));
        if (!found) throw notFound('code', `department ${owner.code} not found`);
        return OWNERS.department(owner.code);
      }
      case 'officer': {
        const officer = await manager.findOneBy(OfficerEntity, { id: owner.id });
        if (!officer || !inScope(scope, officer.departmentCode)) throw notFound('id', `officer ${owner.id} not found`);
        return OWNERS.officer(owner.id);
      }
    }
  }
}
