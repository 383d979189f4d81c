// Runs the rules over one file's text: parse → extract → rules → locate → suppress. No I/O.
// The top of the lint path: it picks the reader (JSON, the YAML stream, the precise parser) and hands
// the documents to lint-documents.ts; nothing on the path imports it back.

import { parseJsonFirst, parseSource, type SourceDocument } from '../parse/index.js';
import { type FileResult, type LintOptions, lintParsed, NO_TEXT } from './lint-documents.js';
import { lintYamlText } from './stream.js';

export {
  byPosition,
  type DocumentUnit,
  type FileResult,
  IGNORE_ANNOTATION,
  type LintOptions,
  lintDocument,
  lintParsed,
  PARSE_ERROR_RULE,
  problemFinding,
  type RuleSetting,
} from './lint-documents.js';
export type { PssLevel } from './pss.js';

/**
 * Lints one file's text. `file` is only used to label findings. YAML is read by the fast reader
 * where it can; the findings are those of `lintSourcePrecise`, positions included.
 */
export function lintSource(file: string, text: string, options: LintOptions): FileResult {
  const json = parseJsonFirst(text, options.format ?? 'auto');
  return json ? lintParsed(file, text, json, options) : lintYamlText(file, text, options);
}

/** Lints with the positional parser for every document (the reference the fast path is tested against). */
export function lintSourcePrecise(file: string, text: string, options: LintOptions): FileResult {
  return lintParsed(file, text, parseSource(text, options.format ?? 'auto'), options);
}

/**
 * Lints one object held as data (an API object from a cluster or an admission request), without text:
 * findings carry paths and messages but no positions (line 1, column 1), and only annotations suppress.
 */
export function lintObject(file: string, value: unknown, options: LintOptions): FileResult {
  const document: SourceDocument = { index: 0, value, start: 0, locate: () => undefined };
  return lintParsed(file, '', { documents: [document], problems: [] }, options, NO_TEXT);
}
