import { SuspensionReason } from '@app/contracts';

/** Chinese wording used in generated events. */
export const LAW = '《中华人民共和国行政许可法》';

export const NOT_ACCEPTED_REASONS: readonly (readonly [string, string])[] = [
  ['申请事项依法不需要取得行政许可', `${LAW}第三十二条第一款第（一）项`],
  ['申请事项不属于本机关职权范围，已告知申请人向有关行政机关申请', `${LAW}第三十二条第一款第（二）项`],
  ['申请人逾期未按补正告知提交全部补正材料', `${LAW}第三十二条第一款第（四）项`],
];

export const DENIAL_REASONS: readonly (readonly [string, string])[] = [
  ['经现场核查，经营场所布局和设施不符合法定条件', `${LAW}第三十八条第二款`],
  ['申请人提交的材料与实际情况不符，不符合法定条件、标准', `${LAW}第三十八条第二款`],
  ['经专家评审，技术方案未达到相关标准要求', `${LAW}第三十八条第二款`],
];

export const RETURN_REASONS = ['申请材料与实际情况不符，退回申请人修改后重新申请', '申请人要求退回材料，另行申报'];

export const WITHDRAW_REASONS = ['申请人主动撤回申请', '申请人经营计划调整，申请撤回'];

export const VOID_REASONS = ['窗口重复录入，予以作废'];

export const EXTENSION_REASONS = [
  '案情复杂，需进一步核查，经本机关负责人批准延长十日并已告知申请人',
  '需组织专家论证，经本机关负责人批准延长期限并已告知申请人',
];

export const STEP_OPINIONS: Readonly<Record<string, readonly string[]>> = {
  ACCEPT: ['申请材料齐全，符合法定形式，予以受理'],
  REVIEW: ['材料审查通过', '经审查，符合法定条件', '审查意见：同意，提交下一环节'],
  INSPECT: ['现场核查符合要求', '经现场核查，场所与申请材料一致'],
  EXPERT: ['专家评审通过', '经专家论证，方案可行'],
  JOINT_REVIEW: ['各联办部门会签同意', '联合审查通过'],
  FORWARD: ['初审通过，报上级机关审批'],
  DECIDE: ['同意，准予许可', '准予许可'],
  ISSUE: ['证照已送达申请人'],
};

export const DENIED_OPINION = '不符合法定条件，拟不予许可';

/** Which art. 45 procedures fit which step. */
export function suspensionReasonsFor(stepCode: string): readonly SuspensionReason[] {
  switch (stepCode) {
    case 'INSPECT':
      return ['INSPECTION', 'TESTING', 'QUARANTINE'];
    case 'EXPERT':
      return ['EXPERT_REVIEW', 'APPRAISAL'];
    case 'JOINT_REVIEW':
      return ['HEARING', 'EXPERT_REVIEW'];
    default:
      return ['HEARING', 'TESTING', 'EXPERT_REVIEW', 'OTHER'];
  }
}

/** A certificate number in a plausible shape, e.g. `SCJG001-2025-004217`. */
export function certificateNumber(itemCode: string, year: string, serial: number): string {
  return `${itemCode.replace(/[^A-Za-z0-9]/g, '')}-${year}-${String(serial).padStart(6, '0')}`;
}
