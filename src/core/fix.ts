// Applies the fixes that findings carry, as text edits over the original source, in passes until
// nothing changes. A change is kept only when the re-parsed data differs from the original exactly
// at the edited paths and no selected target ends up worse off. Pure: the CLI writes the files.

import { type Direction, predict } from '../knowledge/predict.js';
import type { ResolvedTarget } from '../knowledge/targets.js';
import { type EditLocator, type EditResult, editLocator } from '../parse/edit.js';
import { splitDocuments } from '../parse/fast.js';
import { parseSource, type SourceFormat } from '../parse/index.js';
import { targetsFor } from '../rules/support.js';
import { append } from '../util/append.js';
import { type FileResult, type LintOptions, lintSource } from './engine.js';
import { type CapabilityList, extract } from './extract.js';
import { LineIndex } from './lines.js';
import { formatPath } from './path.js';
import type { Finding, Fix, Path, PathEdit, TextEdit } from './types.js';

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
  expected: PathEdit[];
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
    // Checked a document at a time where the text splits into documents: a failing batch is then
    // retried within its document only, and no pass parses the whole stream at once.
    const accepted: Candidate[] = [];
    for (const group of verifyGroups(current, format, candidates)) {
      if (verify(group.text, format, group.candidates, options) === undefined) {
        for (const candidate of group.candidates) accepted.push(group.original.get(candidate) as Candidate);
        continue;
      }
      const ok: Candidate[] = [];
      for (const candidate of group.candidates) {
        const reason = verify(group.text, format, [...ok, candidate], options);
        if (reason === undefined) ok.push(candidate);
        else skip(skipped, candidate.finding, reason);
      }
      for (const candidate of ok) accepted.push(group.original.get(candidate) as Candidate);
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
    append(steps, stepsOf(accepted));
    current = applyEdits(current, edits);
    result = lintSource(file, current, options);
  }

  return {
    file,
    output: current,
    changed: current !== text,
    changes: describeChanges(text, current, changes, passes),
    skipped: distinctPlaces(skipped.values()),
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
    append(list, candidate.expected);
    byDocument.set(document, list);
  }
  return [...byDocument.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([document, edits]) => ({ document, edits: inApplyOrder(edits) }));
}

/** Paths index the original lists: edit from the highest index down so that removals do not shift the rest. */
export function inApplyOrder(edits: readonly PathEdit[]): PathEdit[] {
  return [...edits].sort((a, b) => lastIndex(b) - lastIndex(a));
}

interface VerifyGroup {
  /** The text the candidates are checked against: the whole text, or one document of it. */
  text: string;
  candidates: Candidate[];
  /** Each candidate of `candidates` → the candidate it stands for (edits in the whole text). */
  original: Map<Candidate, Candidate>;
}

/**
 * The candidates grouped by document, each with its document's text and edits moved into it; one
 * group over the whole text when the text does not split into documents (JSON, directives).
 */
