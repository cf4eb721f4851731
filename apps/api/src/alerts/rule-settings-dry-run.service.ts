import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dryRunRuleSettings, DryRunCase, orderCaseEvents, projectCase, RULESET_VERSION, RuleSettingsOverrides } from '@app/domain';
import { AccessScope, departmentFilter } from '../auth/access-scope';
import { CalendarService } from '../calendar/calendar.service';
import { CLOCK_SETTINGS, COUNTING_POLICY } from '../calendar/clock-policy';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { notFound } from '../common/invalid-input.exception';
import { caseKeyString, EventStoreRepository } from '../ingest/event-store.repository';
import { RuleSettingsRepository } from './rule-settings.repository';

export const DRY_RUN_WINDOW_DAYS = 30;
/** The most recently active cases evaluated; a larger city is sampled (and says so). */
export const DRY_RUN_MAX_CASES = 5000;
const CHUNK = 500;

/**
 * The dry run of a rule-settings change over the last 30 days: the stored histories of the cases
 * open or active in the window (the most recent first, at most DRY_RUN_MAX_CASES), in the caller's
 * scope, evaluated by the domain's pure rules under the settings in force and the proposed ones.
 * Reads only; nothing is written.
 */
@Injectable()
export class RuleSettingsDryRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStoreRepository,
    private readonly catalogue: CatalogueReader,
    private readonly calendars: CalendarService,
    private readonly settings: RuleSettingsRepository,
  ) {}

  async run(scope: AccessScope, proposed: RuleSettingsOverrides, departmentCode: string | undefined, now: Date) {
    const departments = departmentFilter(scope, departmentCode);
    if (departmentCode !== undefined && departments?.length === 0) throw notFound('departmentCode', `department ${departmentCode} not found`);
    const windowStart = new Date(now.getTime() - DRY_RUN_WINDOW_DAYS * 86_400_000);
    const keys = await this.dataSource.query<{ department_code: string; case_id: string }[]>(
      `SELECT department_code, case_id FROM cases
        WHERE (is_open OR last_occurred_at >= $1) AND ($2::varchar[] IS NULL OR department_code = ANY($2))
        ORDER BY last_occurred_at DESC NULLS LAST, department_code, case_id LIMIT $3`,
      [windowStart, departments ?? null, DRY_RUN_MAX_CASES + 1],
    );
    const truncated = keys.length > DRY_RUN_MAX_CASES;
    const chosen = keys.slice(0, DRY_RUN_MAX_CASES).map((k) => ({ departmentCode: k.department_code, caseId: k.case_id }));
    const current = await this.settings.centreOverrides(this.dataSource.manager);
    const contacts = await this.catalogue.departmentContacts([...new Set(chosen.map((k) => k.departmentCode))]);
    const cases: DryRunCase[] = [];
    for (let i = 0; i < chosen.length; i += CHUNK) {
      const slice = chosen.slice(i, i + CHUNK);
      const histories = await this.events.historiesOf(slice);
      const items = await this.catalogue.itemsByCode([...new Set([...histories.values()].flatMap((h) => h.map((e) => e.itemCode)))]);
      for (const key of slice) {
        const history = histories.get(caseKeyString(key.departmentCode, key.caseId));
        if (!history || history.length === 0) continue;
        const events = orderCaseEvents(history);
        cases.push({ events, item: items.get(projectCase(events).itemCode), departmentContact: contacts.get(key.departmentCode) });
      }
    }
    const result = dryRunRuleSettings({
      cases,
      current,
      proposed,
      calendar: this.calendars.current(),
      policy: COUNTING_POLICY,
      clockSettings: { ...CLOCK_SETTINGS, explanationMaxDays: 0 },
      now,
      windowStart,
    });
    return { rulesetVersion: RULESET_VERSION, window: { from: windowStart.toISOString(), to: now.toISOString(), days: DRY_RUN_WINDOW_DAYS }, truncated, ...result };
  }
}
