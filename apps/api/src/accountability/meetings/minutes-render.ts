import { CLUE_CHANNEL_NAMES, CLUE_NAMES } from '@app/contracts';
import ExcelJS from 'exceljs';
import { escapeHtml, page, table } from '../../reports/render/html-page';
import { formatValue, Lang, registerName } from '../../reports/render/report-labels';
import { MeetingView } from './joint-meeting.service';
import { m, stateName } from './minutes-labels';

const orNone = (rows: (string | number)[][], headers: string[], lang: Lang) => (rows.length === 0 ? `<p>${m('none', lang)}</p>` : table(headers, rows, 99));

function sections(view: MeetingView, lang: Lang) {
  const a = view.agenda;
  return {
    attendees: { headers: [m('code', lang), m('name', lang)], rows: view.attendees.map((b) => [b.code, b.name]) },
    orders: {
      headers: [m('department', lang), m('subject', lang), m('issuedAt', lang), m('dueOn', lang), m('state', lang)],
      rows: a.overdueOrders.map((o) => [o.departmentCode, o.subject, o.issuedAt.slice(0, 10), o.dueOn, o.state]),
    },
    complaints: {
      headers: [m('department', lang), m('received', lang), m('overdue', lang)],
      rows: a.complaints.byDepartment.map((c) => [c.departmentName, c.received, c.overdue]),
    },
    faults: {
      headers: [m('department', lang), m('officer', lang), m('severity', lang), m('measure', lang), m('committedOn', lang), m('decidedOn', lang)],
      rows: a.faults.map((f) => [f.departmentCode, f.officerName, registerName(f.severity, lang), registerName(f.measure, lang), f.committedOn, f.decidedOn]),
    },
    heads: {
      headers: [m('department', lang), m('officer', lang), m('measure', lang), m('basis', lang), m('decidedOn', lang)],
      rows: a.headAccountability.map((h) => [h.departmentCode, h.officerName ?? '—', registerName(h.measure, lang), h.basis, h.decidedOn]),
    },
    talks: {
      headers: [m('department', lang), m('officers', lang), m('talkedTo', lang), m('coverage', lang)],
      rows: (a.warningTalks?.belowFullCoverage ?? []).map((d) => [d.departmentName, d.officers, d.talkedTo, formatValue(d.coverage, 'rate')]),
    },
    clues: {
      headers: [m('channel', lang), m('subject', lang), m('department', lang), m('reference', lang), m('state', lang), m('dueOn', lang), m('overdue', lang)],
      rows: (a.openClues ?? []).map((c) => [
        CLUE_CHANNEL_NAMES[c.channel as keyof typeof CLUE_CHANNEL_NAMES]?.[lang] ?? c.channel,
        c.subject,
        c.departmentCodes.join('、'),
        c.sourceReferenceNo,
        CLUE_NAMES[c.state as keyof typeof CLUE_NAMES]?.[lang] ?? c.state,
        c.dueOn ?? '—',
        c.overdue ? m('overdue', lang) : '',
      ]),
    },
    resolutions: {
      headers: [m('seq', lang), m('resolution', lang), m('owner', lang), m('department', lang), m('dueOn', lang), m('state', lang), m('doneNote', lang)],
      rows: view.resolutions.map((r) => [r.seq, r.text, r.ownerName, r.departmentCode ?? '', r.dueOn, stateName(r.state, lang), r.doneNote ?? '']),
    },
  };
}

/** The minutes as a printable, self-contained page (zh-CN; English with lang=en). */
export function minutesHtml(view: MeetingView, lang: Lang): string {
  const s = sections(view, lang);
  const c = view.agenda.complaints;
  const title = `${view.quarter} · ${m('title', lang)}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<div class="meta">${m('heldOn', lang)}：${escapeHtml(view.heldOn)} · ${m('period', lang)}：${view.agenda.period.from} — ${view.agenda.period.to} · ${m('pack', lang)}：${escapeHtml(view.agenda.pack.generatedAt)}</div>`,
    `<h2>${m('attendees', lang)}</h2>`,
    orNone(s.attendees.rows, s.attendees.headers, lang),
    `<h2>${m('agenda', lang)}</h2>`,
    `<h3>${m('overdueOrders', lang)}</h3>`,
    orNone(s.orders.rows, s.orders.headers, lang),
    `<h3>${m('complaints', lang)}</h3>`,
    `<div class="tiles">${[
      [m('received', lang), c.received],
      [m('overdue', lang), c.overdue],
      [m('substantiated', lang), c.substantiated],
      [m('previous', lang), c.previousReceived ?? '—'],
      [m('trend', lang), stateName(c.trend, lang)],
      [m('open', lang), c.open.length],
    ].map(([k, v]) => `<div class="tile"><b>${escapeHtml(String(v))}</b><span>${escapeHtml(String(k))}</span></div>`).join('')}</div>`,
    orNone(s.complaints.rows, s.complaints.headers, lang),
    `<h3>${m('faults', lang)}</h3>`,
    orNone(s.faults.rows, s.faults.headers, lang),
    `<h3>${m('heads', lang)}</h3>`,
    orNone(s.heads.rows, s.heads.headers, lang),
    `<h3>${m('talks', lang)}${view.agenda.warningTalks ? ` · ${view.agenda.warningTalks.year}` : ''}</h3>`,
    orNone(s.talks.rows, s.talks.headers, lang),
    `<h3>${m('clues', lang)}</h3>`,
    orNone(s.clues.rows, s.clues.headers, lang),
    `<h2>${m('resolutions', lang)}</h2>`,
    orNone(s.resolutions.rows, s.resolutions.headers, lang),
    ...(view.notes ? [`<h2>${m('notes', lang)}</h2>`, `<p>${escapeHtml(view.notes).replace(/\n/g, '<br>')}</p>`] : []),
  ].join('\n');
  return page(lang, title, body);
}

/** The minutes as a workbook: resolutions first (what the bodies must do), then the attendees and the agenda's lists. */
export async function minutesXlsx(view: MeetingView, lang: Lang): Promise<Buffer> {
  const s = sections(view, lang);
  const book = new ExcelJS.Workbook();
  book.created = view.updatedAt;
  const sheet = (name: { zh: string; en: string }, part: { headers: string[]; rows: (string | number)[][] }) => {
    const ws = book.addWorksheet(name[lang]);
    ws.addRow(part.headers).font = { bold: true };
    for (const row of part.rows) ws.addRow(row);
    ws.columns.forEach((col, i) => (col.width = i === 1 ? 48 : 16));
  };
  sheet({ zh: '会议决议', en: 'Resolutions' }, s.resolutions);
  sheet({ zh: '参会单位', en: 'Attendees' }, s.attendees);
  sheet({ zh: '逾期督办', en: 'Overdue orders' }, s.orders);
  sheet({ zh: '投诉情况', en: 'Complaints' }, s.complaints);
  sheet({ zh: '过错记录', en: 'Faults' }, s.faults);
  sheet({ zh: '行政首长问责', en: 'Head accountability' }, s.heads);
  sheet({ zh: '警醒谈话', en: 'Warning talks' }, s.talks);
  sheet({ zh: '未结线索', en: 'Open clues' }, s.clues);
  return Buffer.from(await book.xlsx.writeBuffer());
}
