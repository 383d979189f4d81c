import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<'text' | 'json' | 'sarif', Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
};

export type OutputFormat = keyof typeof FORMATTERS;

export type { FileReport, FormatOptions, Formatter, LintReport, Summary } from './types.js';
