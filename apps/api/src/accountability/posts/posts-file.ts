import ExcelJS from 'exceljs';
import { FieldError } from '@app/contracts';
import { isIsoDate } from '@app/domain';
import { toCsv } from '../../reports/render/csv';
import { PostFields } from './posts-input';
import { PostView } from './posts.service';

/**
 * The posts base as one flat table for the personnel department (人事部门): one row per holding,
 * the post's fields repeated on each (a post nobody held has one row with the officer cells
 * empty). The same table comes back in by import. Chinese headings; the English keys are accepted
 * as headings too.
 */
export const POST_COLUMNS = [
  { key: 'departmentCode', zh: '部门代码', width: 10 },
  { key: 'code', zh: '岗位代码', width: 12 },
  { key: 'name', zh: '岗位名称', width: 16 },
  { key: 'duties', zh: '岗位职责', width: 40 },
  { key: 'legalBasis', zh: '法律依据', width: 30 },
  { key: 'itemCodes', zh: '办理事项', width: 20 },
  { key: 'stepCodes', zh: '办理环节', width: 20 },
  { key: 'isHead', zh: '负责人岗位', width: 10 },
  { key: 'officerId', zh: '工号', width: 12 },
  { key: 'officerName', zh: '姓名', width: 10 },
  { key: 'validFrom', zh: '任职起始日', width: 12 },
  { key: 'validTo', zh: '任职截止日', width: 12 },
] as const;

export type PostColumn = (typeof POST_COLUMNS)[number]['key'];
const REQUIRED_COLUMNS: readonly PostColumn[] = ['departmentCode', 'code', 'name', 'duties', 'legalBasis', 'itemCodes', 'stepCodes', 'isHead', 'officerId', 'validFrom', 'validTo'];
const SHEET = '岗位责任';
const LIST_SEPARATOR = '；';

export function postRows(posts: readonly PostView[]): string[][] {
  const rows: string[][] = [];
  for (const post of posts) {
    const fields = [post.departmentCode, post.code, post.name, post.duties, post.legalBasis, post.itemCodes.join(LIST_SEPARATOR), post.stepCodes.join(LIST_SEPARATOR), post.isHead ? '是' : '否'];
    if (post.holdings.length === 0) rows.push([...fields, '', '', '', '']);
    for (const h of post.holdings) rows.push([...fields, h.officerId, h.officerName ?? '', h.validFrom, h.validTo ?? '']);
  }
  return rows;
}

/** A cell a spreadsheet would read as a formula gets an apostrophe from the one CSV writer (reports/render/csv.ts); the import takes it off again. */
export function postsCsv(posts: readonly PostView[]): string {
  return toCsv([POST_COLUMNS.map((c) => c.zh), ...postRows(posts)]);
}

export async function postsXlsx(posts: readonly PostView[], generatedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = generatedAt;
  const sheet = book.addWorksheet(SHEET);
  sheet.columns = POST_COLUMNS.map((c) => ({ header: c.zh, key: c.key, width: c.width }));
  // Every cell is text: a code like 0012 or a date stays as written.
  for (const row of postRows(posts)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A table read from a file: its cells as text, row 1 the headings. */
export type Table = string[][];

export async function readXlsx(content: Buffer): Promise<Table | FieldError> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { path: 'contentBase64', message: 'not an XLSX workbook' };
  }
  const sheet = book.getWorksheet(SHEET) ?? book.worksheets[0];
  if (!sheet) return { path: 'contentBase64', message: 'the workbook has no sheet' };
  const table: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, POST_COLUMNS.length); c++) cells.push(cellText(row.getCell(c).value));
    table[number - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // A date typed into the sheet by hand: its calendar day (Excel dates carry no zone).
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    return '';
  }
  return String(value);
}

/** RFC 4180 (quotes, doubled quotes, CRLF or LF), with or without a byte-order mark. */
export function readCsv(text: string): Table {
  const source = text.replace(/^\uFEFF/, '');
  const table: Table = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      table.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    table.push(row);
  }
  return table;
}

/** One row of the posts table: a post's fields, and one holding of it if the row names one. */
export interface PostRow extends PostFields {
  /** The row's number in the file (the headings are row 1). */
  row: number;
  departmentCode: string;
  code: string;
  holding: { officerId: string; validFrom: string; validTo: string | null } | null;
}

const zhOf = (key: PostColumn): string => POST_COLUMNS.find((c) => c.key === key)!.zh;

