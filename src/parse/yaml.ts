// Parsing YAML for lint: values as Kubernetes reads them, positions on demand. The `yaml` package is
// used only in src/parse/, so that a parser upgrade stays local.

import type { CST, Document, Node } from 'yaml';
import { append } from '../util/append.js';
import { cstTooDeepAt, tooDeep } from './depth.js';
import { yamlLib } from './libs.js';
import type { LocatedNode, ParsedSource, ParseProblem, Path, PathSegment, Range, SourceDocument } from './types.js';
import { findPair } from './yaml-path.js';

/** Aliases beyond this count are refused, which defuses "billion laughs" documents. */
const MAX_ALIAS_COUNT = 1000;

export interface ParsedYamlDocuments {
  list: Document.Parsed[];
  /** Documents nested too deeply to be read: their content is left out, and where it goes too deep. */
  tooDeep: Map<number, number>;
}

/**
 * `parseAllDocuments` as Kubernetes reads manifests (go-yaml: YAML 1.1 scalars such as `yes`/`on` are
 * booleans; duplicate keys allowed, the last wins), except that a document nested deeper than
 * MAX_DEPTH is not composed: the package's composer is recursive and would exhaust the stack.
 */
export function parseYamlDocuments(text: string): ParsedYamlDocuments {
  const { Composer, Parser } = yamlLib();
  const tooDeepAt = new Map<number, number>();
  let index = -1;
  function* guard(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      if (token.type !== 'document') {
        yield token;
        continue;
      }
      index++;
      const at = cstTooDeepAt(token);
      if (at < 0) yield token;
      else {
        tooDeepAt.set(index, at);
        yield { ...token, value: undefined };
      }
    }
  }
  const composer = new Composer({ version: '1.1', uniqueKeys: false });
  const list = Array.from(composer.compose(guard(new Parser().parse(text)))) as Document.Parsed[];
  return { list, tooDeep: tooDeepAt };
}

export function parseYaml(text: string): ParsedSource {
  const documents: SourceDocument[] = [];
  const problems: ParseProblem[] = [];
  // Duplicate keys are reported below as warnings: real manifests have them, and the last wins.
  const { list, tooDeep: deep } = parseYamlDocuments(text);
  list.forEach((doc, index) => {
    const deepAt = deep.get(index);
    if (deepAt !== undefined) {
      problems.push(tooDeep(deepAt));
      return;
    }
    const [error] = doc.errors;
    if (error) {
      // Later errors in the same document mostly follow from the first one.
      problems.push(toProblem(error.message, error.pos, text));
      return;
    }
    append(problems, duplicateKeys(doc));
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const at = doc.contents?.range?.[0] ?? 0;
      problems.push({ message: (error as Error).message, start: at, end: at });
      return;
    }
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    documents.push({ index, value, start, locate: (path) => locate(doc, path) });
  });
  return { documents, problems };
}

/**
 * Positions only, for a text already known to be valid (values and duplicate-key checks are skipped):
 * the first document's content start and locator, or undefined when it has an error.
 */
export function locateYaml(text: string): Pick<SourceDocument, 'start' | 'locate'> | undefined {
  const { list, tooDeep: deep } = parseYamlDocuments(text);
  const doc = list[0];
  if (!doc || doc.errors.length > 0 || deep.has(0)) return undefined;
  return { start: doc.contents?.range?.[0] ?? doc.range[0], locate: (path) => locate(doc, path) };
}

function toProblem(message: string, pos: [number, number], text: string): ParseProblem {
  // The library's messages end with a source excerpt; the finding shows its own code frame.
  const first = message.split('\n')[0] ?? message;
  const start = Math.min(pos[0], text.length);
  return {
    message: first.replace(/ at line \d+, column \d+:?$/, ''),
    start,
    end: Math.min(Math.max(pos[1], start), text.length),
  };
}

function nodeRange(node: Node | null | undefined): Range | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

function locate(doc: Document.Parsed, path: Path): LocatedNode | undefined {
  const { isAlias, isMap, isSeq } = yamlLib();
  let node: Node | null | undefined = doc.contents as Node | null;
  let best: Range | undefined = nodeRange(node);
  for (let i = 0; i < path.length; i++) {
    const seg: PathSegment = path[i] as PathSegment;
    if (isAlias(node)) node = node.resolve(doc) as Node | undefined;
    if (typeof seg === 'string' && node && isMap(node)) {
      const pair = findPair(doc, node, seg);
      if (!pair) return best && { range: best, exact: false };
      const keyRange = nodeRange(pair.key);
      if (pair.value === null || pair.value.range == null) {
        return keyRange && { range: keyRange, exact: i === path.length - 1 };
      }
      node = pair.value;
      // For a missing child, the key names the place better than a whole multi-line value.
      best = keyRange ?? best;
    } else if (typeof seg === 'number' && node && isSeq(node)) {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best && { range: best, exact: false };
      node = item;
      best = nodeRange(item) ?? best;
    } else {
      return best && { range: best, exact: false };
    }
  }
  const range = nodeRange(node);
  return range ? { range, exact: true } : best && { range: best, exact: false };
}

function duplicateKeys(doc: Document.Parsed): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const { isScalar, visit } = yamlLib();
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || typeof pair.key.value === 'symbol') continue;
        const key = String(pair.key.value);
        const range = pair.key.range;
        if (seen.has(key) && range) {
          problems.push({
            message: `duplicate key "${key}": the last value is used here; kubectl may refuse the file`,
            start: range[0],
            end: range[1],
            warning: true,
          });
        }
        seen.add(key);
      }
    },
  });
  return problems;
}
