import { neutraliseFormula, toCsv } from './csv';

describe('CSV exports: one writer, formula-looking cells neutralised', () => {
  it('prefixes cells that begin with = + - @ tab or carriage return, and leaves the rest', () => {
    expect(['=SUM(A1)', '+86 10', '-2', '@cmd', '\t=1', '\r=1', 'plain', '1-2', "'=already", ''].map(neutraliseFormula)).toEqual([
      "'=SUM(A1)",
      "'+86 10",
      "'-2",
      "'@cmd",
      "'\t=1",
      "'\r=1",
      'plain',
      '1-2',
      "'=already",
      '',
    ]);
  });

  it('writes every text cell neutralised and quoted as RFC 4180 needs; numbers stay numbers', () => {
    const csv = toCsv([
      ['名称', 'value'],
      ['=HYPERLINK("http://x.example","点击")', -3],
      ['\r=1+1', null],
    ]);
    expect(csv).toBe('\uFEFF名称,value\r\n"\'=HYPERLINK(""http://x.example"",""点击"")",-3\r\n"\'\r=1+1",\r\n');
  });
});
