import type { Sweep } from '../oversight-sweep';

const CHUNK = 200;

/**
 * Joint-meeting resolutions past their deadline and not done: marked OVERDUE once (claimed with
 * `FOR UPDATE SKIP LOCKED`, like supervision orders), with a YELLOW card on the department
 * concerned — the resolution's department, else its owner when the owner body is a department.
 * A resolution owned by a body that is not a department and names none is marked OVERDUE only.
 */
export const RESOLUTIONS: Sweep = {
  async claim(manager, now) {
    const rows = await manager.query<{ id: string; department_code: string | null; text: string; due_at: Date; owner_name: string; quarter: string }[]>(
      `WITH due AS (SELECT id FROM meeting_resolutions WHERE state = 'OPEN' AND overdue_flagged_at IS NULL AND due_at <= $1
                     ORDER BY due_at LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED),
            flagged AS (UPDATE meeting_resolutions r SET overdue_flagged_at = $1, state = 'OVERDUE' FROM due WHERE r.id = due.id
                         RETURNING r.id, r.department_code, r.owner_code, r.owner_name, r.text, r.due_at, r.meeting_id)
       SELECT f.id, coalesce(f.department_code, d.code) AS department_code, f.text, f.due_at, f.owner_name, m.quarter
         FROM flagged f LEFT JOIN departments d ON d.code = f.owner_code LEFT JOIN joint_meetings m ON m.id = f.meeting_id`,
      [now],
    );
    const items = rows
      .filter((r): r is typeof r & { department_code: string } => r.department_code !== null)
      .map((r) => ({
        rule: 'MEETING_RESOLUTION_OVERDUE' as const,
        departmentCode: r.department_code,
        key: `resolution:${r.id}`,
        dueAt: r.due_at,
        facts: { resolutionId: r.id, quarter: r.quarter, owner: r.owner_name, text: r.text.slice(0, 300), dueAt: r.due_at.toISOString() },
        summary: { zh: `${r.quarter}联席会议决议逾期未落实（${r.owner_name}）：${r.text.slice(0, 80)}`, en: `Resolution of the ${r.quarter} joint meeting not carried out in time (${r.owner_name}): ${r.text.slice(0, 80)}` },
      }));
    return { items, claimed: rows.length };
  },
  async link(manager, cardIds) {
    for (const [key, alertId] of cardIds) {
      if (key.startsWith('resolution:')) await manager.query('UPDATE meeting_resolutions SET overdue_alert_id = $2 WHERE id = $1', [key.slice('resolution:'.length), alertId]);
    }
  },
};
