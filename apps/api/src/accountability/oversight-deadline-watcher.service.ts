import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLUE_INVESTIGATION } from './clues/clue-overdue-sweep';
import { RESOLUTIONS } from './meetings/resolution-sweep';
import { OverdueItem, OversightCards } from './oversight-cards';
import { Sweep } from './oversight-sweep';
import { escalateOverdueOrders } from './supervision/overdue-escalation';

/** Limits are days long: a minute's delay in noticing one is immaterial. */
const INTERVAL_MS = 60_000;
const CHUNK = 200;


/**
 * Flags supervision orders, complaints and joint-meeting resolutions whose limit has passed, once each: a row is claimed with
 * `FOR UPDATE SKIP LOCKED` and marked in the same transaction that raises its card, so several
 * workers never flag one twice and a crash flags nothing half-way. Cost grows with the rows due.
 */
@Injectable()
export class OversightDeadlineWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OversightDeadlineWatcher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly sweeps: Record<string, Sweep>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: OversightCards,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    audit: AuditService,
  ) {
    const orders: Sweep = {
      ...ORDERS,
      // A failed 限期整改 / 限期履行 order proposes the head's accountability (issue 15, item 4).
      after: async (manager, items, now) => {
        await escalateOverdueOrders(manager, audit, items.map((i) => i.key.slice('order:'.length)), now);
      },
    };
    this.sweeps = { orders, complaintAcceptance: COMPLAINT_ACCEPTANCE, complaintHandling: COMPLAINT_HANDLING, resolutions: RESOLUTIONS, clueInvestigation: CLUE_INVESTIGATION };
  }

  onApplicationBootstrap(): void {
    // Off with the deadline scheduler: tests drive both with an injected clock.
    if (this.config.role === 'api' || this.config.schedulerIntervalMs === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick(new Date())
        .catch((error: Error) => this.logger.warn(`oversight check failed, will retry: ${error.message}`))
        .finally(() => (this.running = null));
    }, INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass at `now`: how many orders and complaints it flagged. */
  async tick(now: Date): Promise<Record<string, number>> {
    const flagged: Record<string, number> = {};
    for (const [name, sweep] of Object.entries(this.sweeps)) {
      flagged[name] = 0;
      for (;;) {
        const n = await this.dataSource.transaction(async (manager) => {
          const claimed = await sweep.claim(manager, now);
          const items = Array.isArray(claimed) ? claimed : claimed.items;
          if (items.length > 0) {
            await sweep.link(manager, await this.cards.raise(manager, items, now));
            await sweep.after?.(manager, items, now);
          }
          return Array.isArray(claimed) ? claimed.length : claimed.claimed;
        });
        flagged[name] += n;
        if (n < CHUNK) break;
      }
    }
    return flagged;
  }
}

const ORDERS: Sweep = {
  async claim(manager, now) {
    const rows = await manager.query<{ id: string; department_code: string; subject: string; due_at: Date }[]>(
      `WITH due AS (SELECT id FROM supervision_orders WHERE state = 'ISSUED' AND overdue_flagged_at IS NULL AND due_at <= $1
                     ORDER BY due_at LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED),
            flagged AS (UPDATE supervision_orders o SET overdue_flagged_at = $1 FROM due WHERE o.id = due.id
                         RETURNING o.id, o.department_code, o.subject, o.due_at)
       SELECT * FROM flagged`,
      [now],
    );
    return rows.map((r) => ({
      rule: 'SUPERVISION_ORDER_OVERDUE',
      departmentCode: r.department_code,
      key: `order:${r.id}`,
      dueAt: r.due_at,
      facts: { supervisionOrderId: r.id, subject: r.subject, dueAt: r.due_at.toISOString() },
      summary: { zh: `督办事项逾期未复：${r.subject}`, en: `Supervision order not answered by its deadline: ${r.subject}` },
    }));
  },
  async link(manager, cardIds) {
    for (const [key, alertId] of cardIds) {
      if (key.startsWith('order:')) await manager.query('UPDATE supervision_orders SET overdue_alert_id = $2 WHERE id = $1', [key.slice(6), alertId]);
    }
  },
};

function complaintSweep(state: 'RECEIVED' | 'ACCEPTED', due: 'acceptance_due_at' | 'handling_due_at', flag: 'acceptance_overdue_at' | 'handling_overdue_at', rule: OverdueItem['rule'], words: { zh: string; en: string }): Sweep {
  return {
    async claim(manager, now) {
      const rows = await manager.query<{ id: string; department_code: string; subject: string; due_at: Date }[]>(
        `WITH due AS (SELECT id FROM complaints WHERE state = '${state}' AND ${flag} IS NULL AND ${due} <= $1
                       ORDER BY ${due} LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED),
              flagged AS (UPDATE complaints c SET ${flag} = $1 FROM due WHERE c.id = due.id
                           RETURNING c.id, c.department_code, c.subject, c.${due} AS due_at)
         SELECT * FROM flagged`,
        [now],
      );
      return rows.map((r) => ({
        rule,
        departmentCode: r.department_code,
        key: `complaint:${r.id}`,
        dueAt: r.due_at,
        facts: { complaintId: r.id, subject: r.subject, dueAt: r.due_at.toISOString() },
        summary: { zh: `${words.zh}：${r.subject}`, en: `${words.en}: ${r.subject}` },
      }));
    },
    async link() {
      // The card names the complaint (its key and facts); the complaint keeps when it was flagged.
    },
  };
}

const COMPLAINT_ACCEPTANCE = complaintSweep('RECEIVED', 'acceptance_due_at', 'acceptance_overdue_at', 'COMPLAINT_ACCEPTANCE_OVERDUE', { zh: '投诉超过受理期限未受理', en: 'Complaint not accepted or refused in time' });
const COMPLAINT_HANDLING = complaintSweep('ACCEPTED', 'handling_due_at', 'handling_overdue_at', 'COMPLAINT_HANDLING_OVERDUE', { zh: '投诉超过办理期限未答复', en: 'Complaint not answered in time' });
