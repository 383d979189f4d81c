// The parser packages for a browser bundle, which has no `require`: imported up front, where the Node
// build loads them on first use (libs.ts). scripts/build.mjs puts this file in place of libs.ts.
import * as Jsonc from 'jsonc-parser';
import * as Yaml from 'yaml';

export function yamlLib(): typeof Yaml {
  return Yaml;
}

export function jsoncLib(): typeof Jsonc {
  return Jsonc;
}
