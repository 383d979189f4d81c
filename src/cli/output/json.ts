import type { Evidence, Finding, Fix, ObjectRef, PathEdit, TargetOutcome } from '../../core/types.js';
import { type Formatter, type StreamFormatter, type Summary, toText } from './types.js';

/**
 * The stable, versioned JSON shape. Bump `version` on any incompatible change (docs/output.md lists them).
 * Version 2: `message` is one line (≤ 160 characters); the long text moved to `explanation`.
 */
export const JSON_VERSION = 2;

export interface JsonOutput {
  version: typeof JSON_VERSION;
  findings: JsonFinding[];
  summary: Summary;
}

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  /** One line: what is wrong, the worst consequence, what to write. */
  message: string;
  /** The long story: why, per target, with the runtime's own words. */
  explanation?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  path: string;
  object?: ObjectRef;
  container?: string;
  targets?: TargetOutcome[];
  fix?: Fix;
  suggestion?: Fix;
  /** What the finding is based on, located in the same file (needs rules). */
  evidence?: Evidence[];
}

function objectRef(ref: ObjectRef): ObjectRef | undefined {
  const out: ObjectRef = {};
  if (ref.apiVersion !== undefined) out.apiVersion = ref.apiVersion;
  if (ref.kind !== undefined) out.kind = ref.kind;
  if (ref.namespace !== undefined) out.namespace = ref.namespace;
  if (ref.name !== undefined) out.name = ref.name;
  return Object.keys(out).length > 0 ? out : undefined;
}

function edit(e: PathEdit): PathEdit {
  return structuredClone(e);
}

function fix(f: Fix): Fix {
  return { description: f.description, edits: f.edits.map(edit) };
}

/** Copies a finding with a fixed key order, dropping absent optional keys and internal fields (`range`). */
export function toJsonFinding(finding: Finding): JsonFinding {
  const out: JsonFinding = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    ...(finding.explanation ? { explanation: finding.explanation } : {}),
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    path: finding.path,
  };
  const object = finding.object && objectRef(finding.object);
  if (object) out.object = object;
  if (finding.container !== undefined) out.container = finding.container;
  if (finding.targets) {
    out.targets = finding.targets.map((t) => ({
      target: t.target,
      outcome: t.outcome,
      detail: t.detail,
      ...(t.legacy ? { legacy: true as const } : {}),
    }));
  }
  if (finding.fix) out.fix = fix(finding.fix);
  if (finding.suggestion) out.suggestion = fix(finding.suggestion);
  if (finding.evidence) {
    out.evidence = finding.evidence.map((e) => ({
      text: e.text,
      label: e.label,
      path: e.path,
      line: e.line,
      column: e.column,
    }));
  }
  return out;
}

// Findings about the same answer share their per-target array (see toTargetOutcomes): its text is made
// once, indented for its place in a finding of the report.
const TARGETS_MARK = '\u0000targets\u0000';
// With its key and indentation: a value written by a user cannot hold a raw line break.
const TARGETS_MARK_JSON = `\n      "targets": ${JSON.stringify(TARGETS_MARK)}`;
const targetsText = new WeakMap<readonly TargetOutcome[], string>();

/** One finding as `JSON.stringify(output, null, 2)` writes it inside the `findings` array. */
function findingText(finding: Finding): string {
  const json = toJsonFinding(finding);
  const targets = finding.targets;
  if (targets) (json as { targets?: unknown }).targets = TARGETS_MARK;
  const text = `    ${JSON.stringify(json, null, 2).replaceAll('\n', '\n    ')}`;
  if (!targets) return text;
  let shared = targetsText.get(targets);
  if (shared === undefined) {
    const copy = targets.map((t) => ({
      target: t.target,
      outcome: t.outcome,
      detail: t.detail,
      ...(t.legacy ? { legacy: true as const } : {}),
    }));
    shared = JSON.stringify(copy, null, 2).replaceAll('\n', '\n      ');
    targetsText.set(targets, shared);
  }
  // A function replacement: the text may hold `$` patterns.
  return text.replace(TARGETS_MARK_JSON, () => `\n      "targets": ${shared}`);
}

export const writeJson: StreamFormatter = (report, _options, write) => {
  const { files, documents, errors, warnings, infos } = report.summary;
  const summary: Summary = { files, documents, errors, warnings, infos };
  // Written finding by finding, as JSON.stringify(output, null, 2) would: a large report then never
  // holds a copy of every finding or the whole text.
  write(`{\n  "version": ${JSON_VERSION},\n  "findings": `);
  let first = true;
  for (const file of report.files) {
    for (const finding of file.findings) {
      write(`${first ? '[\n' : ',\n'}${findingText(finding)}`);
      first = false;
    }
  }
  const tail = JSON.stringify(summary, null, 2).replaceAll('\n', '\n  ');
  write(`${first ? '[]' : '\n  ]'},\n  "summary": ${tail}\n}\n`);
};

export const formatJson: Formatter = toText(writeJson);
