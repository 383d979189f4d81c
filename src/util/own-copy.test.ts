import { describe, expect, it } from 'vitest';
import { flatCopy, ownCopy } from './own-copy.js';

describe('ownCopy and flatCopy', () => {
  const texts = [
    '',
    'a',
    'apiVersion: v1\nkind: Pod\n',
    '\uFEFF---\nkey: value\n', // a byte-order mark stays
    'name: café\nemoji: "🚀"\n中文: 値\n', // non-Latin text and a surrogate pair
    `${'x'.repeat(70_000)}\n`,
    `${'é'.repeat(1_100_000)}\n`, // past the reused buffer
  ];
  it.each(texts.map((t) => [t.slice(0, 20), t]))('copy %j unchanged', (_, text) => {
    const slice = ` ${text} `.slice(1, -1);
    expect(ownCopy(slice)).toBe(text);
    expect(flatCopy(slice)).toBe(text);
    expect(flatCopy(slice).length).toBe(text.length);
  });

  it('gives each copy its own text although the encoding buffer is reused', () => {
    const first = flatCopy('first: 1\n');
    const second = flatCopy('second: 22\n');
    expect([first, second]).toEqual(['first: 1\n', 'second: 22\n']);
  });
});
