import { http } from './http';

/** A watch-list (跟踪清单) as GET /watchlists lists it: mine first, then those shared within my scope. */
export interface WatchListSummary {
  id: string;
  name: string;
  owner: string;
  mine: boolean;
  shared: boolean;
  caseCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A followed case with its current state, as far as the reader's scope reaches. */
export interface WatchedCase {
  departmentCode: string;
  caseId: string;
  note: string | null;
  addedAt: string;
  addedBy: string;
  itemCode: string | null;
  itemName: string | null;
  status: string | null;
  isOpen: boolean | null;
  currentStep: string | null;
  promisedDueAt: string | null;
  lastOccurredAt: string | null;
  openCards: number;
  highestLevel: 'RED' | 'YELLOW' | 'PROMPT' | null;
}

export interface WatchList extends Omit<WatchListSummary, 'caseCount'> {
  cases: WatchedCase[];
}

const path = (id: string) => `/api/v1/watchlists/${encodeURIComponent(id)}`;
const casePath = (id: string, departmentCode: string, caseId: string) =>
  `${path(id)}/cases/${encodeURIComponent(departmentCode)}/${encodeURIComponent(caseId)}`;

export const watchListsApi = {
  list: () => http.get<WatchListSummary[]>('/api/v1/watchlists'),
  get: (id: string) => http.get<WatchList>(path(id)),
  create: (input: { name: string; shared: boolean }) => http.post<WatchList>('/api/v1/watchlists', input),
  update: (id: string, input: { name?: string; shared?: boolean }) => http.put<unknown>(path(id), input),
  remove: (id: string) => http.delete<void>(path(id)),
  addCase: (id: string, departmentCode: string, caseId: string, note?: string) =>
    http.put<unknown>(casePath(id, departmentCode, caseId), note ? { note } : {}),
  removeCase: (id: string, departmentCode: string, caseId: string) => http.delete<void>(casePath(id, departmentCode, caseId)),
};
