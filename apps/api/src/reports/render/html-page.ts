import { Lang } from './report-labels';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export function table(headers: string[], rows: (string | number)[][], numericFrom = 1): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A chart's SVG (trusted: rendered here by ECharts from numbers and our labels), or nothing. */
export const figure = (svg: string | null, caption: string): string =>
  svg ? `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>` : '';

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #1b2430; margin: 24px; line-height: 1.5; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; border-left: 4px solid #3b7dd8; padding-left: 8px; margin: 22px 0 8px; }
  .meta { color: #566; font-size: 12px; margin-bottom: 12px; }
  .tiles { display: flex; gap: 10px; flex-wrap: wrap; margin: 12px 0; }
  .tile { border: 1px solid #cfd8e3; border-radius: 6px; padding: 8px 12px; min-width: 120px; }
  .tile b { display: block; font-size: 20px; } .tile span { font-size: 12px; color: #566; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 6px 0; }
  th, td { border: 1px solid #cfd8e3; padding: 4px 6px; text-align: left; } th { background: #eef3f9; }
  /* A short word (良好, a name) never breaks one character per line; long text still wraps. */
  td { word-break: keep-all; } th { word-break: keep-all; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  figure { margin: 8px 0; } figcaption { font-size: 11px; color: #566; text-align: center; }
  .note { font-size: 11px; color: #566; margin-top: 16px; }
  @page { size: A4 __ORIENTATION__; margin: 14mm 12mm; }
  @media print {
    body { margin: 0; }
    h2 { break-after: avoid; }
    tr, figure, .tile { break-inside: avoid; }
    thead { display: table-header-group; }
  }`;

/**
 * A printable, self-contained page: inline styles and SVG only (no script, no outside resource).
 * Wide tables (the quarterly ranking's 18 columns) print on A4 landscape.
 */
export function page(lang: Lang, title: string, body: string, orientation: 'portrait' | 'landscape' = 'portrait'): string {
  const style = STYLE.replace('__ORIENTATION__', orientation);
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>`;
}
