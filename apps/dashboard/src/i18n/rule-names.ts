/** Display names of the rule codes (domain.md §6). An unknown code is shown as it is. */
const RULE_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  DEADLINE_NEAR: { zh: '临近时限', en: 'Deadline near' },
  PROMISED_OVERDUE: { zh: '超承诺时限', en: 'Promised limit exceeded' },
  STATUTORY_OVERDUE: { zh: '超法定时限', en: 'Statutory limit exceeded' },
  STEP_OVERDUE: { zh: '环节超时', en: 'Step overdue' },
  FORWARD_LATE: { zh: '上报超时', en: 'Forwarding late' },
  CORRECTION_LATE: { zh: '补正告知超时', en: 'Correction notice late' },
  CORRECTION_REPEATED: { zh: '非一次性告知', en: 'Repeated correction' },
  NOT_ACCEPTED_NO_REASON: { zh: '不予受理未说明理由', en: 'Refused without reason' },
  DENIED_NO_REASON: { zh: '不予许可未说明理由', en: 'Denied without reason' },
  DOCUMENTS_MISSING: { zh: '要件不全受理', en: 'Documents missing' },
  STEP_SKIPPED: { zh: '违反程序', en: 'Step skipped' },
  FEE_IRREGULAR: { zh: '违规收费', en: 'Irregular fee' },
  SUSPENSION_IRREGULAR: { zh: '特别程序滥用', en: 'Irregular suspension' },
  EXTENSION_IRREGULAR: { zh: '违规延期', en: 'Irregular extension' },
  CERTIFICATE_LATE: { zh: '发证超时', en: 'Certificate late' },
  RETURN_VOID_NO_REASON: { zh: '退回/作废异常', en: 'Return/void without reason' },
  LATE_REPORTING: { zh: '数据报送不及时', en: 'Late reporting' },
  OFFLINE_HANDLING: { zh: '体外循环', en: 'Offline handling' },
  FEED_SILENT: { zh: '数据中断', en: 'Feed silent' },
};

export function ruleName(code: string, lang: 'zh' | 'en'): string {
  return RULE_NAMES[code]?.[lang] ?? code;
}
