// The safe fixes of one object as an RFC 6902 JSON Patch, for those who hold the object as data rather
// than as text: an admission webhook's mutation, a `kubectl patch --type=json` for a live object. Every
// changed or removed value is guarded by a `test` of what it was, so a patch made for an older version of
// the object fails instead of editing the wrong entry. Pure: data in, operations out.

import { type FixOptions, type FixResult, type FixStep, fixSource } from './fix.js';
import type { Path, PathEdit } from './types.js';

/** One RFC 6902 operation, as capdoctor writes them (no `move` or `copy`). */
export type JsonPatchOperation =
  | { op: 'test'; path: string; value: unknown }
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

export interface ObjectPatch {
  /** Empty when nothing is to be fixed. */
  patch: JsonPatchOperation[];
  /** The object with the patch applied (the input itself when the patch is empty). */
  fixed: unknown;
  /** What the fix engine did, and what it left alone and why (findings of the fixed object included). */
  fix: FixResult;
}

/**
 * The JSON Patch that applies `capdoctor fix`'s safe fixes (never its suggestions) to one object, e.g. a
 * Pod or a Deployment as the API server holds it. `file` only labels findings. Suggestions are left
 * out even when `options.unsafe` is set: a patch never changes what the workload was meant to hold.
 */
export function fixPatch(object: unknown, options: FixOptions, file = 'object.json'): ObjectPatch {
  const text = JSON.stringify(object, null, 2) ?? 'null';
  const fix = fixSource(file, text, { ...options, unsafe: false, format: 'json' });
  if (!fix.changed || fix.error !== undefined) return { patch: [], fixed: object, fix };
  const { patch, result } = stepsToJsonPatch(object, fix.steps);
  return { patch, fixed: result, fix };
}

/**
 * Turns the fix engine's steps for document 0 into JSON Patch operations over `document`, which is not
 * changed. `result` is the document after them.
 */
export function stepsToJsonPatch(
  document: unknown,
  steps: readonly FixStep[],
): { patch: JsonPatchOperation[]; result: unknown } {
  let current = structuredClone(document);
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
