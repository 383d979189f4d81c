// Applies the fixes that findings carry, as text edits over the original source, in passes until
// nothing changes. A change is kept only when the re-parsed data differs from the original exactly
// at the edited paths and no selected target ends up worse off. Pure: the CLI writes the files.

import { type Direction, predict } from '../knowledge/predict.js';
import type { ResolvedTarget } from '../knowledge/targets.js';
import { type EditLocator, type EditResult, editLocator } from '../parse/edit.js';
import { parseSource, type SourceFormat } from '../parse/index.js';
import { targetsFor } from '../rules/support.js';
import { append } from './append.js';
import { type FileResult, type LintOptions, lintSource } from './engine.js';
import { type CapabilityList, extract } from './extract.js';
import { LineIndex } from './lines.js';
import { formatPath } from './path.js';
import type { Finding, Fix, PathEdit, TextEdit } from './types.js';

export interface FixOptions extends LintOptions {
  /** Also apply suggestions (changes to what a container is granted). */
  unsafe?: boolean;
  /** Only fixes from these rules. */
  only?: ReadonlySet<string>;
  maxPasses?: number;
}

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface AppliedChange {
  rule: string;
  description: string;
  path: string;
  /** Where the replaced text was in the original file, and what it was. */
  before: Position & { text: string };
  /** Where the new text is in the fixed file. */
  after: Position & { text: string };
}

export interface SkippedFix {
  rule: string;
  path: string;
  line: number;
  column: number;
  reason: string;
}

/** The path edits one pass applied to one document, in an order that applies them one after another. */
export interface FixStep {
  document: number;
  edits: PathEdit[];
}

export interface FixResult {
  file: string;
  output: string;
  changed: boolean;
  changes: AppliedChange[];
  skipped: SkippedFix[];
  /** The applied edits as data, pass by pass: each pass's paths refer to the data the pass before left. */
  steps: FixStep[];
  /** Findings of the fixed text. */
  result: FileResult;
  /** Set when the file is left untouched as a whole (it does not parse). */
  error?: string;
}

interface Candidate {
  finding: Finding;
  fix: Fix;
  edits: TextEdit[];
  /** Paths whose data may change, with what they become. */
  expected: readonly PathEdit[];
}

export function fixSource(file: string, text: string, options: FixOptions): FixResult {
  const format: SourceFormat = options.format ?? 'auto';
  const initial = lintSource(file, text, options);
  if (initial.parseErrors > 0) {
    return {
      file,
      output: text,
      changed: false,
      changes: [],
      skipped: [],
      steps: [],
      result: initial,
      error: 'the file has a parse error, so it is left as it is',
    };
  }
  let current = text;
  let result = initial;
  const changes: { rule: string; description: string; path: string; edit: TextEdit; before: string }[] = [];
  const passes: TextEdit[][] = [];
  const steps: FixStep[] = [];
  const skipped = new Map<string, SkippedFix>();
  const maxPasses = options.maxPasses ?? 8;

  for (let pass = 0; pass < maxPasses; pass++) {
    const candidates = collect(current, format, result.findings, options, skipped);
    if (candidates.length === 0) break;
    // Usually every candidate is fine; only when the batch fails are they tried one at a time,
    // each on top of those already accepted, to find the ones to skip.
    let accepted: Candidate[] = [];
    if (verify(current, format, candidates, options) === undefined) accepted = candidates;
    else {
      for (const candidate of candidates) {
        const reason = verify(current, format, [...accepted, candidate], options);
        if (reason === undefined) accepted.push(candidate);
        else skip(skipped, candidate.finding, reason);
      }
    }
    if (accepted.length === 0) break;
    const edits = accepted.flatMap((c) => c.edits).sort((a, b) => a.start - b.start);
    for (const candidate of accepted) {
      for (const edit of candidate.edits) {
        changes.push({
          rule: candidate.finding.rule,
          description: candidate.fix.description,
          path: candidate.finding.path,
          edit: { ...edit },
          before: current.slice(edit.start, edit.end),
        });
      }
    }
    passes.push(edits);
    steps.push(...stepsOf(accepted));
    current = applyEdits(current, edits);
    result = lintSource(file, current, options);
  }

  return {
    file,
    output: current,
    changed: current !== text,
    changes: describeChanges(text, current, changes, passes),
    skipped: [...skipped.values()],
    steps,
    result,
  };
}

/** Per document, the accepted path edits in the order `verify` checked them. */
function stepsOf(accepted: readonly Candidate[]): FixStep[] {
  const byDocument = new Map<number, PathEdit[]>();
  for (const candidate of accepted) {
    const document = candidate.finding.document ?? 0;
    const list = byDocument.get(document) ?? [];
    list.push(...candidate.expected);
    byDocument.set(document, list);
  }
  return [...byDocument.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([document, edits]) => ({ document, edits: inApplyOrder(edits) }));
}

