import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertLevel } from '@app/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DeliveryStore } from './delivery-store.repository';
import { lastLadderStep, ladderStep, workingHoursBefore } from './escalation-ladder';
import { OfficeHoursService } from './office-hours.service';
import { RecipientDirectory } from './recipient-directory';
import { addWorkingHours, nextWorkingTime } from '@app/domain';

const CHUNK = 100;

interface DueRow {
  id: string;
  alert_id: string;
  level: AlertLevel;
  escalation_step: number;
  next_escalation_at: Date;
  department_code: string;
  card_state: string | null;
  card_level: AlertLevel | null;
  responsible_officer_id: string | null;
}

/**
 * Walks the escalation ladder of cards nobody acknowledged (escalation-ladder.ts). Like the deadline
 * scheduler it reads only what is due (`next_escalation_at`, indexed) with SKIP LOCKED, so several
 * workers share it and each step is planned once. A card that was acknowledged, closed or raised to
 * another level leaves its ladder at the next look. Steps are timed from the previous step's planned
 * instant, not from when the tick ran, so a late tick does not push the ladder back.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientDirectory,
    private readonly deliveries: DeliveryStore,
    private readonly hours: OfficeHoursService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes every step due at `now`; returns the deliveries planned. */
  async run(now: Date): Promise<number> {
    let planned = 0;
    for (;;) {
      const { rows, deliveries } = await this.dataSource.transaction(async (manager) => {
        const due = await manager.query<DueRow[]>(
          `SELECT n.id, n.alert_id, n.level, n.escalation_step, n.next_escalation_at, n.department_code,
                  a.state AS card_state, a.level AS card_level, a.responsible_officer_id
             FROM notifications n LEFT JOIN alerts a ON a.id = n.alert_id
            WHERE n.next_escalation_at <= $1
            ORDER BY n.next_escalation_at LIMIT ${CHUNK} FOR UPDATE OF n SKIP LOCKED`,
          [now],
        );
        let count = 0;
        for (const row of due) {
          const { step, next, drafts } = await this.nextStep(manager, row);
          if (drafts.length > 0) {
            const ladder = ladderStep(step);
            count += await this.deliveries.insert(
              manager,
              drafts.map((d) => ({
                ...d,
                notificationId: row.id,
                alertId: row.alert_id,
                departmentCode: row.department_code,
                kind: ladder.kind,
                step,
                dueAt: this.dueAt(row),
              })),
              now,
            );
          }
          await manager.query('UPDATE notifications SET escalation_step = $2, next_escalation_at = $3 WHERE id = $1', [row.id, step, next]);
        }
        return { rows: due.length, deliveries: count };
      });
      planned += deliveries;
      if (rows < CHUNK) return planned;
    }
  }

  /**
   * The step's planned instant (not the tick's, so a late tick keeps the order). It lies in office
   * hours by construction, unless a holiday was loaded since: then a non-RED step waits for the morning.
   */
  private dueAt(row: DueRow): Date {
    const planned = row.next_escalation_at.getTime();
    return new Date(row.level === 'RED' ? planned : nextWorkingTime(this.hours.current(), planned));
  }

  /** The next step that has someone to tell (an officer without a supervisor skips to the department). */
  private async nextStep(manager: Parameters<RecipientDirectory['audiences']>[0], row: DueRow) {
    const settings = this.config.notifications;
    const last = lastLadderStep(settings);
    const stillOpen = row.card_state === 'OPEN' && row.card_level === row.level;
    let step = row.escalation_step;
    if (!stillOpen) return { step, next: null, drafts: [] };
    const card = { departmentCode: row.department_code, level: row.level, responsibleOfficerId: row.responsible_officer_id };
    while (step < last) {
      step++;
      const drafts = await this.recipients.audiences(manager, card, ladderStep(step).audiences);
      if (drafts.length > 0 || step === last) {
        const next = step < last ? new Date(addWorkingHours(this.hours.current(), row.next_escalation_at.getTime(), workingHoursBefore(step + 1, settings))) : null;
        return { step, next, drafts };
      }
    }
    return { step, next: null, drafts: [] };
  }
}
