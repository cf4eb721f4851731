import type { Worksheet } from 'exceljs';

/**
 * Cells a spreadsheet can compute with: dates as dates (not text), instants as Beijing wall-clock
 * date-times (a cell has no time zone, and the readers are in Beijing), header rows frozen.
 */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** A calendar day `YYYY-MM-DD` as a date cell value (ExcelJS writes a Date's UTC fields). */
export function dayValue(day: string | null | undefined): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return new Date(`${day}T00:00:00Z`);
}

/** An instant as the date-time a Beijing reader's clock showed. */
export function beijingValue(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_OFFSET_MS);
}

/** The header row (and optionally the first columns) stay in view while scrolling. */
export function freezeHeader(sheet: Worksheet, columns = 0, rows = 1): void {
  sheet.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: sheet.getCell(rows + 1, columns + 1).address, activeCell: 'A1' }];
  sheet.getRow(rows).font = { bold: true };
}

/** Sets a column's format on every row written so far (after the data: ExcelJS keeps cell formats). */
export function formatColumn(sheet: Worksheet, key: string, numFmt: string): void {
  sheet.getColumn(key).eachCell({ includeEmpty: false }, (cell, row) => {
    if (row > 1) cell.numFmt = numFmt;
  });
}
