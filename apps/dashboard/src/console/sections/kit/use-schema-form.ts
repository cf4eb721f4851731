import { ref } from 'vue';
import type { FieldError } from '@app/contracts/events/field-error';
import { ApiError } from '../../api/api-error';
import { useFormErrors } from '../../api/use-form-errors';
import { validateForm, type FormSchemaName } from './form-validation';

/**
 * A form that checks its body with the API's own JSON schema before sending (same wording as the
 * API's 400), then places whatever the API still refuses at the field `errors[].path` names.
 */
export function useSchemaForm(schema: FormSchemaName | null, formFields: readonly string[]) {
  const form = useFormErrors(formFields);
  const busy = ref(false);

  /** `pathErrors`: what the route's path parameters would be refused for (pathCodeErrors…). */
  async function submit<T>(body: unknown, send: (body: unknown) => Promise<T>, pathErrors: readonly FieldError[] = []): Promise<T | undefined> {
    form.clear();
    const problems = [...pathErrors, ...(schema ? validateForm(schema, body) : [])];
    if (problems.length > 0) {
      form.show(new ApiError(400, 'Invalid request', problems));
      return undefined;
    }
    busy.value = true;
    try {
      return await form.submit(() => send(body));
    } finally {
      busy.value = false;
    }
  }

  return { ...form, busy, submit };
}
