import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type Json = Record<string, unknown>;
export interface ContractOperation extends Json {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: Json;
  responses: Record<string, Json>;
}
export interface ContractDocument {
  openapi: string;
  info: Json;
  servers?: Json[];
  paths: Record<string, Record<string, ContractOperation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Record<string, Json> };
}

const BASE = 'https://contract.test/openapi.json';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Validates answers against the document's own schemas (JSON Schema 2020-12, as OpenAPI 3.1
 * defines them): the components are loaded once under one base URI, and each response schema's
 * `#/components/...` references are pointed at it.
 */
export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: ContractDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: BASE, components: doc.components });
  }

  private validator(schema: Json): ValidateFunction {
    const text = JSON.stringify(schema).replaceAll('"#/components/', `"${BASE}#/components/`);
    let validate = this.compiled.get(text);
    if (!validate) {
      validate = this.ajv.compile(JSON.parse(text) as Json);
      this.compiled.set(text, validate);
    }
    return validate;
  }

  /** The schema's complaints about `value`, or null when it conforms. */
  problemsWith(schema: Json, value: unknown): string | null {
    const validate = this.validator(schema);
    return validate(value) ? null : this.ajv.errorsText(validate.errors, { separator: '; ' });
  }

  schema(name: string): Json {
    return { $ref: `#/components/schemas/${name}` };
  }

  /** Why an answer does not match what the document says this operation answers, or null. */
  checkAnswer(op: ContractOperation, status: number, contentType: string, body: unknown): string | null {
    let response = op.responses[String(status)];
    if (!response) return `status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`;
    const ref = response.$ref as string | undefined;
    if (ref) response = this.doc.components.responses[ref.split('/').pop()!];
    const content = response.content as Record<string, { schema?: Json }> | undefined;
    if (!content) return body === null || body === '' ? null : `status ${status} is documented without a body, but one was sent`;
    const type = contentType.split(';')[0].trim();
    const media = content[type];
    if (!media) return `content type ${type} is not documented for ${status} (documented: ${Object.keys(content).join(', ')})`;
    if (type !== 'application/json' || !media.schema) return null;
    const problems = this.problemsWith(media.schema, body);
    return problems ? `${status} body does not match its schema: ${problems}` : null;
  }
}

export function operationsOf(doc: ContractDocument): { method: string; path: string; op: ContractOperation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ method: method.toUpperCase(), path, op: item[method] })),
  );
}
