import { WarningTalkCoverage } from '@app/domain/reports';

/** A department's 警醒谈话 coverage for a year, as the quarterly pack lists it. */
export interface DepartmentTalkCoverageLine extends WarningTalkCoverage {
  departmentCode: string;
  departmentName: string;
}

/**
 * Where the quarterly pack reads warning-talk coverage from: the register (accountability) keeps the
 * talks and sits above reports, so reports owns this interface and the register provides it
 * (bound in app-ports.module.ts).
 */
export abstract class WarningTalkCoverageSource {
  /** Every department of the city (scope null) for the calendar year. */
  abstract warningTalkCoverage(scope: null, year: number): Promise<DepartmentTalkCoverageLine[]>;
}
