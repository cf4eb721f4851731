import type { FastifyReply } from 'fastify';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { Lang } from './report-labels';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export function parseFormat(raw: string | undefined): ReportFormat {
  if (raw === undefined || raw === '') return 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(raw)) throw new InvalidInputException([{ path: 'format', message: `must be one of ${REPORT_FORMATS.join(', ')}` }]);
  return raw as ReportFormat;
}

export function parseLang(raw: string | undefined): Lang {
  if (raw === undefined || raw === '' || raw === 'zh' || raw === 'zh-CN') return 'zh';
  if (raw === 'en') return 'en';
  throw new InvalidInputException([{ path: 'lang', message: 'must be zh or en' }]);
}

/** Sets the headers of a file answer; `name` is ASCII, the extension follows the format. */
export function asFile(reply: FastifyReply, format: Exclude<ReportFormat, 'json'>, name: string, body: string | Buffer): string | Buffer {
  void reply.header('content-type', CONTENT_TYPES[format]);
  void reply.header('cache-control', 'no-store');
  void reply.header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}.${format}"`);
  return body;
}
