import { reactive, ref } from 'vue';
import { ApiError } from './api-error';
import { placeErrors } from './form-errors';

/**
 * The reusable binding of API errors to an Element Plus form. Usage:
 *
 *   const errors = useFormErrors(['comment']);
 *   <el-form-item prop="comment" :error="errors.fields.comment"> … </el-form-item>
 *   <el-alert v-if="errors.general.value" :title="errors.general.value" type="error" />
 *   await errors.submit(() => api.post(…));     // clears, runs, places the API's complaints
 *
 * `submit` resolves to the result, or to undefined when the API refused (the errors are then shown);
 * errors other than ApiError (a bug) are re-thrown.
 */
export function useFormErrors(formFields: readonly string[]) {
  const fields = reactive<Record<string, string>>({});
  const general = ref('');

  function clear(): void {
    for (const key of Object.keys(fields)) delete fields[key];
    general.value = '';
  }

  function show(error: ApiError): void {
    clear();
    const placed = placeErrors(error.errors, formFields, error.message);
    Object.assign(fields, placed.fields);
    general.value = placed.general.join('; ');
  }

  async function submit<T>(request: () => Promise<T>): Promise<T | undefined> {
    clear();
    try {
      return await request();
    } catch (error) {
      if (error instanceof ApiError && error.status !== 401) {
        show(error);
        return undefined;
      }
      throw error;
    }
  }

  return { fields, general, clear, show, submit };
}
