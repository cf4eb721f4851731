/** What one attempt came to. `permanent`: retrying cannot help (a 4xx, a refused address), dead-letter now. */
export interface SendOutcome {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  permanent: boolean;
}

export const sent = (httpStatus: number | null = null): SendOutcome => ({ ok: true, httpStatus, error: null, permanent: false });

export const failed = (error: string, options: { httpStatus?: number | null; permanent?: boolean } = {}): SendOutcome => ({
  ok: false,
  httpStatus: options.httpStatus ?? null,
  error: error.slice(0, 480),
  permanent: options.permanent ?? false,
});
