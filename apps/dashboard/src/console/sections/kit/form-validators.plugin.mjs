// The validators of the console's forms, compiled ahead of time. The page's Content-Security-Policy
// forbids eval, so Ajv cannot compile in the browser; this generates the same validators the API
// compiles (same schemas from libs/contracts, same options), as plain code, at build time.
// Plain JavaScript loaded by vite.config.mjs; the schemas (TypeScript) are loaded with Vite's own
// module runner, so the config stays loadable without bundling.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

export const FORM_VALIDATORS_MODULE = 'virtual:console-form-validators';
const RESOLVED = `\0${FORM_VALIDATORS_MODULE}`;
const SCHEMAS_FILE = fileURLToPath(new URL('./form-schemas.ts', import.meta.url));

/** Ajv's code point counter (ajv/dist/runtime/ucs2length), inlined so the module needs no CommonJS require. */
const UCS2LENGTH = `((str) => { let length = 0, pos = 0; while (pos < str.length) { length++; const value = str.charCodeAt(pos++);
  if (value >= 0xd800 && value <= 0xdbff && pos < str.length) { const next = str.charCodeAt(pos); if ((next & 0xfc00) === 0xdc00) pos++; } } return length; })`;

/** ajv-formats' `date` (RFC 3339 full-date: a real calendar day), inlined like UCS2LENGTH; the meetings' schemas use it. */
const FORMAT_DATE = `({ validate: (str) => { const m = /^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$/.exec(str); if (!m) return false;
  const year = +m[1], month = +m[2], day = +m[3]; const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]); } })`;

/** @param {Record<string, object>} schemas by form name */
export function generateFormValidators(schemas) {
  const ajv = new Ajv.default({ allErrors: true, strict: false, code: { source: true, esm: true } });
  addFormats.default(ajv);
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, name);
  const code = standaloneCode.default(ajv, Object.fromEntries(Object.keys(schemas).map((name) => [name, name]))).replaceAll(
    'require("ajv/dist/runtime/ucs2length").default',
    UCS2LENGTH,
  ).replaceAll('require("ajv-formats/dist/formats").fullFormats.date', FORMAT_DATE);
  const leftover = /require\("([^"]+)"\)/.exec(code);
  if (leftover) throw new Error(`form validators: ${leftover[1]} is needed at run time; inline it in form-validators.plugin.mjs`);
  return code;
}

/** Serves `virtual:console-form-validators`: one validate function per form schema, by name. */
export function formValidatorsPlugin() {
  return {
    name: 'console-form-validators',
    resolveId: (source) => (source === FORM_VALIDATORS_MODULE ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(SCHEMAS_FILE);
      const { module } = await runnerImport(SCHEMAS_FILE, { configFile: false, logLevel: 'error' });
      return generateFormValidators(module.FORM_SCHEMAS);
    },
  };
}
