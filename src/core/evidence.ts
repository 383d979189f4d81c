// Turns the evidence a rule points at (a document index, a path, maybe a line inside a multi-line
// string) into a line and column of the file, for findings. Pure.
import type { LineIndex } from './lines.js';
import { formatPath } from './path.js';
import type { Evidence, EvidenceRef, Path, Range } from './types.js';

export interface LocatableDocument {
  readonly locate?: (path: Path) => { range: Range } | undefined;
}

/**
 * A negative document index is the finding's own document (so that rules need not ask for every
 * document). A line inside a string value maps to a file line only for block scalars (`|`, `>`),
 * whose content starts on the line after the indicator; other scalars are located at their start.
 */
export function locateEvidence(
  ref: EvidenceRef,
  current: LocatableDocument,
  documents: () => readonly LocatableDocument[],
  lines: LineIndex,
): Evidence {
  const out: Evidence = { text: ref.text, label: ref.label, path: formatPath(ref.path), line: 0, column: 0 };
  const holder = ref.document < 0 ? current : documents()[ref.document];
  const located = holder?.locate?.(ref.path);
  if (!located) return out;
  const start = lines.position(located.range.start);
  out.line = start.line;
  out.column = start.column;
  if (ref.line === undefined) return out;
  const first = lines.line(start.line).slice(start.column - 1);
  if (!/^[|>]/.test(first)) return out;
  const end = lines.position(located.range.end);
  const target = start.line + 1 + ref.line;
  if (target > end.line) return out;
  out.line = target;
  const text = lines.line(target);
  out.column = text.length - text.trimStart().length + 1;
  return out;
}
