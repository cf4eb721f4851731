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

  /** Puts a whole catalogue in dependency order (parents and supervisors first). */
  async loadCatalogue(catalogue: CatalogueFile): Promise<void> {
    for (const [code, region] of parentsFirst(catalogue.regions, (r) => r.parentCode)) {
      await this.call('PUT', `/api/v1/regions/${encodeURIComponent(code)}`, region);
    }
    for (const [code, department] of Object.entries(catalogue.departments)) {
      await this.call('PUT', `/api/v1/departments/${encodeURIComponent(code)}`, department);
    }
    for (const [id, officer] of parentsFirst(catalogue.officers, (o) => o.supervisorId)) {
      await this.call('PUT', `/api/v1/officers/${encodeURIComponent(id)}`, officer);
    }
    for (const [code, item] of Object.entries(catalogue.items)) {
      await this.call('PUT', `/api/v1/items/${encodeURIComponent(code)}`, item);
    }
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
