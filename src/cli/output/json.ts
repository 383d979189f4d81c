import { explanationParts } from '../../core/explanation.js';
import type { Evidence, Finding, Fix, ObjectRef, PathEdit, TargetOutcome } from '../../core/types.js';
import { rememberedEscape, splitsPair } from './repeating.js';
import { type Formatter, type OnePassFormatter, type Summary, toText, type Write } from './types.js';

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

/**
 * `"key": value` as `JSON.stringify(…, null, 2)` writes a property at `indent`, after `sep` (the comma of
 * the previous one, if any); nothing for an undefined value, which JSON.stringify leaves out.
 */
function property(sep: string, indent: string, key: string, value: unknown): string {
  if (value === undefined) return '';
  // Keys are the report's own names, which need no escaping.
  return `${sep}\n${indent}"${key}": ${typeof value === 'string' ? quote(value) : JSON.stringify(value)}`;
}

/** A number as JSON.stringify writes it. */
export function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/** What JSON.stringify must escape in a string: quotes, backslashes, controls and lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find.
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`; a string with nothing to escape (most) is only put in quotes. */
export function quote(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** A nested value written by JSON.stringify, its lines indented for `indent`. */
function nested(sep: string, indent: string, key: string, value: unknown): string {
  return `${sep}\n${indent}"${key}": ${JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`)}`;
}

const IN_FINDING = '      ';
const IN_OBJECT = '        ';

/** The inside of a JSON string that holds `text`. */
export function escapeInner(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

const escapedRepeating = rememberedEscape(escapeInner);
/** The message and the start of the explanation after it: one piece per message. */
const messageThenExplanation = rememberedEscape(
  (message) => `${escapeInner(message)}",\n${IN_FINDING}"explanation": "`,
);

/**
 * One finding as `JSON.stringify(output, null, 2)` writes it inside the `findings` array (the same keys,
 * in `toJsonFinding`'s order), written directly: JSON.stringify with indentation, over a copy of each
 * finding, was most of the cost of the report. An explanation given in parts is written part by part,
 * each shared part as it was escaped and encoded for the findings before.
 */
function writeFinding(finding: Finding, write: Write): void {
  let out = `    {\n${IN_FINDING}"rule": ${quote(finding.rule)},\n${IN_FINDING}"severity": ${quote(finding.severity)},\n${IN_FINDING}"message": "`;
  write(out);
  // Each piece ends inside a string the next one closes: the message, or the explanation after it.
  const explanation = finding.explanation;
  const parts = explanation ? explanationParts(finding) : undefined;
  if (parts && !splitsPair(parts)) {
    write(messageThenExplanation(finding.message), true);
    for (const part of parts) write(escapedRepeating(part), true);
  } else {
    write(escapedRepeating(finding.message), true);
    if (explanation) write(`",\n${IN_FINDING}"explanation": ${quote(explanation).slice(0, -1)}`);
  }
  // Every finding has these: each property after the first is preceded by a comma.
  out =
    `",\n${IN_FINDING}"file": ${quote(finding.file)},\n${IN_FINDING}"line": ${number(finding.line)},` +
    `\n${IN_FINDING}"column": ${number(finding.column)},\n${IN_FINDING}"endLine": ${number(finding.endLine)},` +
    `\n${IN_FINDING}"endColumn": ${number(finding.endColumn)},\n${IN_FINDING}"path": "${escapedRepeating(finding.path)}"`;
  const ref = finding.object;
  if (ref) {
    let object = '';
    let inner = '';
    for (const key of ['apiVersion', 'kind', 'namespace', 'name'] as const) {
      const text = property(inner, IN_OBJECT, key, ref[key]);
      if (text) {
        object += text;
        inner = ',';
      }
    }
    if (object) out += `,\n${IN_FINDING}"object": {${object}\n${IN_FINDING}}`;
  }
  if (finding.container !== undefined) out += property(',', IN_FINDING, 'container', finding.container);
  const targets = finding.targets;
  if (targets) out += `,\n${IN_FINDING}"targets": ${targetsText(targets)}`;
  if (finding.fix) out += `,\n${IN_FINDING}"fix": ${fixText(finding.fix)}`;
  if (finding.suggestion) out += `,\n${IN_FINDING}"suggestion": ${fixText(finding.suggestion)}`;
  if (finding.evidence) {
    const evidence = finding.evidence.map((e) => ({
      text: e.text,
      label: e.label,
      path: e.path,
      line: e.line,
      column: e.column,
    }));
    out += nested(',', IN_FINDING, 'evidence', evidence);
  }
  write(`${out}\n    }`);
}

// The same fix at the same path of many documents is one object (the engine shares them): its text is
// made once, indented for its place in a finding.
const fixTexts = new WeakMap<Fix, string>();

function fixText(f: Fix): string {
  let text = fixTexts.get(f);
  if (text === undefined) {
    text = JSON.stringify(fix(f), null, 2).replaceAll('\n', `\n${IN_FINDING}`);
    fixTexts.set(f, text);
  }
  return text;
}

// Findings about the same answer share their per-target array (see toTargetOutcomes): its text is made
// once, indented for its place in a finding of the report.
const targetsTexts = new WeakMap<readonly TargetOutcome[], string>();

function targetsText(targets: readonly TargetOutcome[]): string {
  let text = targetsTexts.get(targets);
  if (text === undefined) {
    const copy = targets.map((t) => ({
      target: t.target,
      outcome: t.outcome,
      detail: t.detail,
      ...(t.legacy ? { legacy: true as const } : {}),
    }));
    text = JSON.stringify(copy, null, 2).replaceAll('\n', `\n${IN_FINDING}`);
    targetsTexts.set(targets, text);
  }
  return text;
}

export const writeJson: OnePassFormatter = (report, _options, write) => {
  // Written finding by finding, as JSON.stringify(output, null, 2) would: a large report then never
  // holds a copy of every finding or the whole text.
  write(`{\n  "version": ${JSON_VERSION},\n  "findings": `);
  let first = true;
  for (const file of report.files) {
    for (const finding of file.findings) {
      write(first ? '[\n' : ',\n');
      writeFinding(finding, write);
      first = false;
    }
  }
  const { files, documents, errors, warnings, infos } = report.summary;
  const summary: Summary = { files, documents, errors, warnings, infos };
  const tail = JSON.stringify(summary, null, 2).replaceAll('\n', '\n  ');
  write(`${first ? '[]' : '\n  ]'},\n  "summary": ${tail}\n}\n`);
};

export const formatJson: Formatter = toText(writeJson);
