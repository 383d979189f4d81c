// The safe fixes of one object as an RFC 6902 JSON Patch, for those who hold the object as data rather
// than as text: an admission webhook's mutation, a `kubectl patch --type=json` for a live object. Every
// changed or removed value is guarded by a `test` of what it was, so a patch made for an older version of
// the object fails instead of editing the wrong entry. Pure: data in, operations out.

import { append } from '../util/append.js';
import { type FileResult, lintObject } from './engine.js';
import { applyPathEdit, cloneTree, deepEqual, type FixOptions, type FixStep, inApplyOrder, worsened } from './fix.js';
import type { Finding, Fix, Path, PathEdit, PathSegment } from './types.js';

/** One RFC 6902 operation, as capdoctor writes them (no `move` or `copy`). */
export type JsonPatchOperation =
  | { op: 'test'; path: string; value: unknown }
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** A fix applied to the object: which rule, what it did, and the finding's path. */
export interface ObjectChange {
  rule: string;
  description: string;
  path: string;
}

/** A fix left out, and why. */
export interface ObjectSkip {
  rule: string;
  path: string;
  reason: string;
}

export interface ObjectFix {
  /** One entry per edit applied, pass after pass. */
  changes: ObjectChange[];
  skipped: ObjectSkip[];
  /** The applied edits as data, pass by pass: each pass's paths refer to the data the pass before left. */
  steps: FixStep[];
  /** Findings of the fixed object. */
  result: FileResult;
}

export interface ObjectPatch {
  /** Empty when nothing is to be fixed. */
  patch: JsonPatchOperation[];
  /** The object with the patch applied (the input itself when the patch is empty). */
  fixed: unknown;
  /** What was done, what was left alone and why, and the findings of the fixed object. */
  fix: ObjectFix;
}

/**
 * The JSON Patch that applies `capdoctor fix`'s safe fixes (never its suggestions) to one object, e.g. a
 * Pod or a Deployment as the API server holds it. `file` only labels findings. Suggestions are left
 * out even when `options.unsafe` is set: a patch never changes what the workload was meant to hold.
 *
 * The fixes are applied to the data, by the rules the text fix engine (src/core/fix.ts) follows for a
 * JSON text: the same order, the same overlaps, the same refusals, the same check that no target ends up
 * worse, pass after pass until nothing is left to fix. The result is the object `capdoctor fix` writes for
 * the object printed as JSON (the tests hold the two against each other), without printing, editing and
 * parsing text. `initial`, when given, is `lintObject(file, object, options)` already run by the caller.
 */
export function fixPatch(
  object: unknown,
  options: FixOptions,
  file = 'object.json',
  initial?: FileResult,
): ObjectPatch {
  let result = initial ?? lintObject(file, object, options);
  const none = (): ObjectPatch => ({ patch: [], fixed: object, fix: { changes: [], skipped: [], steps: [], result } });
  if (!result.findings.some((f) => f.fix !== undefined && (!options.only || options.only.has(f.rule)))) return none();
  let current = cloneTree(object);
  const changes: ObjectChange[] = [];
  const skipped = new Map<string, ObjectSkip>();
  const steps: FixStep[] = [];
  const patch: JsonPatchOperation[] = [];
  const maxPasses = options.maxPasses ?? 8;
  for (let pass = 0; pass < maxPasses; pass++) {
    const candidates = collect(current, result.findings, options, skipped);
    if (candidates.length === 0) break;
    // As the text engine does: the batch at once, and one at a time only when the batch fails.
    let accepted: Candidate[] = candidates;
    if (refusal(current, candidates, options) !== undefined) {
      accepted = [];
      for (const candidate of candidates) {
        const reason = refusal(current, [...accepted, candidate], options);
        if (reason === undefined) accepted.push(candidate);
        else skip(skipped, candidate.finding, reason);
      }
    }
    if (accepted.length === 0) break;
    for (const candidate of accepted) {
      for (const _ of candidate.fix.edits) {
        changes.push({
          rule: candidate.finding.rule,
          description: candidate.fix.description,
          path: candidate.finding.path,
        });
      }
    }
    const edits = inApplyOrder(accepted.flatMap((c) => c.expected));
    steps.push({ document: 0, edits });
    // The operations are worked out on the copy as it changes (as `stepsToJsonPatch` does on one of its own).
    for (const edit of edits) {
      const ops = operationsFor(current, edit);
      append(patch, ops);
      current = applyOperations(current, ops);
    }
    result = lintObject(file, current, options);
  }
  if (steps.length === 0) return { ...none(), fix: { changes, skipped: [...skipped.values()], steps, result } };
  return { patch, fixed: current, fix: { changes, skipped: [...skipped.values()], steps, result } };
}

