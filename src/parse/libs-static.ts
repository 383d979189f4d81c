// The parser packages imported up front, for bundles that cannot load them from files beside
// themselves at run time as the CLI's bundle does (libs.ts): the library for browsers
// (scripts/browser-options.mjs) and the GitHub Action, one committed file without node_modules
// (scripts/build-action.mjs). Both builds put this module in place of libs.ts.
import * as Jsonc from 'jsonc-parser';
import * as Yaml from 'yaml';
import type * as Libs from './libs.js';

export const yamlLib: typeof Libs.yamlLib = () => Yaml;
export const jsoncLib: typeof Libs.jsoncLib = () => Jsonc;
