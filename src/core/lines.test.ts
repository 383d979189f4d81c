import { describe, expect, it } from 'vitest';
import { LineIndex } from './lines.js';
import { formatPath, isPrefix } from './path.js';

describe('LineIndex.position', () => {
  it('maps the first character to line 1, column 1', () => {
    expect(new LineIndex('abc\ndef').position(0)).toEqual({ line: 1, column: 1 });
  });

  it('counts columns from 1 within a line', () => {
    expect(new LineIndex('abc\ndef').position(2)).toEqual({ line: 1, column: 3 });
  });

  it('puts the newline itself at the end of its own line', () => {
    expect(new LineIndex('abc\ndef').position(3)).toEqual({ line: 1, column: 4 });
  });

  it('starts a new line after \\n', () => {
    const index = new LineIndex('abc\ndef\nghi');
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.position(8)).toEqual({ line: 3, column: 1 });
  });

  it('starts a new line after \\r\\n, and keeps \\r on the previous line', () => {
    const index = new LineIndex('ab\r\ncd\r\nef');
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
    expect(index.position(3)).toEqual({ line: 1, column: 4 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.position(5)).toEqual({ line: 2, column: 2 });
    expect(index.position(8)).toEqual({ line: 3, column: 1 });
  });

  it('maps the last character, and the end of the text', () => {
    const text = 'ab\ncd';
    const index = new LineIndex(text);
    expect(index.position(text.length - 1)).toEqual({ line: 2, column: 2 });
    expect(index.position(text.length)).toEqual({ line: 2, column: 3 });
  });

  it('maps the offset after a trailing newline to an empty last line', () => {
    const index = new LineIndex('a\n');
    expect(index.position(2)).toEqual({ line: 2, column: 1 });
    expect(index.lineCount).toBe(2);
  });

  it('handles blank lines', () => {
    const index = new LineIndex('a\n\n\nb');
    expect(index.position(2)).toEqual({ line: 2, column: 1 });
    expect(index.position(3)).toEqual({ line: 3, column: 1 });
    expect(index.position(4)).toEqual({ line: 4, column: 1 });
  });

  it('counts a BOM as a column (UTF-16 code units)', () => {
    const index = new LineIndex('\uFEFFkind: Pod');
    expect(index.position(1)).toEqual({ line: 1, column: 2 });
  });

  it('counts an astral character as two columns', () => {
    const index = new LineIndex('a: "😀"x');
    expect(index.position(7)).toEqual({ line: 1, column: 8 });
  });

  it('works on an empty text', () => {
    const index = new LineIndex('');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.lineCount).toBe(1);
    expect(index.line(1)).toBe('');
  });

  it('gives the same answers when asked again (the index is cached)', () => {
    const index = new LineIndex('x\ny\nz');
    const first = [0, 2, 4].map((o) => index.position(o));
    const second = [0, 2, 4].map((o) => index.position(o));
    expect(second).toEqual(first);
    expect(first).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
    ]);
  });

  it('finds the right line among many (binary search)', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line${i}`);
    const text = lines.join('\n');
    const index = new LineIndex(text);
    for (const n of [0, 1, 2, 499, 500, 998, 999]) {
      const offset = lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
      expect(index.position(offset)).toEqual({ line: n + 1, column: 1 });
      expect(index.position(offset + 4)).toEqual({ line: n + 1, column: 5 });
      expect(index.line(n + 1)).toBe(`line${n}`);
    }
    expect(index.lineCount).toBe(1000);
  });
});

describe('LineIndex.line', () => {
  it('returns a line without its \\n', () => {
    const index = new LineIndex('one\ntwo\nthree');
    expect(index.line(1)).toBe('one');
    expect(index.line(2)).toBe('two');
    expect(index.line(3)).toBe('three');
  });

  it('strips \\r from CRLF lines', () => {
    const index = new LineIndex('one\r\ntwo\r\nthree\r\n');
    expect(index.line(1)).toBe('one');
    expect(index.line(2)).toBe('two');
    expect(index.line(3)).toBe('three');
    expect(index.line(4)).toBe('');
  });

  it('strips a trailing \\r on the last line', () => {
    expect(new LineIndex('a\nb\r').line(2)).toBe('b');
  });

  it('returns an empty string for lines out of range', () => {
    const index = new LineIndex('a\nb');
    expect(index.line(0)).toBe('');
    expect(index.line(3)).toBe('');
    expect(index.line(-1)).toBe('');
  });

  it('keeps leading whitespace and comments', () => {
    expect(new LineIndex('a:\n  # note\n  b: 1').line(2)).toBe('  # note');
  });
});

describe('LineIndex.lineCount', () => {
  it('counts lines, including the empty one after a final newline', () => {
    expect(new LineIndex('a').lineCount).toBe(1);
    expect(new LineIndex('a\nb').lineCount).toBe(2);
    expect(new LineIndex('a\r\nb\r\n').lineCount).toBe(3);
  });
});

describe('formatPath', () => {
  it('formats keys with dots and indexes with brackets', () => {
    expect(formatPath(['spec', 'containers', 0, 'securityContext'])).toBe('spec.containers[0].securityContext');
  });

  it('formats the empty path as an empty string', () => {
    expect(formatPath([])).toBe('');
  });

  it('formats a path starting with an index', () => {
    expect(formatPath(['items', 2, 'spec'])).toBe('items[2].spec');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });

  it('formats consecutive indexes', () => {
    expect(formatPath(['a', 1, 2])).toBe('a[1][2]');
  });

  it('quotes keys with dots or slashes', () => {
    expect(formatPath(['metadata', 'annotations', 'capdoctor.io/ignore'])).toBe(
      'metadata.annotations["capdoctor.io/ignore"]',
    );
    expect(formatPath(['a.b'])).toBe('["a.b"]');
    expect(formatPath(['x', 'a/b', 'y'])).toBe('x["a/b"].y');
  });

  it('quotes keys with spaces, empty keys and keys starting with a digit', () => {
    expect(formatPath(['a b'])).toBe('["a b"]');
    expect(formatPath(['x', ''])).toBe('x[""]');
    expect(formatPath(['x', '1'])).toBe('x["1"]');
  });

  it('escapes quotes in quoted keys', () => {
    expect(formatPath(['a"b.c'])).toBe('["a\\"b.c"]');
  });

  it('keeps identifiers with dashes, underscores and dollars bare', () => {
    expect(formatPath(['cap_add', 'my-service', '$ref', '_x'])).toBe('cap_add.my-service.$ref._x');
  });
});

describe('isPrefix', () => {
  it('accepts the empty prefix and equal paths', () => {
    expect(isPrefix([], ['a', 0])).toBe(true);
    expect(isPrefix(['a', 0], ['a', 0])).toBe(true);
  });

  it('accepts a proper prefix', () => {
    expect(isPrefix(['spec'], ['spec', 'containers', 0])).toBe(true);
  });

  it('rejects a longer path, a different segment, and a number for a string', () => {
    expect(isPrefix(['a', 'b'], ['a'])).toBe(false);
    expect(isPrefix(['a', 'c'], ['a', 'b', 'c'])).toBe(false);
    expect(isPrefix(['items', '0'], ['items', 0])).toBe(false);
  });
});
