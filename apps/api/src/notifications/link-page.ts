import { NotifiedCard } from './card-facts.repository';
import { beijingTime, LEVEL_NAMES, ruleName, stateName } from './message-text';

/**
 * The page behind a message's link, pure HTML (no script: the CSP forbids inline scripts, and none is
 * needed). Opening it never changes anything — mail scanners open links; only the button's POST does.
 */
const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const COLOURS: Record<string, string> = { RED: '#c62828', YELLOW: '#b8860b', PROMPT: '#1565c0' };

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
dt{color:#666;margin-top:.6rem}dd{margin:0}.badge{color:#fff;padding:.1rem .5rem;border-radius:.3rem}
button{font-size:1.1rem;padding:.6rem 1.6rem;margin-top:1.2rem;cursor:pointer}.note{color:#666;font-size:.9rem}</style>
</head><body>${body}</body></html>`;
}

function details(card: NotifiedCard): string {
  const colour = COLOURS[card.level] ?? '#444';
  return `<h1><span class="badge" style="background:${colour}">${LEVEL_NAMES[card.level]}</span> ${escape(ruleName(card.rule))}</h1>
<dl><dt>部门</dt><dd>${escape(card.departmentName)}（${escape(card.departmentCode)}）</dd>
<dt>办件</dt><dd>${escape(card.caseId || '—')}</dd>
<dt>承办人</dt><dd>${escape(card.responsibleOfficerName ?? card.responsibleOfficerId ?? '—')}</dd>
<dt>状态</dt><dd>${escape(stateName(card.state))}</dd>
<dt>时间</dt><dd>${escape(beijingTime(card.changedAt))}（北京时间）</dd>
<dt>说明</dt><dd>${escape(card.summary.zh)}</dd></dl>`;
}

export function cardPage(card: NotifiedCard, mayAcknowledge: boolean): string {
  const action =
    mayAcknowledge && card.state === 'OPEN'
      ? `<form method="post" enctype="text/plain"><button type="submit">确认收到</button></form>
<p class="note">确认后将记录确认人与时间，并停止对上级的督办提醒。</p>`
      : `<p class="note">${card.state === 'OPEN' ? '此链接仅供查看。' : '该预警已不在待确认状态。'}</p>`;
  return page(`${LEVEL_NAMES[card.level]} ${ruleName(card.rule)}`, details(card) + action);
}

export function acknowledgedPage(card: NotifiedCard, changed: boolean): string {
  const line = changed ? '已确认收到，谢谢。' : `该预警当前状态为“${stateName(card.state)}”，无需再次确认。`;
  return page('确认收到', `<p><strong>${escape(line)}</strong></p>${details(card)}`);
}

export function invalidLinkPage(): string {
  return page('链接无效', '<h1>链接无效或已过期</h1><p class="note">请登录系统，在“我的预警”中查看和确认。</p>');
}
