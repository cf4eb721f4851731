import type { Sweep } from '../oversight-sweep';

const CHUNK = 200;

/** Clues under investigation past their deadline: flagged once, a card on the lead department. */
export const CLUE_INVESTIGATION: Sweep = {
  async claim(manager, now) {
    const rows = await manager.query<{ id: string; department_code: string; subject: string; due_at: Date }[]>(
      `WITH due AS (SELECT id FROM clues WHERE state = 'INVESTIGATING' AND overdue_flagged_at IS NULL AND due_at <= $1
                     ORDER BY due_at LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED),
            flagged AS (UPDATE clues c SET overdue_flagged_at = $1 FROM due WHERE c.id = due.id
                         RETURNING c.id, c.department_codes->>0 AS department_code, c.subject, c.due_at)
       SELECT * FROM flagged`,
      [now],
    );
    return rows.map((r) => ({
      rule: 'CLUE_INVESTIGATION_OVERDUE' as const,
      departmentCode: r.department_code,
      key: `clue:${r.id}`,
      dueAt: r.due_at,
      facts: { clueId: r.id, subject: r.subject, dueAt: r.due_at.toISOString() },
      summary: { zh: `线索逾期未核查办结：${r.subject}`, en: `Clue not investigated by its deadline: ${r.subject}` },
    }));
  },
  async link(manager, cardIds) {
    for (const [key, alertId] of cardIds) {
      if (key.startsWith('clue:')) await manager.query('UPDATE clues SET overdue_alert_id = $2 WHERE id = $1', [key.slice(5), alertId]);
    }
  },
};
