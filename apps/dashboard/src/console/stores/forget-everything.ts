import type { Pinia, StoreGeneric } from 'pinia';

/**
 * Sign-out, an expired session and a change of user must leave nothing of the previous user in
 * memory. Every store created is tracked here; `forgetStores` disposes each and deletes its state
 * from the pinia root, so the next `useXStore()` starts empty — no store has to remember to reset.
 * Other holders of user data register a forgetter (the live socket, caches).
 */
const stores = new Set<StoreGeneric>();
const forgetters = new Set<() => void>();

export function trackStores(pinia: Pinia): void {
  pinia.use(({ store }) => {
    stores.add(store);
  });
}

export function onForget(forget: () => void): void {
  forgetters.add(forget);
}

export function forgetEverything(pinia: Pinia): void {
  for (const forget of forgetters) forget();
  for (const store of stores) {
    store.$dispose();
    delete pinia.state.value[store.$id];
  }
  stores.clear();
}
