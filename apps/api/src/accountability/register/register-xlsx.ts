import ExcelJS from 'exceljs';
import { registerName } from '../../reports/render/report-labels';
import { ruleName } from '../../reports/render/report-labels';
import { RegisterEntryEntity } from '../../persistence/entities/accountability/register-entry.entity';
import { DepartmentTalkCoverage, OfficerYear } from './register-query.service';

const yesNo = (value: boolean): string => (value ? '是' : '否');

/**
 * The register for the personnel department (人事部门), one workbook per year: every record (a
 * department's own — 通报批评, 警告, 违纪所得款项 — with the department as subject and no officer), the
 * consequences per officer, and the department heads' accountability. Chinese headers; codes kept
 * in their own columns so the file can also be read by a program.
 */
export async function registerXlsx(year: number, officers: OfficerYear[], entries: RegisterEntryEntity[], coverage: DepartmentTalkCoverage[], generatedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = generatedAt;

  const records = book.addWorksheet('过错及处理记录');
  records.columns = [
    { header: '部门', key: 'departmentCode', width: 10 },
    { header: '工号', key: 'officerId', width: 12 },
    { header: '姓名', key: 'officerName', width: 10 },
    { header: '类别', key: 'kind', width: 14 },
    { header: '情节', key: 'severity', width: 10 },
    { header: '处理措施', key: 'measure', width: 14 },
    { header: '直接责任', key: 'direct', width: 8 },
    { header: '预警类型', key: 'rule', width: 18 },
    { header: '办件编号', key: 'caseId', width: 16 },
    { header: '事实与依据', key: 'basis', width: 40 },
    { header: '发生日期', key: 'committedOn', width: 12 },
    { header: '决定日期', key: 'decidedOn', width: 12 },
    { header: '决定人', key: 'decidedBy', width: 14 },
    { header: '状态', key: 'state', width: 10 },
    { header: '申诉理由', key: 'appealReason', width: 30 },
    { header: 'id', key: 'id', width: 38 },
    // Added at the end, so readers of the earlier columns are unaffected.
    { header: '对象', key: 'subjectKind', width: 8 },
    { header: '违纪所得款项（元）', key: 'amount', width: 16, style: { numFmt: '#,##0.00' } },
    // 岗位责任: the post answered for and the duty breached, as recorded with the entry.
    { header: '岗位编码', key: 'postCode', width: 12 },
    { header: '岗位名称', key: 'postName', width: 16 },
    { header: '违反的岗位职责', key: 'dutyBreached', width: 40 },
  ];
  for (const e of entries) {
    records.addRow({
      ...e,
      kind: registerName(e.kind, 'zh'),
      severity: registerName(e.severity, 'zh'),
      measure: registerName(e.measure, 'zh'),
      direct: yesNo(e.directResponsibility),
      rule: e.rule ? ruleName(e.rule, 'zh') : '',
      caseId: e.caseId ?? '',
      state: registerName(e.state, 'zh'),
      appealReason: e.appealReason ?? '',
      officerId: e.officerId ?? '',
      officerName: e.officerName ?? '',
      subjectKind: registerName(e.subjectKind, 'zh'),
      amount: e.amount === null ? null : Number(e.amount),
      postCode: e.postCode ?? '',
      postName: e.postName ?? '',
      dutyBreached: e.dutyBreached ?? '',
    });
  }

  const summary = book.addWorksheet(`${year}年度汇总`);
  summary.columns = [
    { header: '部门', key: 'departmentCode', width: 10 },
    { header: '工号', key: 'officerId', width: 12 },
    { header: '姓名', key: 'officerName', width: 10 },
    { header: '过错次数', key: 'faults', width: 10 },
    { header: '情节较轻', key: 'minor', width: 10 },
    { header: '情节较重', key: 'serious', width: 10 },
    { header: '情节严重', key: 'grave', width: 10 },
    { header: '负直接责任次数', key: 'direct', width: 14 },
    { header: '计入不称职的一般过错', key: 'counted', width: 20 },
    { header: '行政首长问责', key: 'heads', width: 12 },
    { header: '评优评先资格', key: 'eligible', width: 14 },
    { header: '年度考核', key: 'assessment', width: 10 },
    { header: '训诫', key: 'reprimands', width: 8 },
    { header: '诫勉谈话', key: 'admonitoryTalks', width: 10 },
    { header: '警醒谈话', key: 'talks', width: 10 },
  ];
  for (const o of officers) {
    const c = o.consequences;
    summary.addRow({
      departmentCode: o.departmentCode,
      officerId: o.officerId,
      officerName: o.officerName,
      faults: c.faults,
      minor: c.bySeverity.MINOR,
      serious: c.bySeverity.SERIOUS,
      grave: c.bySeverity.GRAVE,
      direct: c.directResponsibilityFaults,
      counted: c.countedTowardsIncompetent,
      heads: c.headAccountabilities,
      admonitoryTalks: c.admonitoryTalks,
      eligible: c.awardEligible ? '保留' : '取消',
      assessment: c.assessment ? registerName(c.assessment, 'zh') : '',
      reprimands: c.reprimands,
      talks: c.warningTalks,
    });
  }

  const heads = book.addWorksheet('行政首长问责');
  heads.columns = [
    { header: '部门', key: 'departmentCode', width: 10 },
    { header: '姓名', key: 'officerName', width: 10 },
    { header: '问责方式', key: 'measure', width: 14 },
    { header: '事实与依据', key: 'basis', width: 40 },
    { header: '发生日期', key: 'committedOn', width: 12 },
    { header: '决定日期', key: 'decidedOn', width: 12 },
    { header: '状态', key: 'state', width: 10 },
  ];
  for (const e of entries.filter((x) => x.kind === 'HEAD_ACCOUNTABILITY')) {
    heads.addRow({ ...e, measure: registerName(e.measure, 'zh'), state: registerName(e.state, 'zh') });
  }
  const talks = book.addWorksheet('警醒谈话覆盖');
  talks.columns = [
    { header: '部门', key: 'departmentCode', width: 10 },
    { header: '部门名称', key: 'departmentName', width: 20 },
    { header: '工作人员', key: 'officers', width: 10 },
    { header: '已谈话', key: 'talkedTo', width: 10 },
    { header: '覆盖率', key: 'coverage', width: 10, style: { numFmt: '0.0%' } },
    { header: '未谈话人员', key: 'missing', width: 40 },
  ];
  for (const d of coverage) talks.addRow({ ...d, coverage: d.coverage, missing: d.notYetTalkedTo.join('、') });
  for (const sheet of [records, summary, heads, talks]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