/** Paths index the original lists: edit from the highest index down so that removals do not shift the rest. */
function inApplyOrder(edits: readonly PathEdit[]): PathEdit[] {
  return [...edits].sort((a, b) => lastIndex(b) - lastIndex(a));
}

function skip(skipped: Map<string, SkippedFix>, finding: Finding, reason: string): void {
  const key = `${finding.rule} ${finding.document ?? 0} ${finding.path}`;
  if (!skipped.has(key)) {
    skipped.set(key, { rule: finding.rule, path: finding.path, line: finding.line, column: finding.column, reason });
  }
}

/** Turns the findings' fixes into text edits; overlapping or unplaceable ones are skipped. */
function collect(
  text: string,
  format: SourceFormat,
  findings: readonly Finding[],
  options: FixOptions,
  skipped: Map<string, SkippedFix>,
): Candidate[] {
  const locator = editLocator(text, format);
  const out: Candidate[] = [];
  const taken: TextEdit[] = [];
  // Removals first: when a duplicate is both renamed and removed, removing it is enough.
  const ordered = [...findings].sort((a, b) => removalFirst(a) - removalFirst(b) || a.line - b.line);
  for (const finding of ordered) {
    if (options.only && !options.only.has(finding.rule)) continue;
    const fix = finding.fix ?? (options.unsafe ? finding.suggestion : undefined);
    if (!fix || skipped.has(`${finding.rule} ${finding.document ?? 0} ${finding.path}`)) continue;
    const edits: TextEdit[] = [];
    let problem: string | undefined;
    for (const pathEdit of fix.edits) {
      const located = locate(locator, finding.document ?? 0, pathEdit);
      if ('error' in located) {
        problem = `cannot edit ${formatPath(pathEdit.path)}: ${located.error}`;
        break;
      }
      edits.push(located.edit);
    }
    if (problem !== undefined) {
      skip(skipped, finding, problem);
      continue;
    }
    const unchanged = edits.every((e) => text.slice(e.start, e.end) === e.text);
    if (unchanged) continue;
    // An aliased node is edited once, at its anchor, however many findings point through it.
    const duplicate = edits.every((e) =>
      taken.some((t) => t.start === e.start && t.end === e.end && t.text === e.text),
    );
    if (duplicate) continue;
    if (edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end))) continue;
    append(taken, edits);
    out.push({ finding, fix, edits, expected: fix.edits });
  }
  return out;
}

function locate(locator: EditLocator, document: number, edit: PathEdit): EditResult {
  switch (edit.kind) {
    case 'replace-scalar':
      return locator.replaceScalar(document, edit.path, edit.value);
    case 'remove-item':
      return locator.removeItem(document, edit.path);
    case 'remove-key':
      return locator.removeKey(document, edit.path);
    case 'add-key':
      return locator.addKey(document, edit.path, edit.value);
    case 'append-items':
      return locator.appendItems(document, edit.path, edit.values);
  }
}

