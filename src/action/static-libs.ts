// The parser packages for the Action's bundle: src/parse/libs.ts loads them from files beside the CLI
// bundle at run time, which an Action (one committed file, no node_modules) does not have, so
// scripts/build-action.mjs puts this module in its place and the packages inside the bundle.
import * as Jsonc from 'jsonc-parser';
import * as Yaml from 'yaml';
import type * as Libs from '../parse/libs.js';

export const yamlLib: typeof Libs.yamlLib = () => Yaml;
export const jsoncLib: typeof Libs.jsoncLib = () => Jsonc;
