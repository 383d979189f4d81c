// Runs the rules over one file's text: parse → extract → rules → locate → suppress. No I/O.

import type { ResolvedTarget } from '../knowledge/targets.js';
import { type ParsedSource, parseSource, type SourceDocument, type SourceFormat } from '../parse/index.js';
import type { Rule, RuleContext } from '../rules/types.js';
import { type CapabilityOwner, type Extracted, extract } from './extract.js';
import { LineIndex } from './lines.js';
import { formatPath } from './path.js';
import type { Finding, Path, Severity } from './types.js';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  rules: readonly Rule[];
  targets: readonly ResolvedTarget[];
  /** Per-rule severity overrides; `off` disables a rule. */
  settings?: Readonly<Record<string, RuleSetting>>;
  format?: SourceFormat;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  documents: number;
  parseErrors: number;
}

export const PARSE_ERROR_RULE = 'parse-error';
export const IGNORE_ANNOTATION = 'capdoctor.io/ignore';
const IGNORE_COMMENT = /#\s*capdoctor-ignore\b(.*)$/;

/** Lints one file's text. `file` is only used to label findings. */
export function lintSource(file: string, text: string, options: LintOptions): FileResult {
  const parsed: ParsedSource = parseSource(text, options.format ?? 'auto');
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  for (const problem of parsed.problems) {
    const start = lines.position(problem.start);
    const end = lines.position(Math.max(problem.end, problem.start));
    findings.push({
      rule: PARSE_ERROR_RULE,
      severity: problem.warning ? 'warning' : 'error',
      message: problem.message,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.line === start.line && end.column === start.column ? start.column + 1 : end.column,
      path: '',
      range: { start: problem.start, end: problem.end },
    });
  }
  // Every document is extracted first, so that rules can use evidence from the others in the same
  // input (a ConfigMap mounted by a pod, say).
  const units: DocumentUnit[] = parsed.documents
    .filter((document) => document.value !== null && document.value !== undefined)
    .map((document) => ({ document, extracted: extract(document.value) }));
  for (const unit of units) findings.push(...lintDocument(file, unit, units, lines, options));
  const documents = units.length;
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return { file, findings, documents, parseErrors: parsed.problems.filter((p) => !p.warning).length };
}

export interface DocumentUnit {
  document: SourceDocument;
  extracted: Extracted;
}

function lintDocument(
  file: string,
  unit: DocumentUnit,
  units: readonly DocumentUnit[],
  lines: LineIndex,
  options: LintOptions,
): Finding[] {
  const { document, extracted } = unit;
  const out: Finding[] = [];
  for (const rule of options.rules) {
    const setting = options.settings?.[rule.meta.id] ?? (rule.meta.optIn ? 'off' : rule.meta.severity);
    if (setting === 'off') continue;
    const context: RuleContext = {
      targets: options.targets,
      extracted,
      documents: units.map((u) => ({ value: u.document.value, extracted: u.extracted })),
      severity: setting,
      report(report) {
        const located = document.locate(report.path);
        const range = located?.range ?? { start: document.start, end: document.start };
        const start = lines.position(range.start);
        let end = lines.position(range.end);
        // A multi-line node (a whole mapping) is underlined on its first line only.
        if (end.line !== start.line) end = { line: start.line, column: lines.line(start.line).length + 1 };
        const finding: Finding = {
          rule: rule.meta.id,
          severity: report.severity ?? setting,
          message: report.message,
          file,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: Math.max(end.column, start.column + 1),
          path: formatPath(report.path),
          range,
          document: document.index,
        };
        const object = report.object ?? ownerAt(extracted, report.path)?.object?.ref;
        if (object) finding.object = object;
        if (report.container !== undefined) finding.container = report.container;
        if (report.targets) finding.targets = report.targets;
        if (report.fix) finding.fix = report.fix;
        if (report.suggestion) finding.suggestion = report.suggestion;
        if (!suppressed(finding, report.path, extracted, lines)) out.push(finding);
      },
    };
    rule.check(context);
  }
  return out;
}

function ownerAt(extracted: Extracted, path: Path): CapabilityOwner | undefined {
  return extracted.owners.find((o) => o.path.every((seg, i) => path[i] === seg));
}

/** A comment without ids silences every rule on its line; an annotation must name them (or `all`). */
function listed(value: string | undefined, rule: string, emptyMeansAll: boolean): boolean {
  if (value === undefined) return false;
  const ids = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) return emptyMeansAll;
  return ids.includes(rule) || ids.includes('all') || ids.includes('*');
}

function suppressed(finding: Finding, path: Path, extracted: Extracted, lines: LineIndex): boolean {
  // Annotations work where comments do not exist (a live cluster, an admission request).
  const annotationSources = [
    ...extracted.objects.filter((o) => o.path.every((seg, i) => path[i] === seg)).map((o) => o.annotations),
    ...extracted.podSpecs.filter((p) => p.path.every((seg, i) => path[i] === seg)).map((p) => p.annotations),
  ];
  if (annotationSources.some((a) => listed(a[IGNORE_ANNOTATION], finding.rule, false))) return true;
  const same = IGNORE_COMMENT.exec(lines.line(finding.line));
  if (same && listed(same[1]?.trim(), finding.rule, true)) return true;
  const above = lines.line(finding.line - 1);
  const match = /^\s*#/.test(above) ? IGNORE_COMMENT.exec(above) : null;
  return match !== null && listed(match[1]?.trim(), finding.rule, true);
}
