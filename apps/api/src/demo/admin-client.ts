import { CatalogueFile, parentsFirst } from '@app/contracts';

/** The admin API as a client, for the CLI and the embedded demo: the same path an operator uses. */
export class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    /** Aborts calls in flight (the demo loader, when the server stops). */
    private readonly signal?: AbortSignal,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: this.signal,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /**
   * Puts a whole catalogue in dependency order (parents and supervisors first). Departments and items
   * depend on nothing of their own kind: a few go at once, so round trips overlap (a first start
   * loads ≈ 70 of them).
   */
  async loadCatalogue(catalogue: CatalogueFile): Promise<void> {
    for (const [code, region] of parentsFirst(catalogue.regions, (r) => r.parentCode)) {
      await this.call('PUT', `/api/v1/regions/${encodeURIComponent(code)}`, region);
    }
    await inParallel(Object.entries(catalogue.departments), ([code, department]) => this.call('PUT', `/api/v1/departments/${encodeURIComponent(code)}`, department));
    // Officers level by level: every supervisor is in before their staff.
    for (const level of byDepth(parentsFirst(catalogue.officers, (o) => o.supervisorId), (o) => o.supervisorId)) {
      await inParallel(level, ([id, officer]) => this.call('PUT', `/api/v1/officers/${encodeURIComponent(id)}`, officer));
    }
    await inParallel(Object.entries(catalogue.items), ([code, item]) => this.call('PUT', `/api/v1/items/${encodeURIComponent(code)}`, item));
  }

  async departmentCodes(): Promise<string[]> {
    const departments = await this.call<{ code: string }[]>('GET', '/api/v1/departments');
    return departments.map((d) => d.code);
  }

  async issueKey(departmentCode: string, label: string): Promise<string> {
    const issued = await this.call<{ key: string }>('POST', `/api/v1/departments/${encodeURIComponent(departmentCode)}/keys`, { label });
    return issued.key;
  }
}

/** Calls at most `width` at a time; the first failure fails the whole (the others finish first). */
async function inParallel<T>(entries: T[], call: (entry: T) => Promise<unknown>, width = 4): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < entries.length) await call(entries[next++]);
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(width, entries.length) }, lane));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Parents-first records grouped by depth (0: no parent in the set): each group only needs earlier ones. */
function byDepth<T>(ordered: [string, T][], parentOf: (record: T) => string | undefined): [string, T][][] {
  const depth = new Map<string, number>();
  const levels: [string, T][][] = [];
  for (const entry of ordered) {
    const parent = parentOf(entry[1]);
    const d = parent !== undefined && depth.has(parent) ? depth.get(parent)! + 1 : 0;
    depth.set(entry[0], d);
    (levels[d] ??= []).push(entry);
  }
  return levels;
}
