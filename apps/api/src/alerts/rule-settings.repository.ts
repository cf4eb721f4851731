import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RuleSettingsOverrides } from '@app/domain';

/**
 * The centre's own thresholds over the rules' defaults (an item's `thresholds` override both).
 * Kept as one JSON document so a change is one audited write.
 */
@Injectable()
export class RuleSettingsRepository {
  async centreOverrides(manager: EntityManager): Promise<RuleSettingsOverrides> {
    const rows = await manager.query<{ overrides: RuleSettingsOverrides }[]>('SELECT overrides FROM rule_settings WHERE id = 1');
    return rows[0]?.overrides ?? {};
  }

  async save(manager: EntityManager, overrides: RuleSettingsOverrides, now: Date, updatedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO rule_settings (id, overrides, updated_at, updated_by) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET overrides = EXCLUDED.overrides, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [JSON.stringify(overrides), now, updatedBy],
    );
  }
}
