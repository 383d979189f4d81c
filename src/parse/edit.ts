// Where a fix may change the text: the exact source range of a scalar, or of a sequence item with
// the separators around it. Fixes are text edits over these ranges; nothing is re-serialised.
import { type Node as JsonNode, modify, parseTree } from 'jsonc-parser';
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parse, Scalar } from 'yaml';
import { jsonTooDeepAt } from './depth.js';
import { type Chunk, splitDocuments } from './fast.js';
import type { SourceFormat } from './index.js';
import { jsonNodeAt } from './json.js';
import type { Path, PlainValue, Range, TextEdit } from './types.js';
import { parseYamlDocuments } from './yaml.js';
import { findPair, keyMatches } from './yaml-path.js';

export interface EditLocator {
  /** The text edit that writes `value` in place of the scalar at `path`, keeping its quoting style. */
  replaceScalar(document: number, path: Path, value: string): EditResult;
  /** The text edit that removes the sequence item at `path`, with its separator or its whole line. */
  removeItem(document: number, path: Path): EditResult;
  /** Removes the key at `path` with its value (its whole lines in a block mapping). */
  removeKey(document: number, path: Path): EditResult;
  /** Adds the key `path[last]`, which must be missing, to the mapping at `path[..last]`. */
  addKey(document: number, path: Path, value: PlainValue): EditResult;
  /** Appends items to the list at `path`. */
  appendItems(document: number, path: Path, values: readonly string[]): EditResult;
  /**
   * Whether the node at `path` is reached through an alias or merge key (a use of an anchored node,
   * not the anchored node itself); undefined when the path is not in the document.
   */
  throughAlias(document: number, path: Path): boolean | undefined;
}

export type EditResult = { edit: TextEdit; aliased: boolean } | { error: string };

/** Builds a locator over the same text the findings were computed from. */
export function editLocator(text: string, format: SourceFormat): EditLocator {
  if (format === 'json' || (format === 'auto' && /^\uFEFF?\s*[[{]/.test(text))) {
    const json = jsonLocator(text);
    if (json) return json;
  }
  const chunks = splitDocuments(text);
  return chunks && chunks.length > 1 ? chunkedLocator(text, chunks) : yamlLocator(text);
}

/**
 * A YAML stream's locator that parses one document at a time, when first asked about it, and keeps
 * only the last: asked in document order, a stream of 60,000 documents is never held parsed whole.
 */
function chunkedLocator(text: string, chunks: readonly Chunk[]): EditLocator {
  const byIndex = new Map(chunks.map((chunk) => [chunk.index, chunk]));
  let current: { index: number; locator: EditLocator; offset: number } | undefined;
  const call = (document: number, ask: (locator: EditLocator) => EditResult): EditResult => {
    const chunk = byIndex.get(document);
    if (!chunk) return { error: 'the document is not in the text' };
    if (current?.index !== document) {
      // The document with the marker line that ends it, as the streaming linter reads it.
      current = {
        index: document,
        locator: yamlLocator(text.slice(chunk.start, chunk.markerEnd)),
        offset: chunk.start,
      };
    }
    const result = ask(current.locator);
    if ('error' in result) return result;
    const { edit } = result;
    const end = edit.end + current.offset;
    // An edit past the document would cross into the next one.
    if (end > chunk.end) return { error: 'the edit would reach past the document' };
    return { ...result, edit: { ...edit, start: edit.start + current.offset, end } };
  };
  return {
    replaceScalar: (document, path, value) => call(document, (l) => l.replaceScalar(0, path, value)),
    removeItem: (document, path) => call(document, (l) => l.removeItem(0, path)),
    removeKey: (document, path) => call(document, (l) => l.removeKey(0, path)),
    addKey: (document, path, value) => call(document, (l) => l.addKey(0, path, value)),
    appendItems: (document, path, values) => call(document, (l) => l.appendItems(0, path, values)),
    throughAlias: (document, path) => {
      const chunk = byIndex.get(document);
      if (!chunk) return undefined;
      if (current?.index !== document) {
        current = {
          index: document,
          locator: yamlLocator(text.slice(chunk.start, chunk.markerEnd)),
          offset: chunk.start,
        };
      }
      return current.locator.throughAlias(0, path);
    },
  };
}

// ---------------------------------------------------------------- YAML

interface Walked {
  node: Node;
  parent?: Node;
  aliased: boolean;
}

/** Walks to the node at `path`, noting whether an alias (or a merge key) was crossed. */
function walk(doc: Document.Parsed, path: Path): Walked | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let parent: Node | undefined;
  let aliased = false;
  for (const seg of path) {
    if (isAlias(node)) {
      node = node.resolve(doc) as Node | undefined;
      aliased = true;
    }
    if (!node) return undefined;
    parent = node;
    if (typeof seg === 'string' && isMap(node)) {
      const pair = findPair(doc, node, seg);
      if (!pair) return undefined;
      if (pair.merged) aliased = true;
      node = pair.value;
    } else if (typeof seg === 'number' && isSeq(node)) {
      node = node.items[seg] as Node | undefined;
    } else {
      return undefined;
    }
  }
  if (isAlias(node)) {
    node = node.resolve(doc) as Node | undefined;
    aliased = true;
  }
  if (!node) return undefined;
  return parent ? { node, parent, aliased } : { node, aliased };
}

/** True when a plain scalar `value` reads back as that same string under YAML 1.1. */
function plainIsSafe(value: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return false;
  try {
    return parse(`x: ${value}`, { version: '1.1' })?.x === value;
  } catch {
    return false;
  }
}

function yamlScalarText(node: Scalar, value: string): string | undefined {
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return JSON.stringify(value);
    case Scalar.QUOTE_SINGLE:
      return `'${value.replaceAll("'", "''")}'`;
    case Scalar.PLAIN:
      return plainIsSafe(value) ? value : JSON.stringify(value);
    default:
      return undefined;
  }
}

