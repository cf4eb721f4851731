import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { gradingSettingsErrors } from '@app/domain/reports';
import { AuditService } from '../../audit/audit.service';
import { Principal, principalId } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { assertValid } from '../../common/schema-validator';
import { ReportSettingsEntity } from '../../persistence/entities/reports/report-settings.entity';
import { DEFAULT_REPORT_SETTINGS, ReportSettings, reportSettingsSchema } from './report-settings';

/** Report settings: the defaults until the centre stores its own (audited, whole document at once). */
@Injectable()
export class ReportSettingsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<ReportSettings> {
    const row = await manager.getRepository(ReportSettingsEntity).findOneBy({ id: 1 });
    if (!row) return DEFAULT_REPORT_SETTINGS;
    const stored = row.settings as Partial<ReportSettings>;
    const merged = { ...DEFAULT_REPORT_SETTINGS, ...stored };
    // Deductions added later (the department sanctions) take their defaults in documents stored before them.
    return stored.grading ? { ...merged, grading: { ...stored.grading, deductions: { ...DEFAULT_REPORT_SETTINGS.grading.deductions, ...stored.grading.deductions } } } : merged;
  }

  async replace(principal: Principal, body: unknown, now: Date): Promise<ReportSettings> {
    const settings = assertValid<ReportSettings>(reportSettingsSchema, body);
    const errors = gradingSettingsErrors(settings.grading);
    if (errors.length > 0) throw new InvalidInputException(errors);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.current(manager);
      await manager.query(
        `INSERT INTO report_settings (id, settings, updated_at, updated_by) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [JSON.stringify(settings), now, principalId(principal)],
      );
      await this.audit.record({ actor: principal, action: 'reports.settings.put', target: 'report-settings', before, after: settings }, manager);
      return settings;
    });
  }
}
