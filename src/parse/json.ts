import type { Node, ParseError } from 'jsonc-parser';
import { jsonTooDeepAt, tooDeep } from './depth.js';
import { jsoncLib } from './libs.js';
import type { LocatedNode, ParsedSource, ParseProblem, Path, Range } from './types.js';

/** Parses one JSON document with offsets (much faster than a YAML parser on `kubectl get -o json` output). */
export function parseJson(text: string): ParsedSource {
  // A BOM is not JSON; blank it without shifting offsets.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  // jsonc-parser and the walkers below are recursive.
  const deepAt = jsonTooDeepAt(source);
  if (deepAt >= 0) return { documents: [], problems: [tooDeep(deepAt)] };
  const errors: ParseError[] = [];
  const { parseTree, printParseErrorCode } = jsoncLib();
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: true });
  const problems: ParseProblem[] = errors.map((e) => ({
    message: `JSON: ${describe(printParseErrorCode(e.error))}`,
    start: e.offset,
    end: e.offset + e.length,
  }));
  if (root) findDuplicateKeys(root, problems);
  if (problems.some((p) => !p.warning) || !root) return { documents: [], problems };
  return {
    documents: [{ index: 0, value: toValue(root), start: root.offset, locate: (path) => locate(root, path) }],
    problems,
  };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Duplicate keys make the data ambiguous (which one does the API server keep?), as in YAML. */
function findDuplicateKeys(node: Node, problems: ParseProblem[]): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        // A warning, as in YAML: the value is read, the last one used (what the API server keeps).
        problems.push({
          message: `JSON: duplicate key "${name}": the last value is used here; kubectl may refuse the file`,
          start: key.offset,
          end: key.offset + key.length,
          warning: true,
        });
      }
      seen.add(name);
    }
  }
  for (const child of node.children ?? []) findDuplicateKeys(child, problems);
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        // defineProperty keeps a `__proto__` key as data, as JSON.parse does.
        if (key && value) {
          Object.defineProperty(out, String(key.value), {
            value: toValue(value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

/** The node at `path`; with a duplicate key, the last property (whose value is used). */
export function jsonNodeAt(root: Node, path: Path): Node | undefined {
  let node: Node | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof seg === 'string') {
      const prop: Node | undefined = node.children?.findLast((p) => p.children?.[0]?.value === seg);
      node = prop?.children?.[1];
    } else if (node.type === 'array' && typeof seg === 'number') {
      node = node.children?.[seg];
    } else return undefined;
  }
  return node;
}

function locate(root: Node, path: Path): LocatedNode | undefined {
  const exact = jsonNodeAt(root, path);
  if (exact) return { range: { start: exact.offset, end: exact.offset + exact.length }, exact: true };
  // Walk down to the deepest existing node; point at its key when it is a property value.
  let node: Node | undefined = root;
  let best = { start: root.offset, end: root.offset + 1 };
  for (const seg of path) {
    if (!node) break;
    let next: Node | undefined;
    if (node.type === 'object' && typeof seg === 'string') {
      const prop: Node | undefined = node.children?.findLast((p) => p.children?.[0]?.value === seg);
      const key = prop?.children?.[0];
      if (key) best = { start: key.offset, end: key.offset + key.length };
      next = prop?.children?.[1];
    } else if (node.type === 'array' && typeof seg === 'number') {
      next = node.children?.[seg];
      if (next) best = { start: next.offset, end: next.offset + 1 };
    }
    if (!next) break;
    node = next;
  }
  return { range: best, exact: false };
}

/**
 * Where each element of a root object's `items` array is (a kubectl List), by one scan that builds no
 * tree: a large dump is located item by item, only for the items that need positions.
 */
export function listItemRanges(text: string): Range[] {
  const ranges: Range[] = [];
  type Frame = 'root' | 'items' | 'item' | 'other';
  const stack: Frame[] = [];
  let property: string | undefined;
  jsoncLib().visit(
    text,
    {
      onObjectProperty: (name) => {
        if (stack.length === 1) property = name;
      },
      onObjectBegin: (offset) => {
        const parent = stack[stack.length - 1];
        const frame: Frame = parent === undefined ? 'root' : parent === 'items' ? 'item' : 'other';
        stack.push(frame);
        if (frame === 'item') ranges.push({ start: offset, end: offset });
        // Inside anything but the root, nothing more is needed than where it ends.
        return frame === 'root';
      },
      onObjectEnd: (offset, length) => {
        const last = ranges[ranges.length - 1];
        if (stack.pop() === 'item' && last) last.end = offset + length;
      },
      onArrayBegin: () => {
        const frame: Frame = stack[stack.length - 1] === 'root' && property === 'items' ? 'items' : 'other';
        stack.push(frame);
        return frame === 'items';
      },
      onArrayEnd: () => {
        stack.pop();
      },
    },
    { disallowComments: true },
  );
  return ranges;
}

/** Positions in a JSON value that sits at `range` of a larger text (offsets are the larger text's). */
export function locateJsonSlice(text: string, range: Range): (path: Path) => LocatedNode | undefined {
  let root: Node | undefined;
  return (path) => {
    root ??= jsoncLib().parseTree(text.slice(range.start, range.end), [], { disallowComments: true });
    if (!root) return undefined;
    const found = locate(root, path);
    if (!found) return undefined;
    return {
      exact: found.exact,
      range: { start: found.range.start + range.start, end: found.range.end + range.start },
    };
  };
}
