/** What the console reads from the API (the parts it shows). */
export interface Me {
  kind: string;
  username?: string;
  departmentCode?: string | null;
  regionCode?: string | null;
  officerId?: string | null;
  scope: { allDepartments: boolean; departmentCodes: string[] | null; officerId: string | null; actsOnlyOnAssigned: boolean };
  permissions: string[];
}

export interface Page<T> {
  page: number;
  pageSize: number;
  total: number;
  items: T[];
}