function isBlank(text: string, from: number, to: number): boolean {
  return /^[ \t]*$/.test(text.slice(from, to));
}

function yamlLocator(text: string): EditLocator {
  const { list, tooDeep } = parseYamlDocuments(text);
  const at = (document: number, path: Path): Walked | { error: string } => {
    const doc = list[document];
    if (!doc || doc.errors.length > 0 || tooDeep.has(document)) return { error: 'the document does not parse' };
    return walk(doc, path) ?? { error: 'the node is not in the document' };
  };
  return {
    throughAlias(document, path) {
      const walked = at(document, path);
      return 'error' in walked ? undefined : walked.aliased;
    },
    replaceScalar(document, path, value) {
      const walked = at(document, path);
      if ('error' in walked) return walked;
      const { node, aliased } = walked;
      if (!isScalar(node) || !node.range) return { error: 'not a scalar' };
      const replacement = yamlScalarText(node, value);
      if (replacement === undefined) return { error: 'a block scalar is not edited' };
      // The value range stops before a trailing comment; the comment stays.
      return { edit: { start: node.range[0], end: node.range[1], text: replacement }, aliased };
    },
    removeItem(document, path) {
      const walked = at(document, path);
      if ('error' in walked) return walked;
      const { node, parent, aliased } = walked;
      const index = path[path.length - 1];
      if (!parent || !isSeq(parent) || typeof index !== 'number' || !node.range) {
        return { error: 'not a sequence item' };
      }
      const items = parent.items as Node[];
      const range: Range = { start: node.range[0], end: node.range[1] };
      if (parent.flow) return flowRemoval(text, items, index, range, aliased);
      // Block sequence: remove the item's whole line, from its indentation to its line break.
      const dash = text.lastIndexOf('-', range.start - 1);
      const lineStart = text.lastIndexOf('\n', dash) + 1;
      if (dash < 0 || !isBlank(text, lineStart, dash) || !isBlank(text, dash + 1, range.start)) {
        return { error: 'the item shares its line with other content' };
      }
      const lineEnd = text.indexOf('\n', range.end);
      const rest = text.slice(range.end, lineEnd < 0 ? text.length : lineEnd);
      if (!/^[ \t]*(#.*)?\r?$/.test(rest)) return { error: 'the item shares its line with other content' };
      return { edit: { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, text: '' }, aliased };
    },
    removeKey(document, path) {
      const walked = at(document, path.slice(0, -1));
      if ('error' in walked) return walked;
      const { node: map, aliased } = walked;
      const key = path[path.length - 1];
      if (!isMap(map) || typeof key !== 'string') return { error: 'not a mapping key' };
      // With a duplicate key, the last pair is the one in effect.
      const index = map.items.findLastIndex((p) => isPair(p) && keyMatches(p.key, key));
      const pair = map.items[index];
      const keyRange = (pair?.key as Node | undefined)?.range;
      const valueRange = (pair?.value as Node | null | undefined)?.range;
      if (!pair || !keyRange) return { error: 'the key is not in the mapping' };
      const end = valueRange ? valueRange[1] : keyRange[1];
      if (map.flow) {
        const ranges = map.items.map((p) => ({
          start: (p.key as Node).range?.[0] ?? 0,
          end: ((p.value as Node | null)?.range ?? (p.key as Node).range)?.[1] ?? 0,
        }));
        return flowRemoval(text, ranges, index, { start: keyRange[0], end }, aliased);
      }
      const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
      if (!isBlank(text, lineStart, keyRange[0])) return { error: 'the key shares its line with other content' };
      const lineEnd = text.indexOf('\n', Math.max(end - 1, keyRange[1]));
      return { edit: { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, text: '' }, aliased };
    },
    addKey(document, path, value) {
      const walked = at(document, path.slice(0, -1));
      if ('error' in walked) return walked;
      const { node: map, aliased } = walked;
      const key = path[path.length - 1];
      if (!isMap(map) || typeof key !== 'string' || !map.range) return { error: 'not a mapping' };
      if (map.items.some((p) => isPair(p) && keyMatches(p.key, key))) return { error: `"${key}" is already there` };
      if (map.flow || map.items.length === 0) {
        const close = text.lastIndexOf('}', map.range[1]);
        if (close < map.range[0]) return { error: 'cannot find the end of the mapping' };
        const entry = `${key}: ${flowValue(value)}`;
        const empty = map.items.length === 0;
        return { edit: { start: close, end: close, text: empty ? entry : `, ${entry}` }, aliased };
      }
      const first = map.items[0]?.key as Node | undefined;
      const last = map.items[map.items.length - 1];
      const lastEnd = ((last?.value as Node | null)?.range ?? (last?.key as Node | undefined)?.range)?.[1];
      if (!first?.range || lastEnd === undefined) return { error: 'cannot place the key' };
      const indent = first.range[0] - (text.lastIndexOf('\n', first.range[0] - 1) + 1);
      const lineEnd = text.indexOf('\n', lastEnd - 1);
      const newline = text.includes('\r\n') ? '\r\n' : '\n';
      const block = blockEntry(key, value, indent, newline);
      if (lineEnd < 0) return { edit: { start: text.length, end: text.length, text: `${newline}${block}` }, aliased };
      return { edit: { start: lineEnd + 1, end: lineEnd + 1, text: `${block}${newline}` }, aliased };
    },
    appendItems(document, path, values) {
      const walked = at(document, path);
      if ('error' in walked) return walked;
      const { node: seq, aliased } = walked;
      if (!isSeq(seq) || !seq.range) return { error: 'not a list' };
      const items = seq.items as Node[];
      if (seq.flow || items.length === 0) {
        const close = text.lastIndexOf(']', seq.range[1]);
        if (close < seq.range[0]) return { error: 'cannot find the end of the list' };
        const rendered = values.map(scalarText).join(', ');
        return { edit: { start: close, end: close, text: items.length === 0 ? rendered : `, ${rendered}` }, aliased };
      }
      const last = items[items.length - 1]?.range;
      if (!last) return { error: 'cannot place the items' };
      const dash = text.lastIndexOf('-', last[0] - 1);
      const lineStart = text.lastIndexOf('\n', dash) + 1;
      const lineEnd = text.indexOf('\n', last[1] - 1);
      const newline = text.includes('\r\n') ? '\r\n' : '\n';
      const prefix = text.slice(lineStart, dash);
      if (!/^[ \t]*$/.test(prefix)) return { error: 'the last item shares its line with other content' };
      const lines = values.map((v) => `${prefix}- ${scalarText(v)}`).join(newline);
      if (lineEnd < 0) return { edit: { start: text.length, end: text.length, text: `${newline}${lines}` }, aliased };
      return { edit: { start: lineEnd + 1, end: lineEnd + 1, text: `${lines}${newline}` }, aliased };
    },
  };
}

function scalarText(value: string): string {
  return plainIsSafe(value) ? value : JSON.stringify(value);
}

/** Inserted values use flow style for lists and scalars, block style for mappings. */
function flowValue(value: PlainValue): string {
  if (typeof value === 'string') return scalarText(value);
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${flowValue(v)}`)
    .join(', ')}}`;
}

function blockEntry(key: string, value: PlainValue, indent: number, newline: string): string {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string' || Array.isArray(value)) return `${pad}${key}: ${flowValue(value)}`;
  const children = Object.entries(value).map(([k, v]) => blockEntry(k, v, indent + 2, newline));
  return [`${pad}${key}:`, ...children].join(newline);
}

/** Removes a flow-sequence or JSON array item together with one neighbouring comma. */
function flowRemoval(
  text: string,
  items: readonly { range?: readonly number[] | null }[] | readonly Range[],
  index: number,
  range: Range,
  aliased: boolean,
): EditResult {
  const rangeOf = (i: number): Range | undefined => {
    const item = items[i] as { range?: readonly number[] | null } | Range | undefined;
    if (!item) return undefined;
    if ('start' in item) return item;
    return item.range ? { start: item.range[0] as number, end: item.range[1] as number } : undefined;
  };
  const previous = rangeOf(index - 1);
  const next = rangeOf(index + 1);
  let edit: TextEdit;
  if (previous) edit = { start: previous.end, end: range.end, text: '' };
  else if (next) edit = { start: range.start, end: next.start, text: '' };
  else return { error: 'removing the only item would leave an empty list' };
  const removed = text.slice(edit.start, edit.end);
  // A comment between items would be lost with the separator.
  if (removed.replace(text.slice(range.start, range.end), '').includes('#')) {
    return { error: 'a comment sits next to the item' };
  }
  return { edit, aliased };
}

// ---------------------------------------------------------------- JSON

function jsonLocator(text: string): EditLocator | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  if (jsonTooDeepAt(source) >= 0) return undefined;
  const root = parseTree(source, [], { disallowComments: true });
  if (!root) return undefined;
  const at = (document: number, path: Path): JsonNode | { error: string } => {
    if (document !== 0) return { error: 'a JSON file holds one document' };
    return jsonNodeAt(root, path) ?? { error: 'the node is not in the document' };
  };
  return {
    throughAlias: () => false,
    replaceScalar(document, path, value) {
      const node = at(document, path);
      if ('error' in node) return node;
      if (node.type !== 'string') return { error: 'not a string' };
      return {
        edit: { start: node.offset, end: node.offset + node.length, text: JSON.stringify(value) },
        aliased: false,
      };
    },
    removeItem(document, path) {
      const node = at(document, path);
      if ('error' in node) return node;
      const parent = node.parent;
      const index = path[path.length - 1];
      if (parent?.type !== 'array' || typeof index !== 'number') return { error: 'not an array item' };
      const ranges = (parent.children ?? []).map((c) => ({ start: c.offset, end: c.offset + c.length }));
      return flowRemoval(text, ranges, index, { start: node.offset, end: node.offset + node.length }, false);
    },
    removeKey(document, path) {
      const node = at(document, path);
      if ('error' in node) return node;
      return jsonModify(text, path, undefined);
    },
    addKey(document, path, value) {
      const parent = at(document, path.slice(0, -1));
      if ('error' in parent) return parent;
      if (parent.type !== 'object') return { error: 'not an object' };
      if (jsonNodeAt(root, path)) return { error: 'the key is already there' };
      return jsonModify(text, path, value);
    },
    appendItems(document, path, values) {
      const list = at(document, path);
      if ('error' in list) return list;
      if (list.type !== 'array') return { error: 'not an array' };
      let current = text;
      values.forEach((value, i) => {
        const result = jsonModify(current, [...path, (list.children?.length ?? 0) + i], value, true);
        if ('edit' in result)
          current = current.slice(0, result.edit.start) + result.edit.text + current.slice(result.edit.end);
      });
      return mergeEdits(text, current);
    },
  };
}

/** One format-preserving JSON edit (indentation detected from the text). */
function jsonModify(text: string, path: Path, value: unknown, insert = false): EditResult {
  const indent = /\n( +|\t)"/.exec(text)?.[1] ?? '  ';
  const edits = modify(text, path as (string | number)[], value, {
    isArrayInsertion: insert,
    formattingOptions: {
      insertSpaces: !indent.includes('\t'),
      tabSize: indent.includes('\t') ? 1 : Math.min(indent.length, 8),
      eol: text.includes('\r\n') ? '\r\n' : '\n',
    },
  });
  if (edits.length === 0) return { error: 'nothing to change' };
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, edit.offset) + edit.content + out.slice(edit.offset + edit.length);
  }
  return mergeEdits(text, out);
}

/** The single edit that turns `before` into `after` (common prefix and suffix kept). */
function mergeEdits(before: string, after: string): EditResult {
  if (before === after) return { error: 'nothing to change' };
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { edit: { start, end: endBefore, text: after.slice(start, endAfter) }, aliased: false };
}