function removalFirst(finding: Finding): number {
  return finding.fix?.edits.some((e) => e.kind === 'remove-item') ? 0 : 1;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * Why the candidates cannot be applied together, or undefined when they can: the edited text must
 * parse, its data must equal the original's but at the edited paths, and no capability list may
 * end up worse on any selected target.
 */
function verify(
  text: string,
  format: SourceFormat,
  candidates: readonly Candidate[],
  options: FixOptions,
): string | undefined {
  const before = parseSource(text, format);
  const edited = applyEdits(
    text,
    candidates.flatMap((c) => c.edits),
  );
  const after = parseSource(edited, format);
  if (after.problems.some((p) => !p.warning)) return 'the edited text would not parse';
  if (after.documents.length !== before.documents.length) return 'the edited text would change the documents';
  for (let i = 0; i < before.documents.length; i++) {
    const original = before.documents[i];
    const changed = after.documents[i];
    if (!original || !changed) return 'the edited text would change the documents';
    const expected = structuredClone(original.value);
    const edits = candidates.filter((c) => (c.finding.document ?? 0) === original.index).flatMap((c) => c.expected);
    let target = expected;
    for (const edit of inApplyOrder(edits)) target = applyPathEdit(target, edit);
    if (!deepEqual(target, changed.value)) {
      return 'the data would change beyond the edited entries (an aliased node used elsewhere?)';
    }
    const worse = worsened(original.value, changed.value, options.targets);
    if (worse) return worse;
  }
  return undefined;
}

function lastIndex(edit: PathEdit): number {
  const last = edit.path[edit.path.length - 1];
  return typeof last === 'number' ? last : Number.POSITIVE_INFINITY;
}

function applyPathEdit(root: unknown, edit: PathEdit): unknown {
  if (edit.path.length === 0) return edit.kind === 'replace-scalar' ? edit.value : root;
  const parentPath = edit.path.slice(0, -1);
  const last = edit.path[edit.path.length - 1] as string | number;
  let parent: unknown = root;
  for (const seg of parentPath) {
    if (parent === null || typeof parent !== 'object') return root;
    parent = (parent as Record<string | number, unknown>)[seg];
  }
  if (parent === null || typeof parent !== 'object') return root;
  const container = parent as Record<string | number, unknown>;
  switch (edit.kind) {
    case 'replace-scalar':
      container[last] = edit.value;
      break;
    case 'remove-item':
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      break;
    case 'remove-key':
      delete container[last];
      break;
    case 'add-key':
      container[last] = structuredClone(edit.value);
      break;
    case 'append-items': {
      const list = container[last];
      if (Array.isArray(list)) append(list, edit.values);
      break;
    }
  }
  return root;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) return String(a) === String(b);
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Per target: which capabilities a list applies, and how many of its entries make the container fail. */
function effect(
  list: CapabilityList,
  targets: readonly ResolvedTarget[],
): Map<string, { applied: Set<string>; failing: number }> {
  const out = new Map<string, { applied: Set<string>; failing: number }>();
  for (const target of targets) {
    const applied = new Set<string>();
    let failing = 0;
    for (const entry of list.entries) {
      if (typeof entry.value !== 'string') continue;
      const prediction = predict(target, list.direction as Direction, entry.value);
      if (prediction.outcome === 'rejected') failing++;
      if (prediction.outcome === 'applied') applied.add(prediction.capability ?? entry.value.trim().toUpperCase());
    }
    out.set(target.id, { applied, failing });
  }
  return out;
}

/** A reason when some list now applies less, or fails more, on some target than before. */
function worsened(before: unknown, after: unknown, targets: readonly ResolvedTarget[]): string | undefined {
  const listsAfter = new Map<string, CapabilityList>();
  for (const owner of extract(after).owners)
    for (const list of owner.lists) listsAfter.set(JSON.stringify(list.path), list);
  for (const owner of extract(before).owners) {
    const selected = targetsFor(targets, owner);
    for (const list of owner.lists) {
      const changed = listsAfter.get(JSON.stringify(list.path));
      if (!changed) continue;
      const was = effect(list, selected);
      const now = effect(changed, selected);
      for (const target of selected) {
        const a = was.get(target.id);
        const b = now.get(target.id);
        if (!a || !b) continue;
        const lost = [...a.applied].filter((c) => !b.applied.has(c));
        if (lost.length > 0)
          return `on ${target.id} it would stop applying ${lost.join(', ')} in ${formatPath(list.path)}`;
        if (b.failing > a.failing) return `on ${target.id} it would make the container fail (${formatPath(list.path)})`;
      }
    }
  }
  return undefined;
}

/** Positions of each change in the original and in the fixed text, mapping offsets across passes. */
function describeChanges(
  original: string,
  fixed: string,
  changes: readonly { rule: string; description: string; path: string; edit: TextEdit; before: string }[],
  passes: readonly TextEdit[][],
): AppliedChange[] {
  const before = new LineIndex(original);
  const after = new LineIndex(fixed);
  const position = (lines: LineIndex, start: number, end: number): Position => {
    const s = lines.position(start);
    const e = lines.position(end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  // Edits of pass k are in the coordinates of the text after pass k-1.
  let pass = 0;
  let seen = 0;
  const sizes = passes.map((p) => p.length);
  return changes.map((change) => {
    while (pass < sizes.length && seen >= (sizes[pass] ?? 0)) {
      seen = 0;
      pass++;
    }
    seen++;
    let start = change.edit.start;
    for (let p = pass - 1; p >= 0; p--) start = mapBack(start, passes[p] ?? []);
    const origEnd = start + change.before.length;
    let newStart = change.edit.start;
    for (let p = pass; p < passes.length; p++) newStart = mapForward(newStart, passes[p] ?? []);
    const newEnd = newStart + change.edit.text.length;
    return {
      rule: change.rule,
      description: change.description,
      path: change.path,
      before: { ...position(before, start, origEnd), text: change.before },
      after: { ...position(after, newStart, newEnd), text: change.edit.text },
    };
  });
}

/** An offset before a pass's edits → after them (edits of a pass never overlap). */
function mapForward(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of edits) if (edit.start < offset) delta += edit.text.length - (edit.end - edit.start);
  return offset + delta;
}

function mapBack(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of edits) {
    const newStart = edit.start + delta;
    if (newStart + edit.text.length <= offset) delta += edit.text.length - (edit.end - edit.start);
  }
  return offset - delta;
}
