/**
 * The console line the operator opens on the wall screen, with a display token (read-only,
 * revocable: the demo's, or the one `npm start` keeps in DATA_DIR). Never the admin token: it is
 * break-glass, audited at every use, and when generated it changes at every start.
 */
export function wallScreenLine(base: string, displayToken: string | null): string {
  return `Wall screen: ${base}/wall?token=${displayToken === null ? '<display token: POST /api/v1/displays>' : encodeURIComponent(displayToken)}`;
}
