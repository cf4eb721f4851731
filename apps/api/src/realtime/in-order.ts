/**
 * Runs queries one after another, typed like Promise.all. The wall's queries share one transaction
 * (one connection, one snapshot): queued on one pg client they would run one by one anyway, and pg
 * deprecates issuing a query while another is running.
 */
export async function inOrder<T extends readonly unknown[]>(tasks: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const task of tasks as readonly (() => Promise<unknown>)[]) results.push(await task());
  return results as unknown as T;
}
