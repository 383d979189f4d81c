import { describe, expect, it } from 'vitest';
import { explanationParts, setExplanationParts } from './explanation.js';
import type { Finding } from './types.js';

function finding(): Finding {
  return {
    rule: 'r',
    severity: 'info',
    message: 'm',
    file: 'f',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    path: 'p',
  };
}

describe('explanation parts', () => {
  it('gives the finding the parts joined as its explanation, and keeps the parts', () => {
    const f = finding();
    setExplanationParts(f, ['one ', 'two', ' three']);
    expect(f.explanation).toBe('one two three');
    expect(explanationParts(f)).toEqual(['one ', 'two', ' three']);
  });

  it('keeps the parts out of copies, comparisons, JSON and structured clones', () => {
    const f = finding();
    setExplanationParts(f, ['a', 'b']);
    expect(f).toStrictEqual({ ...finding(), explanation: 'ab' });
    expect(explanationParts({ ...f })).toBeUndefined();
    expect(explanationParts(structuredClone(f))).toBeUndefined();
    expect(JSON.parse(JSON.stringify(f))).toEqual({ ...finding(), explanation: 'ab' });
  });

  it('no longer answers once the explanation is another text', () => {
    const f = finding();
    setExplanationParts(f, ['a', 'b']);
    f.explanation = 'something else';
    expect(explanationParts(f)).toBeUndefined();
    expect(explanationParts(finding())).toBeUndefined();
  });
});