function verifyGroups(text: string, format: SourceFormat, candidates: readonly Candidate[]): VerifyGroup[] {
  const whole = (): VerifyGroup[] => [
    { text, candidates: [...candidates], original: new Map(candidates.map((c) => [c, c])) },
  ];
  const chunks = format === 'json' || /^\uFEFF?\s*[[{]/.test(text) ? undefined : splitDocuments(text);
  if (!chunks || chunks.length < 2) return whole();
  const byIndex = new Map(chunks.map((chunk) => [chunk.index, chunk]));
  const groups = new Map<number, VerifyGroup>();
  for (const candidate of candidates) {
    const index = candidate.finding.document ?? 0;
    const chunk = byIndex.get(index);
    if (!chunk || candidate.edits.some((e) => e.start < chunk.contentStart || e.end > chunk.end)) return whole();
    let group = groups.get(index);
    if (!group) {
      group = { text: text.slice(chunk.start, chunk.end), candidates: [], original: new Map() };
      groups.set(index, group);
    }
    const moved: Candidate = {
      ...candidate,
      finding: { ...candidate.finding, document: 0 },
      edits: candidate.edits.map((e) => ({ ...e, start: e.start - chunk.start, end: e.end - chunk.start })),
    };
    group.candidates.push(moved);
    group.original.set(moved, candidate);
  }
  return [...groups.values()];
}

function skip(skipped: Map<string, SkippedFix>, finding: Finding, reason: string): void {
  const key = `${finding.rule} ${finding.document ?? 0} ${finding.path}`;
  if (!skipped.has(key)) {
    skipped.set(key, { rule: finding.rule, path: finding.path, line: finding.line, column: finding.column, reason });
  }
}

/** One message per place: findings that reach the same entry through an alias or merge key share it. */
function distinctPlaces(skipped: Iterable<SkippedFix>): SkippedFix[] {
  const seen = new Set<string>();
  const out: SkippedFix[] = [];
  for (const s of skipped) {
    const key = `${s.rule} ${s.line}:${s.column} ${s.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
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
  const taken = new TakenRanges();
  // A document at a time (the locator parses one at a time); in each, removals first: when a duplicate
  // is both renamed and removed, removing it is enough.
  const ordered = [...findings].sort(
    (a, b) => (a.document ?? 0) - (b.document ?? 0) || removalFirst(a) - removalFirst(b) || a.line - b.line,
  );
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
    // Its paths are expected to change too (the other places the alias or merge key shows the node).
    const same = taken.candidateOf(edits);
    if (same) {
      if (same.finding.document === finding.document) for (const e of fix.edits) same.expected.push(e);
      continue;
    }
    if (edits.some((e) => taken.overlaps(e))) continue;
    const candidate: Candidate = { finding, fix, edits, expected: [...fix.edits] };
    for (const edit of edits) taken.add(edit, candidate);
    out.push(candidate);
  }
  return out;
}

/** Text ranges already claimed by an edit, sorted by start, for overlap checks in logarithmic time. */
class TakenRanges {
  private readonly edits: TextEdit[] = [];
  private readonly exact = new Map<string, Candidate>();

  /** The candidate that already makes exactly these edits, if one does. */
  candidateOf(edits: readonly TextEdit[]): Candidate | undefined {
    let found: Candidate | undefined;
    for (const edit of edits) {
      const candidate = this.exact.get(`${edit.start}:${edit.end}:${edit.text}`);
      if (!candidate || (found && found !== candidate)) return undefined;
      found = candidate;
    }
    return found;
  }

  /** Index of the first edit starting at or after `start`. */
  private lowerBound(start: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.edits[mid] as TextEdit).start < start) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  overlaps(edit: TextEdit): boolean {
    const at = this.lowerBound(edit.start);
    // Taken edits do not overlap each other, so their ends grow with their starts: on the left only
    // the one just before can reach into this edit; on the right, those starting inside it.
    const before = this.edits[at - 1];
    if (before && edit.start < before.end && before.start < edit.end) return true;
    for (let i = at; i < this.edits.length; i++) {
      const t = this.edits[i] as TextEdit;
      if (t.start >= edit.end) break;
      if (edit.start < t.end) return true;
    }
    return false;
  }

  add(edit: TextEdit, candidate: Candidate): void {
    this.exact.set(`${edit.start}:${edit.end}:${edit.text}`, candidate);
    const last = this.edits[this.edits.length - 1];
    if (!last || last.start <= edit.start) this.edits.push(edit);
    else this.edits.splice(this.lowerBound(edit.start), 0, edit);
  }
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
    // A fresh tree, not structuredClone: that keeps an aliased node shared, and editing it in the
    // expected data would change every place the alias is used, hiding the change there.
    const expected = cloneTree(original.value);
    const edits = candidates.filter((c) => (c.finding.document ?? 0) === original.index).flatMap((c) => c.expected);
    let target = expected;
    for (const edit of inApplyOrder(edits)) target = applyPathEdit(target, edit);
    if (!deepEqual(target, changed.value)) {
      // Besides the edited entries, only an anchor held in a top-level `x-` extension field (where
      // Compose and templated manifests keep what they share) may change: there the edit is made, and
      // nothing reads it. A use of the anchor elsewhere, or an anchor that is itself read (an
      // annotation, a label), may not.
      const locator = editLocator(text, format);
      const places = differences(target, changed.value);
      const holder = (path: Path) =>
        typeof path[0] === 'string' && path[0].startsWith('x-') && locator.throughAlias(original.index, path) === false;
      if (places === undefined || !places.every(holder)) {
        return 'the edit would also change data outside the edited entries (a YAML anchor used elsewhere too)';
      }
    }
    const worse = worsened(original.value, changed.value, options.targets);
    if (worse) return worse;
  }
  return undefined;
}

/** Paths where two data trees differ (at most 100; undefined beyond, or where only one has a node). */
function differences(a: unknown, b: unknown): Path[] | undefined {
  const out: Path[] = [];
  const stack: { a: unknown; b: unknown; path: Path }[] = [{ a, b, path: [] }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (deepEqual(top.a, top.b)) continue;
    const bothLists = Array.isArray(top.a) && Array.isArray(top.b);
    const bothMaps =
      !bothLists &&
      typeof top.a === 'object' &&
      typeof top.b === 'object' &&
      top.a !== null &&
      top.b !== null &&
      !Array.isArray(top.a) &&
      !Array.isArray(top.b);
    if (bothLists && (top.a as unknown[]).length === (top.b as unknown[]).length) {
      (top.a as unknown[]).forEach((item, i) => {
        stack.push({ a: item, b: (top.b as unknown[])[i], path: [...top.path, i] });
      });
    } else if (bothMaps) {
      const keys = new Set([...Object.keys(top.a as object), ...Object.keys(top.b as object)]);
      for (const key of keys) {
        const x = (top.a as Record<string, unknown>)[key];
        const y = (top.b as Record<string, unknown>)[key];
        stack.push({ a: x, b: y, path: [...top.path, key] });
      }
    } else out.push(top.path);
    if (out.length > 100) return undefined;
  }
  return out;
}

/** A copy of plain data in which no node is shared (aliases become copies). */
export function cloneTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneTree);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: cloneTree((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

function lastIndex(edit: PathEdit): number {
  const last = edit.path[edit.path.length - 1];
  return typeof last === 'number' ? last : Number.POSITIVE_INFINITY;
}

export function applyPathEdit(root: unknown, edit: PathEdit): unknown {
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
export function worsened(before: unknown, after: unknown, targets: readonly ResolvedTarget[]): string | undefined {
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
  const indexes = passes.map(passIndex);
  return changes.map((change) => {
    while (pass < sizes.length && seen >= (sizes[pass] ?? 0)) {
      seen = 0;
      pass++;
    }
    seen++;
    let start = change.edit.start;
    for (let p = pass - 1; p >= 0; p--) start = mapBack(start, indexes[p] as PassIndex);
    const origEnd = start + change.before.length;
    let newStart = change.edit.start;
    for (let p = pass; p < passes.length; p++) newStart = mapForward(newStart, indexes[p] as PassIndex);
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

/** A pass's edits in order, with the size change of the text before each, for mapping offsets. */
interface PassIndex {
  edits: TextEdit[];
  /** deltas[i]: how much longer the text is after edits[0..i). */
  deltas: number[];
}

function passIndex(edits: readonly TextEdit[]): PassIndex {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const deltas = [0];
  for (const edit of sorted)
    deltas.push((deltas[deltas.length - 1] as number) + edit.text.length - (edit.end - edit.start));
  return { edits: sorted, deltas };
}

/** The number of leading items for which `before` holds (it holds for a prefix of the list). */
function countWhile(length: number, before: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An offset before a pass's edits → after them (edits of a pass never overlap). */
function mapForward(offset: number, pass: PassIndex): number {
  const n = countWhile(pass.edits.length, (i) => (pass.edits[i] as TextEdit).start < offset);
  return offset + (pass.deltas[n] as number);
}

function mapBack(offset: number, pass: PassIndex): number {
  const n = countWhile(pass.edits.length, (i) => {
    const edit = pass.edits[i] as TextEdit;
    return edit.start + (pass.deltas[i] as number) + edit.text.length <= offset;
  });
  return offset - (pass.deltas[n] as number);
}
