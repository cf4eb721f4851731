import { IsoDate } from '../calendar/calendar-date';

/**
 * Who may approve an extension of the decision limit (art. 42), passed in as data so the domain
 * stays pure. Today the catalogue supplies it (officers flagged as their department's head, the
 * government heads of a region); a posts-and-duties register can supply the same shape later,
 * with tenures, without the clock or the rules changing.
 */
export interface HeadTenure {
  /** The id an `EXTENDED` event names in `approvedBy` (an officer id, or a government head's id). */
  id: string;
  /** First local day in office (inclusive); absent: since before any case. */
  since?: IsoDate;
  /** Last local day in office (inclusive); absent: still in office. */
  until?: IsoDate;
}

export interface ExtensionApprovers {
  /** 本行政机关负责人: heads of the case's department — art. 42 ¶1, +10 working days. */
  departmentHeads: readonly HeadTenure[];
  /** 本级人民政府负责人: heads of the people's government of the department's region — art. 42 ¶2, +15. */
  governmentHeads: readonly HeadTenure[];
}

/** Whose approval an extension needs: the department head, or for unified / joint handling the government head. */
export type ApproverAuthority = 'DEPARTMENT_HEAD' | 'GOVERNMENT_HEAD';

export function requiredApproverAuthority(jointHandling: boolean): ApproverAuthority {
  return jointHandling ? 'GOVERNMENT_HEAD' : 'DEPARTMENT_HEAD';
}

/** The heads holding the required office on a given local day. */
export function headsInOffice(approvers: ExtensionApprovers, authority: ApproverAuthority, on: IsoDate): HeadTenure[] {
  const heads = authority === 'GOVERNMENT_HEAD' ? approvers.governmentHeads : approvers.departmentHeads;
  return heads.filter((head) => (head.since === undefined || head.since <= on) && (head.until === undefined || on <= head.until));
}

/** true when `approvedBy` held the required office on the day of the extension. */
export function isAuthorisedApprover(
  approvers: ExtensionApprovers,
  authority: ApproverAuthority,
  approvedBy: string,
  on: IsoDate,
): boolean {
  const id = approvedBy.trim();
  return headsInOffice(approvers, authority, on).some((head) => head.id === id);
}
