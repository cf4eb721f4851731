import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertLevel } from '@app/contracts';
import { CardFacts } from './message-text';

interface FactsRow {
  id: string;
  rule: string;
  level: AlertLevel;
  state: string;
  department_code: string;
  department_name: string | null;
  case_id: string;
  item_code: string | null;
  responsible_officer_id: string | null;
  officer_name: string | null;
  summary: { zh: string; en: string };
  changed_at: Date;
  reason: string;
  notified_level: AlertLevel | null;
}

export interface NotifiedCard extends CardFacts {
  /** The level the notification announced; the card may have moved on since. */
  notifiedLevel: AlertLevel | null;
}

const SELECT = `
  SELECT a.id, a.rule, a.level, a.state, a.department_code, d.name AS department_name, a.case_id, a.item_code,
         a.responsible_officer_id, o.name AS officer_name, a.summary,
         COALESCE(n.changed_at, a.updated_at) AS changed_at, COALESCE(n.reason, 'RAISED') AS reason, n.level AS notified_level
    FROM alerts a
    LEFT JOIN departments d ON d.code = a.department_code
    LEFT JOIN officers o ON o.id = a.responsible_officer_id`;

const LATEST_NOTIFICATION = `
    LEFT JOIN LATERAL (SELECT changed_at, reason, level FROM notifications x WHERE x.alert_id = a.id ORDER BY changed_at DESC LIMIT 1) n ON true`;

/** What a message says about a card, read when it is sent: current state, names, the change announced. */
@Injectable()
export class CardFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ofNotification(notificationId: string): Promise<NotifiedCard | null> {
    const rows = await this.dataSource.query<FactsRow[]>(`${SELECT} JOIN notifications n ON n.alert_id = a.id WHERE n.id = $1`, [notificationId]);
    return rows[0] ? toFacts(rows[0]) : null;
  }

  /** Cards by id with their latest announced change (the link page). */
  async cardsById(ids: string[]): Promise<NotifiedCard[]> {
    const rows = await this.dataSource.query<FactsRow[]>(`${SELECT} ${LATEST_NOTIFICATION} WHERE a.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toFacts);
  }

  /** An officer's open cards, most severe and oldest first (the digest). */
  async openCardsOf(officerId: string): Promise<NotifiedCard[]> {
    const rows = await this.dataSource.query<FactsRow[]>(
      `${SELECT} ${LATEST_NOTIFICATION}
       WHERE a.responsible_officer_id = $1 AND a.state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')
       ORDER BY CASE a.level WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END, a.raised_at, a.id LIMIT 500`,
      [officerId],
    );
    return rows.map(toFacts);
  }

  async officerName(officerId: string): Promise<string> {
    const [row] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM officers WHERE id = $1', [officerId]);
    return row?.name ?? officerId;
  }
}

function toFacts(row: FactsRow): NotifiedCard {
  return {
    id: row.id,
    rule: row.rule,
    level: row.level,
    state: row.state,
    departmentCode: row.department_code,
    departmentName: row.department_name ?? row.department_code,
    caseId: row.case_id,
    itemCode: row.item_code,
    responsibleOfficerId: row.responsible_officer_id,
    responsibleOfficerName: row.officer_name,
    summary: row.summary,
    changedAt: new Date(row.changed_at),
    reason: row.reason,
    notifiedLevel: row.notified_level,
  };
}
