import { EventType } from '@app/contracts';
import { CaseClock } from '../../clock/clock-types';
import { RuleContext } from '../rule-types';
import { localDay } from './clock-evidence';

export interface OverdueWording {
  /** e.g. '超法定时限' / 'Statutory limit exceeded'. */
  zhLabel: string;
  enLabel: string;
  /** What should have happened by the due day, e.g. '办结' / 'decided'. */
  zhDone: string;
  enDone: string;
  /** The events that do what should have happened (others, like a withdrawal, merely end the clock). */
  doneBy: readonly EventType[];
  /** Names the subject inside the sentence, e.g. '审查环节'. */
  zhSubject?: string;
  enSubject?: string;
}

const ENDED_BY: Partial<Record<EventType, { zh: string; en: string }>> = {
  WITHDRAWN: { zh: '撤回', en: 'withdrawn' },
  RETURNED: { zh: '退回', en: 'returned' },
  VOIDED: { zh: '作废', en: 'voided' },
  NOT_ACCEPTED: { zh: '不予受理', en: 'not accepted' },
  DECIDED: { zh: '作出决定', en: 'decided' },
  CERTIFICATE_ISSUED: { zh: '发证', en: 'certificate issued' },
};

/**
 * '超法定时限：应于2025-10-30办结，已用22个工作日' while open; with the day it actually happened (or the
 * case ended otherwise) once the clock has stopped. Numbers and dates only, so the text is the same
 * wherever it is rendered.
 */
export function overdueSummary(context: RuleContext, clock: CaseClock, wording: OverdueWording): { zh: string; en: string } {
  const { dueOn, usedWorkingDays: used } = clock;
  const zhHead = `${wording.zhLabel}：${wording.zhSubject ?? ''}应于${dueOn}${wording.zhDone}`;
  const enHead = `${wording.enLabel}: ${wording.enSubject ? `${wording.enSubject} ` : ''}due ${dueOn}`;
  if (clock.stoppedAt === undefined) {
    return { zh: `${zhHead}，已用${used}个工作日`, en: `${enHead}, ${used} working days used` };
  }
  const stoppedOn = localDay(context, clock.stoppedAt);
  const by = clock.stoppedBy;
  if (by === undefined || wording.doneBy.includes(by)) {
    return {
      zh: `${zhHead}，实际${stoppedOn}${wording.zhDone}，用时${used}个工作日`,
      en: `${enHead}, ${wording.enDone} ${stoppedOn} after ${used} working days`,
    };
  }
  const ended = ENDED_BY[by] ?? { zh: '结束', en: 'ended' };
  return {
    zh: `${zhHead}，${stoppedOn}${ended.zh}时已用${used}个工作日`,
    en: `${enHead}, ${ended.en} ${stoppedOn} after ${used} working days`,
  };
}
