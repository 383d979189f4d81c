// Walking a parsed YAML document by key, as YAML 1.1 readers do (following `<<` merge keys).
// Shared by locating findings and placing fixes.
import type { Document, Node } from 'yaml';
import { yamlLib } from './libs.js';

export function keyMatches(key: unknown, seg: string): boolean {
  if (!yamlLib().isScalar(key)) return false;
  // The merge key `<<` is represented by a symbol, not a string.
  return typeof key.value === 'symbol' ? key.value.description === seg : String(key.value) === seg;
}

/** The pair for `seg` in a mapping, looking through `<<` merges; `merged` when it came from one. */
export function findPair(
  doc: Document.Parsed,
  map: Node,
  seg: string,
  depth = 0,
): { key: Node; value: Node | null; merged: boolean } | undefined {
  const { isAlias, isMap, isPair, isSeq } = yamlLib();
  if (!isMap(map) || depth > 8) return undefined;
  // With a duplicate key the last pair is the one whose value is used (as the values are read).
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (isPair(pair) && keyMatches(pair.key, seg)) {
      return { key: pair.key as Node, value: (pair.value as Node) ?? null, merged: depth > 0 };
    }
  }
  for (const pair of map.items) {
    if (!isPair(pair) || !keyMatches(pair.key, '<<')) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const resolved = isAlias(source) ? source.resolve(doc) : source;
      const found = resolved ? findPair(doc, resolved as Node, seg, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}
