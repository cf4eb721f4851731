import ExcelJS from 'exceljs';
import { CLUE_CHANNEL_NAMES, ClueChannel, DELIVERY_KIND_NAMES } from '@app/contracts';
import { toCsv } from '../../reports/render/csv';
import { DeliveryRow } from './deliveries.service';

/** The deliveries register for the bodies and the personnel department: Chinese headings, codes kept. */
const COLUMNS: { header: string; width: number; value: (d: DeliveryRow) => string }[] = [
  { header: '送达机关代码', width: 12, value: (d) => d.bodyCode },
  { header: '送达机关', width: 20, value: (d) => d.bodyName },
  { header: '类别', width: 8, value: (d) => DELIVERY_KIND_NAMES[d.kind].zh },
  { header: '线索来源', width: 16, value: (d) => CLUE_CHANNEL_NAMES[d.clueChannel as ClueChannel]?.zh ?? d.clueChannel },
  { header: '来源文号', width: 18, value: (d) => d.sourceReferenceNo },
  { header: '线索事由', width: 30, value: (d) => d.clueSubject },
  { header: '内容摘要', width: 50, value: (d) => d.contentSummary },
  { header: '送达时间', width: 22, value: (d) => d.sentAt.toISOString() },
  { header: '送达人', width: 14, value: (d) => d.sentBy },
  { header: '签收时间', width: 22, value: (d) => d.acknowledgedAt?.toISOString() ?? '' },
  { header: '签收人', width: 14, value: (d) => d.acknowledgedBy ?? '' },
  { header: '回复', width: 40, value: (d) => d.reply ?? '' },
  { header: '线索id', width: 38, value: (d) => d.clueId },
  { header: 'id', width: 38, value: (d) => d.id },
];

export function deliveriesCsv(rows: DeliveryRow[]): string {
  return toCsv([COLUMNS.map((c) => c.header), ...rows.map((d) => COLUMNS.map((c) => c.value(d)))]);
}

export async function deliveriesXlsx(rows: DeliveryRow[], generatedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = generatedAt;
  const sheet = book.addWorksheet('反馈移送抄送记录');
  sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  for (const d of rows) sheet.addRow(Object.fromEntries(COLUMNS.map((c, i) => [`c${i}`, c.value(d)])));
  return Buffer.from(await book.xlsx.writeBuffer());
}
