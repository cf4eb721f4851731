/** The catalogue: regions, departments, officers and the approval items they handle. */
export const ITEM_KINDS = ['IMMEDIATE', 'PROMISED', 'FORWARDED', 'JOINT'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A head of the region's people's government (本级人民政府负责人), who may approve a +15 extension (art. 42 ¶2). */
export interface GovernmentHead {
  /** The id an EXTENDED event names in `approvedBy`. */
  id: string;
  name: string;
}

export interface RegionInput {
  name: string;
  parentCode?: string;
  governmentHeads?: GovernmentHead[];
}

export interface DepartmentContact {
  name?: string;
  phone?: string;
  email?: string;
  officerId?: string;
}

/** The department's published complaint channels (投诉电话、网址), listed in the public directory. */
export interface PublicComplaintChannels {
  phone?: string;
  website?: string;
}

export interface DepartmentInput {
  name: string;
  regionCode?: string;
  contact?: DepartmentContact;
  publicComplaints?: PublicComplaintChannels;
}

export interface ItemStep {
  code: string;
  name: string;
  limitDays: number;
  mandatory: boolean;
}

export interface ItemInput {
  name: string;
  departmentCode: string;
  kind: ItemKind;
  statutoryDays: number;
  promisedDays: number;
  steps: ItemStep[];
  feeFen: number;
  requiredDocuments: string[];
  /** Per-item overrides of rule thresholds, by rule code; read by the rules engine. */
  thresholds?: Record<string, unknown>;
}

export interface OfficerInput {
  name: string;
  departmentCode: string;
  supervisorId?: string;
  /** A head of the department (本行政机关负责人), who may approve a +10 extension (art. 42 ¶1). */
  isDepartmentHead?: boolean;
}

/** A whole catalogue as one file (CLI load, demo). Keys are codes / ids. */
export interface CatalogueFile {
  regions: Record<string, RegionInput>;
  departments: Record<string, DepartmentInput>;
  officers: Record<string, OfficerInput>;
  items: Record<string, ItemInput>;
}