/** An error naming the file's row and column: path `rows/<n>/<key>`, the message says it in Chinese too. */
export function rowError(row: number, key: string, message: string): FieldError {
  const heading = POST_COLUMNS.find((c) => c.key === key)?.zh ?? key;
  return { path: `rows/${row}/${key}`, message: `第${row}行「${heading}」(${key}): ${message}` };
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
const YES = ['是', 'true', 'yes', 'y', '1'];
// An empty cell is 否: most posts are not head posts.
const NO = ['否', '', 'false', 'no', 'n', '0'];

/** Every row checked on its own and against the rows of the same post; all errors, not the first. */
export function parsePostTable(table: Table): { rows: PostRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const headings = (table[0] ?? []).map((h) => h.trim());
  const index = new Map<PostColumn, number>();
  for (const column of POST_COLUMNS) {
    const at = headings.findIndex((h) => h === column.zh || h === column.key);
    if (at >= 0) index.set(column.key, at);
  }
  const missing = REQUIRED_COLUMNS.filter((key) => !index.has(key));
  if (missing.length > 0) return { rows: [], errors: missing.map((key) => ({ path: `columns/${key}`, message: `第1行缺少列「${zhOf(key)}」(${key})` })) };

  const rows: PostRow[] = [];
  const firstOfPost = new Map<string, PostRow>();
  table.slice(1).forEach((cells, i) => {
    const n = i + 2;
    const get = (key: PostColumn) => unneutralise((cells[index.get(key)!] ?? '').trim());
    if (cells.every((c) => c.trim() === '')) return; // a blank line is not a row
    const rowErrors: FieldError[] = [];
    const text = (key: PostColumn, max: number) => {
      const value = get(key);
      if (value === '' || value.length > max) rowErrors.push(rowError(n, key, `required, at most ${max} characters`));
      return value;
    };
    const list = (key: PostColumn) => {
      const value = get(key);
      const codes = value === '' ? [] : value.split(/[;；,，、\s]+/).filter(Boolean);
      const bad = codes.find((c) => !CODE.test(c));
      if (bad !== undefined) rowErrors.push(rowError(n, key, `“${bad}” is not a code (letters, digits, _ . -)`));
      if (new Set(codes).size !== codes.length) rowErrors.push(rowError(n, key, 'a code is listed twice'));
      return codes;
    };
    const departmentCode = text('departmentCode', 32);
    const code = text('code', 32);
    if (code !== '' && !CODE.test(code)) rowErrors.push(rowError(n, 'code', 'must be letters, digits, _ . or -'));
    const name = text('name', 200);
    const duties = text('duties', 4000);
    const legalBasis = text('legalBasis', 4000);
    const itemCodes = list('itemCodes');
    const stepCodes = list('stepCodes');
    const head = get('isHead').toLowerCase();
    if (!YES.includes(head) && !NO.includes(head)) rowErrors.push(rowError(n, 'isHead', 'must be 是 or 否'));
    const officerId = get('officerId');
    const validFrom = get('validFrom');
    const validTo = get('validTo');
    let holding: PostRow['holding'] = null;
    if (officerId === '') {
      if (validFrom !== '' || validTo !== '') rowErrors.push(rowError(n, 'officerId', 'a period needs the officer who held the post'));
    } else {
      if (officerId.length > 64) rowErrors.push(rowError(n, 'officerId', 'at most 64 characters'));
      if (!isIsoDate(validFrom)) rowErrors.push(rowError(n, 'validFrom', 'must be a date YYYY-MM-DD'));
      if (validTo !== '' && !isIsoDate(validTo)) rowErrors.push(rowError(n, 'validTo', 'must be a date YYYY-MM-DD or empty'));
      else if (validTo !== '' && validTo < validFrom) rowErrors.push(rowError(n, 'validTo', `must not be before ${validFrom}`));
      holding = { officerId, validFrom, validTo: validTo === '' ? null : validTo };
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    const row: PostRow = { row: n, departmentCode, code, name, duties, legalBasis, itemCodes, stepCodes, isHead: YES.includes(head), holding };
    const key = `${departmentCode}\u0000${code}`;
    const first = firstOfPost.get(key);
    if (!first) firstOfPost.set(key, row);
    else {
      // The post's fields repeat on each of its rows: they must agree with its first row.
      for (const field of ['name', 'duties', 'legalBasis', 'itemCodes', 'stepCodes', 'isHead'] as const) {
        if (JSON.stringify(first[field]) !== JSON.stringify(row[field])) errors.push(rowError(n, field, `differs from row ${first.row} of the same post ${code}`));
      }
      if (row.holding === null || first.holding === null) errors.push(rowError(n, 'officerId', `post ${code} is listed again (row ${first.row}) without an officer`));
    }
    rows.push(row);
  });
  return { rows, errors };
}

function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
