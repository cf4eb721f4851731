/**
 * A text cell a spreadsheet program would run as a formula — it begins with = + - @, or with a tab
 * or carriage return that some programs skip before looking — gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate (CSV/formula injection: a case title or a name
 * typed as `=HYPERLINK(…)` must stay text in every export). Numbers are written as numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * THE CSV writer of every export: RFC 4180 with a UTF-8 byte-order mark, so spreadsheet programs
 * read the Chinese correctly, and every text cell neutralised (neutraliseFormula).
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (value: string | number | null): string => {
    const text = value === null ? '' : typeof value === 'number' ? String(value) : neutraliseFormula(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