interface Candidate {
  finding: Finding;
  fix: Fix;
  /** The edits as the fix engine expects them to show in the data (those of merged findings included). */
  expected: PathEdit[];
}

function skip(skipped: Map<string, ObjectSkip>, finding: Finding, reason: string): void {
  const key = `${finding.rule} ${finding.path}`;
  if (!skipped.has(key)) skipped.set(key, { rule: finding.rule, path: finding.path, reason });
}

/**
 * The findings' fixes that apply to `data` this pass, in the text engine's order (removals first, then
 * where the finding is in the printed object). An edit that cannot be made, or that touches what an
 * earlier one took, waits or is skipped, as the same edit of the JSON text would.
 */
function collect(
  data: unknown,
  findings: readonly Finding[],
  options: FixOptions,
  skipped: Map<string, ObjectSkip>,
): Candidate[] {
  const order = new Map(findings.map((f) => [f, place(data, f.path)]));
  const ordered = [...findings].sort(
    (a, b) => removalFirst(a) - removalFirst(b) || comparePlaces(order.get(a) as Place, order.get(b) as Place),
  );
  const out: Candidate[] = [];
  const taken = new Map<string, Candidate>();
  const exact = new Map<string, Candidate>();
  for (const finding of ordered) {
    if (options.only && !options.only.has(finding.rule)) continue;
    const fix = finding.fix;
    if (!fix || skipped.has(`${finding.rule} ${finding.path}`)) continue;
    let problem: string | undefined;
    const claims: string[][] = [];
    let unchanged = true;
    for (const edit of fix.edits) {
      const checked = check(data, edit);
      if ('error' in checked) {
        problem = `cannot edit ${finding.path || 'the object'}: ${checked.error}`;
        break;
      }
      claims.push(checked.claims);
      if (!checked.unchanged) unchanged = false;
    }
    if (problem !== undefined) {
      skip(skipped, finding, problem);
      continue;
    }
    if (unchanged) continue;
    // The same edits as a candidate already has: made once (the text engine keys them by their text).
    const keys = fix.edits.map(editKey);
    const same = exact.get(keys[0] as string);
    if (same && keys.every((k) => exact.get(k) === same)) {
      same.expected.push(...fix.edits);
      continue;
    }
    if (claims.some((c) => c.some((part) => overlaps(taken, part)))) continue;
    const candidate: Candidate = { finding, fix, expected: [...fix.edits] };
    for (const c of claims) for (const part of c) taken.set(part, candidate);
    for (const key of keys) exact.set(key, candidate);
    out.push(candidate);
  }
  return out;
}

function removalFirst(finding: Finding): number {
  return finding.fix?.edits.some((e) => e.kind === 'remove-item') ? 0 : 1;
}

function editKey(edit: PathEdit): string {
  return JSON.stringify(edit);
}

/**
 * What an edit of the printed JSON would cover, as claims: `n` + pointer for a node, `g` + list pointer +
 * index for the separator before that item. Two edits overlap when one's node claim is an ancestor or a
 * descendant of the other's, or they claim the same separator (removing items 0 and 1 at once).
 * Insertions (a new key, appended items) claim nothing but overlap their container's ancestors' claims.
 */
