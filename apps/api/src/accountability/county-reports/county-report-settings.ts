import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_COUNTY_REPORT_DUE_DAYS } from '@app/domain';
import { AuditService } from '../../audit/audit.service';
import { Principal, principalId } from '../../auth/principal';
import { CountyReportSettingsEntity } from '../../persistence/entities/accountability/county-report.entity';

export interface CountyReportSettings {
  dueDaysAfterPeriodEnd: number;
}

/** The city's one setting for county reports: calendar days after the quarter's end a report is due. */
@Injectable()
export class CountyReportSettingsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<CountyReportSettings> {
    const row = await this.dataSource.getRepository(CountyReportSettingsEntity).findOneBy({ id: 1 });
    return { dueDaysAfterPeriodEnd: row?.dueDaysAfterPeriodEnd ?? DEFAULT_COUNTY_REPORT_DUE_DAYS };
  }

  /** Applies to periods whose reports are drafted from now on and to the late list; a stored report keeps its due day. */
  async put(principal: Principal, settings: CountyReportSettings, now: Date): Promise<CountyReportSettings> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.current();
      await manager.getRepository(CountyReportSettingsEntity).upsert({ id: 1, dueDaysAfterPeriodEnd: settings.dueDaysAfterPeriodEnd, updatedAt: now, updatedBy: principalId(principal) }, ['id']);
      await this.audit.record({ actor: principal, action: 'county_report.settings.put', target: 'county_report_settings', before, after: settings }, manager);
      return { dueDaysAfterPeriodEnd: settings.dueDaysAfterPeriodEnd };
    });
  }
}
