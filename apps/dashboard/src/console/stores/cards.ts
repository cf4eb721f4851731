import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { cardsApi, type CardRow } from '../api/cards-api';
import { nextDay } from '../format';
import type { CardChange } from '../net/live-updates';

export interface CardFilters {
  regionCode: string;
  departmentCode: string;
  rule: string;
  level: string;
  state: string;
  /** [from, to) as YYYY-MM-DD, or empty. */
  period: [string, string] | null;
}

const emptyFilters = (): CardFilters => ({ regionCode: '', departmentCode: '', rule: '', level: '', state: '', period: null });

/**
 * The Cards page: filters, paging and sorting on the server, rows kept current by live changes.
 * A change to a row on screen re-reads that card; a new card on the first page reloads the page.
 */
export const useCardsStore = defineStore('cards', () => {
  const filters = reactive<CardFilters>(emptyFilters());
  const page = ref(1);
  const pageSize = ref(20);
  const sort = ref<string | undefined>('urgency');
  const rows = ref<CardRow[]>([]);
  const total = ref(0);
  const loading = ref(false);
  /** Ids of rows changed live since they were shown (highlighted). */
  const changed = ref<Set<string>>(new Set());
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const answer = await cardsApi.list({
        regionCode: filters.regionCode,
        departmentCode: filters.departmentCode,
        rule: filters.rule,
        level: filters.level,
        state: filters.state,
        // Days in the centre's time zone; the period's last day is included (the API's `to` is exclusive).
        from: filters.period ? `${filters.period[0]}T00:00:00+08:00` : undefined,
        to: filters.period ? `${nextDay(filters.period[1])}T00:00:00+08:00` : undefined,
        sort: sort.value,
        page: page.value,
        pageSize: pageSize.value,
      });
      if (ticket !== latest) return; // a newer request answers the page
      rows.value = answer.items;
      total.value = answer.total;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  function resetFilters(): void {
    Object.assign(filters, emptyFilters());
    page.value = 1;
  }

  async function applyChange(change: CardChange): Promise<'updated' | 'reloaded' | 'ignored'> {
    const index = rows.value.findIndex((r) => r.id === change.alertId);
    if (index >= 0) {
      const fresh = await cardsApi.get(change.alertId);
      const { evidence, clockExplanation: _c, history: _h, ...row } = fresh;
      rows.value.splice(index, 1, { ...row, dueAt: evidence.clock?.dueAt ?? null });
      changed.value = new Set([...changed.value, change.alertId]);
      return 'updated';
    }
    if (change.action === 'RAISED' && page.value === 1) {
      await load();
      changed.value = new Set([...changed.value, change.alertId]);
      return 'reloaded';
    }
    return 'ignored';
  }

  return { filters, page, pageSize, sort, rows, total, loading, changed, load, resetFilters, applyChange };
});
