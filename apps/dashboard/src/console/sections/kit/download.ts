import { ApiError, apiErrorFrom } from '../../api/api-error';
import { withQuery, type Query } from '../../api/http';
import { useSessionStore } from '../../stores/session';

/** A file answer of the API (XLSX, CSV, HTML), fetched with the session token, with the name the API gave it. */
export async function fetchFile(path: string, query?: Query): Promise<{ blob: Blob; filename: string }> {
  const token = useSessionStore().token;
  const response = await fetch(withQuery(path, query), { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'omit' });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: described as text
    }
    throw apiErrorFrom(response.status, body);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('/').pop() ?? 'download';
  return { blob: await response.blob(), filename };
}

/** Saves a file answer under its own name. */
export async function downloadFile(path: string, query?: Query): Promise<string> {
  const { blob, filename } = await fetchFile(path, query);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return filename;
}

/** Opens a printable HTML report in a new tab (a blob: URL, since a plain link could not carry the token). */
export async function openPrintable(path: string, query?: Query): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { blob } = await fetchFile(path, query);
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 600_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export function describeError(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}
