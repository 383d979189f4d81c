// JSON Schema validation for tests: capdoctor's report schemas (docs/schema, draft 2020-12) and the
// SARIF 2.1.0 schema (draft-04, read from the @microsoft/jest-sarif package: the OASIS file has no
// open licence to copy it here). Nothing is fetched: every schema is a local file.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both are CommonJS modules whose export is also their `default` property.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

export const SCHEMA_DIR = fileURLToPath(new URL('../../docs/schema/', import.meta.url));

/** The report schemas by name: `lint` is docs/schema/lint.schema.json. */
export function schemaNames(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => file.slice(0, -'.schema.json'.length))
    .sort();
}

let reports: Ajv2020 | undefined;

function reportAjv(): Ajv2020 {
  if (!reports) {
    // strict: a typo in a keyword is an error, not a silently ignored key; unions such as
    // ["string", "null"] are plain JSON Schema.
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    for (const name of schemaNames()) {
      ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')), name);
    }
    reports = ajv;
  }
  return reports;
}

/** The validator of docs/schema/<name>.schema.json. */
export function reportValidator(name: string): ValidateFunction {
  const validate = reportAjv().getSchema(name);
  if (!validate) throw new Error(`no schema docs/schema/${name}.schema.json`);
  return validate;
}

let sarif: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (!sarif) {
    const require = createRequire(import.meta.url);
    const file = join(
      require.resolve('@microsoft/jest-sarif/package.json'),
      '..',
      'lib/schemas/sarif-2.1.0-rtm.5.json',
    );
    // The schema's language-tag pattern has a stray `]`, which only non-unicode regular expressions accept.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarif = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
  }
  return sarif as ValidateFunction;
}

/** Errors as lines for an assertion message; empty when valid. */
export function schemaErrors(validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