function check(data: unknown, edit: PathEdit): { claims: string[]; unchanged: boolean } | { error: string } {
  const at = nodeAt(data, edit.path);
  const node = `n${jsonPointer(edit.path)}`;
  switch (edit.kind) {
    case 'replace-scalar':
      if (!at.found) return { error: 'the node is not in the document' };
      if (typeof at.value !== 'string') return { error: 'not a string' };
      return { claims: [node], unchanged: at.value === edit.value };
    case 'remove-item': {
      if (!at.found) return { error: 'the node is not in the document' };
      const index = edit.path[edit.path.length - 1];
      const list = nodeAt(data, edit.path.slice(0, -1)).value;
      if (!Array.isArray(list) || typeof index !== 'number') return { error: 'not an array item' };
      if (list.length < 2) return { error: 'removing the only item would leave an empty list' };
      // The item goes with the separator before it, or after it when it is the first.
      const gap = `g${jsonPointer(edit.path.slice(0, -1))}/${index > 0 ? index : 1}`;
      return { claims: [node, gap], unchanged: false };
    }
    case 'remove-key':
      if (!at.found) return { error: 'the node is not in the document' };
      return { claims: [node], unchanged: false };
    case 'add-key': {
      const parent = nodeAt(data, edit.path.slice(0, -1));
      if (!parent.found) return { error: 'the node is not in the document' };
      if (!isMapping(parent.value)) return { error: 'not an object' };
      if (at.found) return { error: 'the key is already there' };
      return { claims: [`i${jsonPointer(edit.path.slice(0, -1))}`], unchanged: false };
    }
    case 'append-items':
      if (!at.found) return { error: 'the node is not in the document' };
      if (!Array.isArray(at.value)) return { error: 'not an array' };
      if (edit.values.length === 0) return { error: 'nothing to change' };
      return { claims: [`i${jsonPointer(edit.path)}`], unchanged: false };
  }
}

/** Whether a claim overlaps one already taken (see `check`). */
function overlaps(taken: ReadonlyMap<string, Candidate>, claim: string): boolean {
  const kind = claim[0];
  const pointer = claim.slice(1);
  if (kind === 'g') return taken.has(claim) || ancestorTaken(taken, pointer.slice(0, pointer.lastIndexOf('/')), true);
  if (kind === 'i') return ancestorTaken(taken, pointer, true);
  // A node: taken itself, an ancestor taken, or something inside it taken (an edit, a separator, an insertion).
  if (ancestorTaken(taken, pointer, true)) return true;
  for (const other of taken.keys()) {
    if (other === `i${pointer}` || other.slice(1).startsWith(`${pointer}/`)) return true;
  }
  return false;
}

/** A node claim on `pointer` or any of its ancestors (when `self`, itself included). */
function ancestorTaken(taken: ReadonlyMap<string, Candidate>, pointer: string, self: boolean): boolean {
  let at = pointer;
  if (!self) at = at.slice(0, Math.max(0, at.lastIndexOf('/')));
  for (;;) {
    if (taken.has(`n${at}`)) return true;
    if (at === '') return false;
    at = at.slice(0, at.lastIndexOf('/'));
  }
}

/**
 * Why the candidates cannot be applied together, or undefined when they can: the text engine's check
 * (src/core/fix.ts `verify`) for data that has no aliases. The data each edit is expected to give must be
 * the data the edits give when each is made once, and no capability list may end up worse on any target.
 */
function refusal(data: unknown, candidates: readonly Candidate[], options: FixOptions): string | undefined {
  let made = cloneTree(data);
  for (const edit of inApplyOrder(candidates.flatMap((c) => c.fix.edits))) made = applyPathEdit(made, edit);
  // Only a finding merged into another's edits makes the expected data differ from the data made.
  if (candidates.some((c) => c.expected.length > c.fix.edits.length)) {
    let expected = cloneTree(data);
    for (const edit of inApplyOrder(candidates.flatMap((c) => c.expected))) expected = applyPathEdit(expected, edit);
    if (!deepEqual(expected, made)) {
      return 'the edit would also change data outside the edited entries (a YAML anchor used elsewhere too)';
    }
  }
  return worsened(data, made, options.targets);
}

/** Where a finding's node is in the object printed as JSON, to order findings as their lines would. */
interface Place {
  /** Per step of the path that exists in the data: the index of the key or item in its parent. */
  steps: number[];
  /** 0 when the path goes on below an existing key (located at that key, before its value), else 1. */
  rank: number;
}

function place(data: unknown, formatted: string): Place {
  const path = parsePath(formatted);
  const steps: number[] = [];
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number' && segment >= 0 && segment < node.length) {
      steps.push(segment);
      node = node[segment];
    } else if (isMapping(node) && typeof segment === 'string' && Object.hasOwn(node, segment)) {
      steps.push(Object.keys(node).indexOf(segment));
      node = node[segment];
    } else {
      // Missing below a property: located at its key, before where its value starts.
      const last = path[steps.length - 1];
      return { steps, rank: typeof last === 'string' ? 0 : 1 };
    }
  }
  return { steps, rank: 1 };
}

