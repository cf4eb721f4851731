import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../apps/api/src/persistence/data-source-options';
import { MIGRATIONS } from '../apps/api/src/persistence/migrations';
import { LawHeadsRegister1765000000000 } from '../apps/api/src/persistence/migrations/1765000000000-law-heads-register';
import { createTestDatabase } from './support/test-database';

const BEFORE = MIGRATIONS.indexOf(LawHeadsRegister1765000000000);

describe('migration LawHeadsRegister carries the register over', () => {
  it('stored 诫勉 (ADMONITION) on serious faults becomes the opinion\'s 告诫 (CAUTION); the year becomes the year committed', async () => {
    const db = await createTestDatabase();
    const older = new DataSource({ ...buildDataSourceOptions({ url: db.url, poolSize: 1 }), migrations: MIGRATIONS.slice(0, BEFORE) });
    const current = new DataSource(buildDataSourceOptions({ url: db.url, poolSize: 1 }));
    try {
      await older.initialize();
      await older.runMigrations();
      // A card breached at 2025-12-31 20:00 Shanghai (12:00 UTC), its fault decided in January 2026.
      await older.query(
        `INSERT INTO alerts (id, department_code, case_id, rule, level, state, ruleset_version, responsible_officer_id, time_driven, breached_at, raised_at, updated_at, evidence, summary)
         VALUES ('00000000-0000-4000-8000-000000000001', 'D', 'C', 'STATUTORY_OVERDUE', 'RED', 'OPEN', 'v', 'O', true, '2025-12-31T12:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '{}', '{}')`,
      );
      const entry = (id: string, kind: string, severity: string | null, measure: string, alertId: string | null) =>
        older.query(
          `INSERT INTO register_entries (id, kind, department_code, officer_id, officer_name, alert_id, severity, measure, direct_responsibility, basis, decided_on, year, decided_by, state, created_at)
           VALUES ($1, $2, 'D', 'O', '李明', $3, $4, $5, true, 'x', '2026-01-08', 2026, 'sup', 'CONFIRMED', now())`,
          [id, kind, alertId, severity, measure],
        );
      await entry('00000000-0000-4000-8000-00000000000a', 'FAULT', 'SERIOUS', 'ADMONITION', '00000000-0000-4000-8000-000000000001');
      await entry('00000000-0000-4000-8000-00000000000b', 'REPRIMAND', null, 'REPRIMAND', null);
      await older.destroy();

      await current.initialize();
      expect(await current.runMigrations()).toHaveLength(MIGRATIONS.length - BEFORE);
      const rows = await current.query<{ kind: string; measure: string; committed_on: string; year: number }[]>(
        `SELECT kind, measure, to_char(committed_on, 'YYYY-MM-DD') AS committed_on, year FROM register_entries ORDER BY id`,
      );
      expect(rows).toEqual([
        { kind: 'FAULT', measure: 'CAUTION', committed_on: '2025-12-31', year: 2025 },
        { kind: 'REPRIMAND', measure: 'REPRIMAND', committed_on: '2026-01-08', year: 2026 },
      ]);
    } finally {
      if (older.isInitialized) await older.destroy();
      if (current.isInitialized) await current.destroy();
      await db.drop();
    }
  });
});
