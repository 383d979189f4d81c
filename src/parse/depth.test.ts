import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from './depth.js';
import { parseYamlFast } from './fast.js';
import { parseSource } from './index.js';

describe('nesting depth', () => {
  it('refuses deeper documents with a problem at the first level too deep, in every reader', () => {
    const deepSeq = `${'- '.repeat(MAX_DEPTH + 1)}a\n`;
    const deepFlow = `x: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`;
    const deepJson = `${'{"a":'.repeat(MAX_DEPTH + 1)}1${'}'.repeat(MAX_DEPTH + 1)}`;
    for (const text of [deepSeq, deepFlow, deepJson]) {
      for (const parsed of [parseSource(text, 'auto'), parseYamlFast(text)]) {
        expect(parsed.documents).toEqual([]);
        expect(parsed.problems).toHaveLength(1);
        expect(parsed.problems[0]?.message).toContain(`deeper than ${MAX_DEPTH} levels`);
      }
    }
    expect(parseSource(deepSeq, 'yaml').problems[0]?.start).toBe(2 * MAX_DEPTH);
  });

  it('reads documents at the limit, and the other documents of a stream with a deep one', () => {
    const ok = `${'- '.repeat(MAX_DEPTH - 1)}a\n`;
    expect(parseSource(ok, 'yaml').problems).toEqual([]);
    expect(parseYamlFast(ok).documents).toHaveLength(1);
    const stream = `a: 1\n---\n${'- '.repeat(MAX_DEPTH + 5)}a\n---\nb: 2\n`;
    const parsed = parseSource(stream, 'yaml');
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parsed.problems).toHaveLength(1);
  });

  it('brackets inside JSON strings do not count', () => {
    const text = JSON.stringify({ a: '['.repeat(MAX_DEPTH * 2) });
    expect(parseSource(text, 'json').problems).toEqual([]);
  });
});
