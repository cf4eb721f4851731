import { neutraliseFormula } from '../../reports/render/csv';
import { parsePostTable, readCsv } from './posts-file';

const HEADINGS = ['部门代码', '岗位代码', '岗位名称', '岗位职责', '法律依据', '办理事项', '办理环节', '负责人岗位', '工号', '姓名', '任职起始日', '任职截止日'];
const row = (over: Partial<Record<number, string>> = {}) => HEADINGS.map((_, i) => over[i] ?? ['D1', 'SL', '受理岗', '受理', '依据', 'I-1；I-2', 'ACCEPT', '否', 'O-1', '李明', '2025-01-01', ''][i]);

describe('the posts table', () => {
  it('neutralises formula-looking cells and reads them back as written', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', 'plain'].map(neutraliseFormula)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "'\tx", 'plain']);
    const { rows, errors } = parsePostTable([HEADINGS, row({ 3: "'=一次性告知" })]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ row: 2, duties: '=一次性告知', itemCodes: ['I-1', 'I-2'], stepCodes: ['ACCEPT'], isHead: false, holding: { officerId: 'O-1', validFrom: '2025-01-01', validTo: null } });
  });

  it('reads RFC 4180 CSV: byte-order mark, quotes, doubled quotes, line breaks inside quotes, CRLF or LF', () => {
    expect(readCsv('\uFEFFa,"b,c","d ""e""\r\nf"\r\ng,,h\n')).toEqual([['a', 'b,c', 'd "e"\r\nf'], ['g', '', 'h']]);
  });

  it('names the row and the column of every error, and checks the rows of one post agree', () => {
    const { errors } = parsePostTable([HEADINGS, row(), row({ 2: '别的名称', 10: '2025-02-30' }), row({ 7: '也许', 9: '', 8: '', 10: '2025-01-01' })]);
    expect(errors.map((e) => e.path)).toEqual(['rows/3/validFrom', 'rows/4/isHead', 'rows/4/officerId']);
    expect(errors[0].message).toBe('第3行「任职起始日」(validFrom): must be a date YYYY-MM-DD');
    expect(parsePostTable([HEADINGS, row(), row({ 2: '别的名称', 10: '2026-01-01' })]).errors).toEqual([{ path: 'rows/3/name', message: '第3行「岗位名称」(name): differs from row 2 of the same post SL' }]);
    expect(parsePostTable([HEADINGS.slice(0, 3)]).errors[0]).toEqual({ path: 'columns/duties', message: '第1行缺少列「岗位职责」(duties)' });
  });

  it('takes the English keys as headings too, and skips blank lines', () => {
    const keys = ['departmentCode', 'code', 'name', 'duties', 'legalBasis', 'itemCodes', 'stepCodes', 'isHead', 'officerId', 'officerName', 'validFrom', 'validTo'];
    const { rows, errors } = parsePostTable([keys, row({ 7: '是', 8: '', 9: '', 10: '' }), ['', '']]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ isHead: true, holding: null })]);
  });
});
