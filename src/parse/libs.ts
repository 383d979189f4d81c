// The parser packages, loaded on first use rather than at start-up: a lint whose documents the fast
// reader reads and locates needs neither. Only src/parse/ uses them.
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import type * as Yaml from 'yaml';

// The bundle ships each package as a file of its own beside its chunks, `<name>.cjs` (see scripts/build.mjs).
declare const CAPDOCTOR_BUNDLE: boolean | undefined;

const load = createRequire(import.meta.url);

function lib<T>(name: string): T {
  return load(typeof CAPDOCTOR_BUNDLE === 'boolean' ? `./${name}.cjs` : name) as T;
}

let yaml: typeof Yaml | undefined;
let jsonc: typeof Jsonc | undefined;

export function yamlLib(): typeof Yaml {
  yaml ??= lib<typeof Yaml>('yaml');
  return yaml;
}

export function jsoncLib(): typeof Jsonc {
  jsonc ??= lib<typeof Jsonc>('jsonc-parser');
  return jsonc;
}
