import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { targetKeyOf } from './channel-input';
import { DeliveryStore, NewDelivery } from './delivery-store.repository';
import { OfficeHoursService } from './office-hours.service';
import { RecipientDirectory } from './recipient-directory';
import { officeOpeningOf } from '@app/domain';

/**
 * The daily digest: when the office opens on a working day, every officer responsible for open
 * cards gets one message listing them, over their own channels (the inbox already lists each card,
 * so there is no in-app digest). A row per day in notification_digest_days makes it once per day
 * however many workers tick; the list itself is read when the message is sent, so it is current.
 */
@Injectable()
export class DigestPlanner {
  /** The last day this process saw planned: the database is asked once a day, not once a pass. */
  private plannedDay: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientDirectory,
    private readonly deliveries: DeliveryStore,
    private readonly hours: OfficeHoursService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Plans the day's digests if the office is open at `now` and they are not planned yet. */
  async run(now: Date): Promise<number> {
    if (!this.config.notifications.dailyDigest) return 0;
    const opening = officeOpeningOf(this.hours.current(), now.getTime());
    if (!opening || now.getTime() < opening.opensAt || opening.day === this.plannedDay) return 0;
    const count = await this.dataSource.transaction(async (manager) => {
      const claimed = await manager.query<{ day: string }[]>(
        'INSERT INTO notification_digest_days (day, planned_at) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING RETURNING day',
        [opening.day, now],
      );
      if (claimed.length === 0) return 0;
      const officers = await manager.query<{ id: string; department_code: string }[]>(
        `SELECT o.id, o.department_code FROM officers o
          WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.responsible_officer_id = o.id
                           AND a.state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED'))
            AND EXISTS (SELECT 1 FROM notification_channels c WHERE c.owner = 'officer:' || o.id)
          ORDER BY o.id`,
      );
      const planned: NewDelivery[] = [];
      for (const officer of officers) {
        const drafts = (await this.recipients.officerDrafts(manager, officer.id, null)).filter((d) => d.channel !== 'inapp');
        planned.push(
          ...drafts.map((d) => ({
            ...d,
            notificationId: null,
            alertId: null,
            departmentCode: officer.department_code,
            kind: 'DIGEST' as const,
            step: 0,
            dueAt: new Date(opening.opensAt),
            dedupeKey: `digest:${opening.day}:${officer.id}:${targetKeyOf(d.channel, d.target)}`,
          })),
        );
      }
      return this.deliveries.insert(manager, planned, now);
    });
    this.plannedDay = opening.day;
    return count;
  }
}