function comparePlaces(a: Place, b: Place): number {
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    const d = (a.steps[i] as number) - (b.steps[i] as number);
    if (d !== 0) return d;
  }
  if (a.steps.length !== b.steps.length) return a.steps.length - b.steps.length;
  return a.rank - b.rank;
}

/** A path back from its formatted form (src/core/path.ts `formatPath`). */
function parsePath(text: string): Path {
  const out: PathSegment[] = [];
  const step = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < text.length) {
    step.lastIndex = at;
    const match = step.exec(text);
    if (!match) break;
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else out.push(JSON.parse(match[3] as string) as string);
    at = step.lastIndex;
  }
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nodeAt(root: unknown, path: Path): { found: boolean; value?: unknown } {
  return valueAt(root, path);
}

/**
 * Turns the fix engine's steps for document 0 into JSON Patch operations over `document`, which is not
 * changed. `result` is the document after them.
 */
export function stepsToJsonPatch(
  document: unknown,
  steps: readonly FixStep[],
): { patch: JsonPatchOperation[]; result: unknown } {
  // A fresh tree: the operations are for JSON, where no node is shared with another.
  let current = cloneTree(document);
  const patch: JsonPatchOperation[] = [];
  for (const step of steps) {
    if (step.document !== 0) continue;
    for (const edit of step.edits) {
      const ops = operationsFor(current, edit);
      patch.push(...ops);
      current = applyOperations(current, ops);
    }
  }
  return { patch, result: current };
}

/** A JSON Pointer (RFC 6901) for a path. */
export function jsonPointer(path: Path): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function valueAt(root: unknown, path: Path): { found: boolean; value?: unknown } {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number' && segment >= 0 && segment < node.length) {
      node = node[segment];
    } else if (
      node !== null &&
      typeof node === 'object' &&
      !Array.isArray(node) &&
      Object.hasOwn(node as object, segment)
    ) {
      node = (node as Record<string, unknown>)[String(segment)];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

function operationsFor(current: unknown, edit: PathEdit): JsonPatchOperation[] {
  const pointer = jsonPointer(edit.path);
  const old = valueAt(current, edit.path);
  switch (edit.kind) {
    case 'replace-scalar':
      if (!old.found || old.value === edit.value) return [];
      return [
        { op: 'test', path: pointer, value: old.value },
        { op: 'replace', path: pointer, value: edit.value },
      ];
    case 'remove-item':
    case 'remove-key':
      if (!old.found) return [];
      return [
        { op: 'test', path: pointer, value: old.value },
        { op: 'remove', path: pointer },
      ];
    case 'add-key':
      // A test cannot say "absent"; `add` onto an existing key would replace it, so the engine's rule
      // (the key is missing) is checked here against the data.
      if (old.found) return [];
      return [{ op: 'add', path: pointer, value: structuredClone(edit.value) }];
    case 'append-items':
      if (!old.found || !Array.isArray(old.value)) return [];
      return [
        { op: 'test', path: pointer, value: structuredClone(old.value) },
        ...edit.values.map((value): JsonPatchOperation => ({ op: 'add', path: `${pointer}/-`, value })),
      ];
  }
}

/** Applies operations this module wrote (so their paths exist) to a copy the caller owns. */
function applyOperations(root: unknown, ops: readonly JsonPatchOperation[]): unknown {
  for (const op of ops) {
    if (op.op === 'test') continue;
    const segments = op.path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop() as string;
    const parent = valueAt(root, segments.map(asSegment)).value as Record<string, unknown> | unknown[];
    if (Array.isArray(parent)) {
      if (op.op === 'remove') parent.splice(Number(last), 1);
      else if (last === '-') parent.push(structuredClone(op.value));
      else parent[Number(last)] = structuredClone(op.value);
    } else if (op.op === 'remove') {
      delete parent[last];
    } else {
      parent[last] = structuredClone(op.value);
    }
  }
  return root;
}

function asSegment(text: string): string | number {
  return /^(0|[1-9][0-9]*)$/.test(text) ? Number(text) : text;
}
