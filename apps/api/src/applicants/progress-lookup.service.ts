import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVERY_DEPARTMENT } from '../auth/access-scope';
import { CaseQueryService } from '../cases/case-query.service';
import { QueryCodeStore } from '../ingest/query-code-store';

export interface ProgressQuery {
  departmentCode: string;
  caseId: string;
  queryCode: string;
}

interface ClockView {
  limitWorkingDays: number;
  usedWorkingDays: number;
  remainingWorkingDays: number;
  dueOn: string;
  dueAt: string;
  state: string;
}

/** What an applicant sees: the case's progress, nothing personal (no officer, no applicant, no documents, no opinions). */
export interface PublicProgress {
  departmentCode: string;
  departmentName: string;
  caseId: string;
  item: { code: string; name: string } | null;
  status: string;
  open: boolean;
  currentStep: { code: string; name: string | null } | null;
  submittedAt: string | null;
  acceptedOn: string | null;
  concludedAt: string | null;
  promised: ClockView | null;
  statutory: ClockView | null;
  pauses: { reason: string; from: string; to: string | null; workingDaysNotCounted: number }[];
  provisional: boolean;
}

/** The one answer for a wrong code and for an unknown case: nothing tells them apart. */
export const PROGRESS_NOT_FOUND = Object.freeze({
  statusCode: 404,
  error: 'Not Found',
  message: 'no case with this department, case number and query code',
  errors: [{ path: 'queryCode', message: 'not found or wrong code' }],
});

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * 办件进度查询. The code is checked before anything about the case is read, in the same way for a
 * case that exists and one that does not (one indexed read, one HMAC, one constant-time comparison),
 * so neither the answer nor its time tells an enumerator which case numbers exist.
 */
@Injectable()
export class ProgressLookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: QueryCodeStore,
    private readonly cases: CaseQueryService,
  ) {}

  /** True when the code is right for this case; the same work either way. */
  async verify(query: ProgressQuery): Promise<boolean> {
    const stored = await this.codes.find(this.dataSource.manager, query.departmentCode, query.caseId);
    return this.codes.matches(stored, query.departmentCode, query.caseId, query.queryCode);
  }

  async lookup(query: ProgressQuery): Promise<PublicProgress> {
    if (!(await this.verify(query))) throw new NotFoundException(PROGRESS_NOT_FOUND);
    let found: Awaited<ReturnType<CaseQueryService['get']>>;
    try {
      found = await this.cases.get(query.departmentCode, query.caseId, EVERY_DEPARTMENT);
    } catch (error) {
      // A code sent with the case's events, but the case not projected yet: the same answer.
      if (error instanceof NotFoundException) throw new NotFoundException(PROGRESS_NOT_FOUND);
      throw error;
    }
    const [department] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM departments WHERE code = $1', [query.departmentCode]);
    const [item] = await this.dataSource.query<{ steps: { code: string; name: string }[] }[]>('SELECT steps FROM items WHERE code = $1', [found.itemCode]);
    const clock = (kind: string): ClockView | null => {
      const c = found.clocks.find((candidate) => candidate.kind === kind);
      return c
        ? { limitWorkingDays: c.limitWorkingDays, usedWorkingDays: c.usedWorkingDays, remainingWorkingDays: c.remainingWorkingDays, dueOn: c.dueOn, dueAt: c.dueAt, state: c.state }
        : null;
    };
    const statutory = found.clocks.find((c) => c.kind === 'DECISION_STATUTORY') ?? found.clocks.find((c) => c.kind === 'DECISION_PROMISED');
    return {
      departmentCode: found.departmentCode,
      departmentName: department?.name ?? found.departmentCode,
      caseId: found.caseId,
      item: found.item ? { code: found.item.code, name: found.item.name } : null,
      status: found.status,
      open: found.isOpen,
      currentStep: found.currentStep ? { code: found.currentStep, name: item?.steps.find((s) => s.code === found.currentStep)?.name ?? null } : null,
      submittedAt: iso(found.submittedAt),
      acceptedOn: found.acceptedOn,
      concludedAt: iso(found.closedAt ?? found.decidedAt),
      promised: clock('DECISION_PROMISED'),
      statutory: clock('DECISION_STATUTORY'),
      pauses: (statutory?.explanation.suspensions ?? []).map((s) => ({ reason: s.reason, from: s.suspendedOn, to: s.resumedOn ?? null, workingDaysNotCounted: s.workingDaysNotCounted })),
      provisional: found.clocksProvisional,
    };
  }
}
