import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Finding, RuleCode } from '@app/contracts';
import { DEFAULT_SUPERVISION_SETTINGS, supervisionDeadlineFor } from '@app/domain';
import { AlertStoreRepository } from '../alerts/alert-store.repository';
import { CalendarService } from '../calendar/calendar.service';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { OVERSIGHT_RULES, OversightRule } from './oversight-rules';

const RULESET = 'oversight-1';

export interface OverdueItem {
  rule: OversightRule;
  departmentCode: string;
  /** `order:<uuid>` or `complaint:<uuid>`. */
  key: string;
  dueAt: Date;
  facts: Record<string, unknown>;
  summary: { zh: string; en: string };
}

/**
 * Raises the registers' cards. They are ordinary cards (the wall, notifications and the card
 * lifecycle treat them like any other), keyed by `order:<id>` / `complaint:<id>` in place of a case
 * id, so the per-case rules — which reconcile only the cards of real cases — never touch them.
 */
@Injectable()
export class OversightCards {
  constructor(
    private readonly store: AlertStoreRepository,
    private readonly calendars: CalendarService,
  ) {}

  /** Raises one YELLOW card per item, in the caller's transaction; returns card ids by key. */
  async raise(manager: EntityManager, items: OverdueItem[], now: Date): Promise<Map<string, string>> {
    const calendar = this.calendars.current();
    const supervisionDueAt = () => new Date(supervisionDeadlineFor(calendar, now, DEFAULT_SUPERVISION_SETTINGS, COUNTING_POLICY).dueAt);
    await this.store.applyAll(
      manager,
      items.map((item) => ({
        ref: { departmentCode: item.departmentCode, caseId: item.key, itemCode: null },
        changes: { raise: [finding(item)], upgrade: [], correct: [], clear: [] },
      })),
      supervisionDueAt,
      now,
    );
    const ids = await manager.query<{ id: string; case_id: string }[]>(
      `SELECT id, case_id FROM alerts WHERE case_id = ANY($1) AND rule = ANY($2) AND state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`,
      [items.map((i) => i.key), [...OVERSIGHT_RULES]],
    );
    return new Map(ids.map((row) => [row.case_id, row.id]));
  }
}

function finding(item: OverdueItem): Finding {
  return {
    // Not one of the case rules: these cards come from the registers, not from case events.
    rule: item.rule as unknown as RuleCode,
    level: 'YELLOW',
    rulesetVersion: RULESET,
    responsibleOfficerId: null,
    breachedAt: item.dueAt.toISOString(),
    timeDriven: false,
    evidence: { eventIds: [], facts: item.facts },
    summary: item.summary,
  };
}
