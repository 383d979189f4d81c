import { isTooDeep } from './depth.js';
import { parseJson } from './json.js';
import type { ParsedSource } from './types.js';
import { parseYaml } from './yaml.js';

export type { LocatedNode, ParsedSource, ParseProblem, SourceDocument } from './types.js';

export type SourceFormat = 'yaml' | 'json' | 'auto';

/** Parses a file's text. `auto` tries JSON when the text looks like JSON, and falls back to YAML. */
export function parseSource(text: string, format: SourceFormat): ParsedSource {
  return parseJsonFirst(text, format) ?? parseYaml(text);
}

/** The JSON reading of a text, or undefined when it is to be read as YAML. */
export function parseJsonFirst(text: string, format: SourceFormat): ParsedSource | undefined {
  if (format === 'json') return parseJson(text);
  if (format === 'auto' && /^\uFEFF?\s*[[{]/.test(text)) {
    const json = parseJson(text);
    // Too deep as JSON is too deep as YAML, and the YAML parser is slow on deep flow collections.
    if (json.problems.every((p) => p.warning) || json.problems.some(isTooDeep)) return json;
  }
  return undefined;
}

export function formatForFile(file: string): SourceFormat {
  return /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'auto';
}
