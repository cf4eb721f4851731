import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { assertCode, parsePage } from '../common/params';

/**
 * What the supervision-order and complaint endpoints share: their body schemas' text fields and
 * their list filters (department, state, page of at most 500, 50 by default).
 */

/** A required text of at most `max` characters that is not blank (JSON Schema). */
export const requiredText = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

/** A body of one required text field, e.g. `{ reply }` (JSON Schema). */
export const oneTextBody = (field: string, max: number) => ({
  type: 'object',
  additionalProperties: false,
  required: [field],
  properties: { [field]: requiredText(max) },
});

export interface OversightListFilter {
  departmentCode: string | undefined;
  state: string | undefined;
  page: number;
  pageSize: number;
}

export function parseOversightListQuery(q: Record<string, string | undefined>): OversightListFilter {
  return {
    departmentCode: q.departmentCode ? assertCode('departmentCode', q.departmentCode) : undefined,
    state: q.state || undefined,
    page: parsePage(q.page),
    pageSize: q.pageSize ? Math.min(parsePage(q.pageSize, 'pageSize'), 500) : 50,
  };
}

/** The OpenAPI description of those filters. */
export const ApiOversightListQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'departmentCode', required: false }),
    ApiQuery({ name: 'state', required: false }),
    ApiQuery({ name: 'page', required: false }),
    ApiQuery({ name: 'pageSize', required: false }),
  );
