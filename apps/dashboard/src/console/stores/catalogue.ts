import { defineStore } from 'pinia';
import { ref } from 'vue';
import { http } from '../api/http';

export interface Region {
  code: string;
  name: string;
}
export interface Department {
  code: string;
  name: string;
  regionCode: string;
}

/** Regions and departments for filters and names; read once per session (disposed with it). */
export const useCatalogueStore = defineStore('catalogue', () => {
  const regions = ref<Region[]>([]);
  const departments = ref<Department[]>([]);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= Promise.all([http.get<Region[]>('/api/v1/regions'), http.get<Department[]>('/api/v1/departments')]).then(
      ([r, d]) => {
        regions.value = r;
        departments.value = d;
      },
      () => {
        loading = null;
      },
    );
    return loading;
  }

  const departmentName = (code: string) => departments.value.find((d) => d.code === code)?.name ?? code;

  return { regions, departments, load, departmentName };
});
