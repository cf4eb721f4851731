/**
 * Orders catalogue records so that each record's parent (a region's parent region, an officer's
 * supervisor) comes before it, as loading needs. A cycle is reported by the key that closes it.
 */
export function parentsFirst<T>(records: Record<string, T>, parentOf: (record: T) => string | undefined): [string, T][] {
  const done = new Set<string>();
  const out: [string, T][] = [];
  const visit = (key: string, trail: Set<string>) => {
    if (done.has(key) || !(key in records)) return;
    if (trail.has(key)) throw new CatalogueCycleError(key);
    trail.add(key);
    const parent = parentOf(records[key]);
    if (parent !== undefined) visit(parent, trail);
    done.add(key);
    out.push([key, records[key]]);
  };
  for (const key of Object.keys(records)) visit(key, new Set());
  return out;
}

export class CatalogueCycleError extends Error {
  constructor(readonly key: string) {
    super(`${key} is part of a parent/supervisor cycle`);
  }
}
