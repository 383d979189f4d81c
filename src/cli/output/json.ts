import type { Evidence, Finding, Fix, ObjectRef, PathEdit, TargetOutcome } from '../../core/types.js';
import type { Formatter, Summary } from './types.js';

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

export const formatJson: Formatter = (report) => {
  const { files, documents, errors, warnings, infos } = report.summary;
  const summary: Summary = { files, documents, errors, warnings, infos };
  // Written finding by finding, as JSON.stringify(output, null, 2) would: a large report then never
  // holds a copy of every finding and the whole text at once.
  const parts: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      parts.push(`    ${JSON.stringify(toJsonFinding(finding), null, 2).replaceAll('\n', '\n    ')}`);
    }
  }
  const findings = parts.length === 0 ? '[]' : `[\n${parts.join(',\n')}\n  ]`;
  const tail = JSON.stringify(summary, null, 2).replaceAll('\n', '\n  ');
  return `{\n  "version": ${JSON_VERSION},\n  "findings": ${findings},\n  "summary": ${tail}\n}\n`;
};
