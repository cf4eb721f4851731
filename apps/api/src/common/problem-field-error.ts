import { FieldError } from '@app/contracts';

/** "LATE_REPORTING.maxDelayHours: must be a number" → { path, message }, so a 400 names the field. */
export function problemToFieldError(problem: string, prefix = ''): FieldError {
  const at = problem.indexOf(': ');
  if (at < 0) return { path: prefix ? prefix.replace(/\.$/, '') : '(body)', message: problem };
  return { path: prefix + problem.slice(0, at), message: problem.slice(at + 2) };
}
