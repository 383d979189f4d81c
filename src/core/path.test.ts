import { describe, expect, it } from 'vitest';
import { formatPath, isPrefix, PrefixIndex } from './path.js';
import type { Path } from './types.js';

/** Paths of a few shapes, some prefixes of others, some repeated. */
function paths(count: number): Path[] {
  const out: Path[] = [];
  for (let i = 0; i < count; i++) {
    const item = i % 5;
    const depth = i % 4;
    const path: (string | number)[] = ['items', item];
    if (depth > 0) path.push('spec');
    if (depth > 1) path.push('template', 'spec');
    if (depth > 2) path.push('containers', i % 3);
    out.push(path);
  }
  return out;
}

describe('PrefixIndex', () => {
  // Few items are scanned, many are put in a tree: both must answer alike, in the order given.
  for (const count of [0, 1, 3, 8, 9, 40]) {
    it(`finds every item whose path is a prefix, in the order given (${count} items)`, () => {
      const items = paths(count).map((path, order) => ({ path, order }));
      const index = new PrefixIndex(items);
      for (const query of [...paths(45), [], ['items'], ['other', 1]]) {
        const expected = items.filter((item) => isPrefix(item.path, query));
        expect(index.prefixesOf(query), formatPath(query)).toEqual(expected);
        expect(index.first(query)).toBe(expected[0]);
        const deepest = expected.reduce<(typeof items)[number] | undefined>(
          (best, item) => (!best || item.path.length > best.path.length ? item : best),
          undefined,
        );
        expect(index.deepest(query)).toBe(deepest);
      }
    });
  }
});
