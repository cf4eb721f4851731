import 'reflect-metadata';
import { getMetadataArgsStorage } from 'typeorm';
import { counterColumn, DAILY_COUNTERS } from '@app/domain/reports';
import { ReportDailyRollupEntity } from './report-daily-rollup.entity';

describe('report_daily_rollups', () => {
  it('has exactly one int column per daily counter, named as the SQL of the rollup names it', () => {
    const columns = getMetadataArgsStorage()
      .columns.filter((c) => c.target === ReportDailyRollupEntity)
      .map((c) => ({ name: c.options.name ?? c.propertyName, type: c.options.type, property: c.propertyName }));
    expect(columns.map((c) => c.name)).toEqual(['department_code', 'day', ...DAILY_COUNTERS.map(counterColumn)]);
    expect(columns.slice(2).map((c) => c.property)).toEqual([...DAILY_COUNTERS]);
    expect(new Set(columns.slice(2).map((c) => c.type))).toEqual(new Set(['int']));
  });
});
