import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deployments, listChunks, mixed } from '../../bench/generate.mjs';
import { BAIL_OUT, FastDocument, parseYamlFast, readChunk, splitDocuments } from './fast.js';
import type { Path } from './types.js';
import { parseYaml } from './yaml.js';

/** The fast parse must equal the precise one: documents (index, value, start) and problems. */
function same(text: string): void {
  const precise = parseYaml(text);
  const fast = parseYamlFast(text);
  expect(fast.problems).toEqual(precise.problems);
  // Empty documents (null) are not linted; the fast reader need not list them all.
  const real = (documents: typeof precise.documents) =>
    documents.filter((d) => d.value !== null).map((d) => [d.index, d.value, d.start]);
  expect(real(fast.documents)).toEqual(real(precise.documents));
}

/** Whether the fast reader takes the text itself (rather than handing it to the precise parser). */
function fast(text: string): boolean {
  return readChunk(text, 0, text.length) !== BAIL_OUT;
}

describe('splitDocuments', () => {
  it('numbers documents as the yaml package does', () => {
    const cases = [
      'a: 1\n---\nb: 2\n',
      '---\na: 1\n---\n---\nb: 2\n---\n',
      '# c\n---\na: 1\n',
      '...\na: 1\n',
      'a: 1\n...\n...\nb: 1\n',
      'a: 1\n...\n# c\n---\nb: 1\n',
      'a: 1\n--- # comment\nb: 2\n',
      '--- |\nfoo\n---\nbar\n',
      'a: |\n  x\n---\n  y\nb: 1\n',
    ];
    for (const text of cases) {
      const chunks = splitDocuments(text) ?? [];
      const documents = parseYaml(text).documents.filter((d) => d.value !== null);
      for (const document of documents) expect(chunks.map((c) => c.index)).toContain(document.index);
      same(text);
    }
  });

  it('leaves directives and a byte-order mark to the precise parser', () => {
    expect(splitDocuments('%YAML 1.1\n---\na: 1\n')).toBeUndefined();
    expect(splitDocuments('\uFEFFa: 1\n')).toBeUndefined();
    same('%YAML 1.2\n---\na: yes\n');
  });
});

describe('readChunk: the subset it reads, with the values of the precise parser', () => {
  const read = [
    'a: x  # c\nb:\nc: |\n  l1\n  l2\n\nd:\n  e: 1\n\n  f: [1, 2] # x\ng:\n- y\n- z:  "q" \n  w: >-\n    t\n',
    'a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: ~\nh: null\ni: 0644\nj: 0x1F\nk: 1_000\nl: 1.5e3\nm: .inf\nsexagesimal: 1:30\n',
    'a: 2024-01-02\nb: "2024-01-02"\nc: \'it\'\'s\'\nd: "tab\\there \\u00e9 \\x41"\n',
    'spec:\n  containers:\n  - name: a\n    securityContext:\n      capabilities: {add: [NET_ADMIN, "CAP_X"], drop: []}\n',
    'keep: |+\n  trailing\n\nnext: 1\n',
    'folded: >\n  one\n  two\n\n  three\n\n\n  four\nclip: |\n\n  leading blank\n',
    'list:\n- - nested\n',
    'a: [x, y, ]\nb: {x: 1, "y": [z]}\nc: []\nd: {}\n',
    'url: http://x:80/a#b\ncolon: a:b\n',
    '__proto__: {kind: Pod}\ntoString: 1\n',
    '  indented: root\n  second: 2\n',
  ];
  it.each(read)('%j', (text) => {
    same(text);
  });

  it('reads the common shapes itself', () => {
    for (const text of [read[0], read[1], read[3], read[7], read[8]] as string[])
      expect([text, fast(text)]).toEqual([text, true]);
  });

  it('gives each key and short value its own text when remembered ones share a hash slot', () => {
    // `Aa` and `BB` hash alike, as do `AaAa`, `AaBB`, `BBAa` and `BBBB`; the slots must still tell them apart.
    const text = [
      'Aa: BB',
      'BB: Aa',
      'AaAa: BBBB  # c',
      'BBBB: AaAa',
      'AaBB: 1',
      'BBAa: "1"',
      'list:',
      '- {Aa: yes, BB: no}',
      '- Aa: 0x1F',
      '  BB: 2024-01-02',
      '- BB: 2024-01-02',
    ].join('\n');
    // Twice: the second document is read from what the first left in the slots.
    expect(fast(text)).toBe(true);
    expect(fast(text)).toBe(true);
    same(`${text}\n---\n${text}\n`);
    const [first, second] = parseYamlFast(`${text}\n---\n${text}\n`).documents.map((d) => d.value);
    expect(first).toMatchObject({ Aa: 'BB', BB: 'Aa', AaAa: 'BBBB', BBBB: 'AaAa', AaBB: 1, BBAa: '1' });
    expect(second).toEqual(first);
    // Dates are not shared between documents, as with the precise parser.
    const dates = [first, second].map((v) => ((v as { list: { BB: Date }[] }).list[1] as { BB: Date }).BB);
    expect(dates[0]).toBeInstanceOf(Date);
    expect(dates[0]).not.toBe(dates[1]);
  });

  const precise = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a:\n  <<: {b: 1}\n',
    'a: 1\na: 2\n',
    'a: {x: 1, x: 2}\n',
    'yes: 1\n',
    'n: 1\n',
    'a: "multi\n  line"\n',
    'a: plain\n  continued\n',
    'a: [1,\n  2]\n',
    'a:\tb\n',
    'a: 1\r\nb: 2\r\n',
    '? complex\n: key\n',
    'a: |2\n    x\n',
    'a: b: c\n',
    'a : 1\n',
    '"a":1\n',
    'just a scalar\n',
    'a: "bad \\q escape"\n',
    'a: >\n  one\n    more\n  two\n',
    'a: |\n  x\n    \n  y\n',
  ];
  it.each(precise)('hands %j to the precise parser, with the same result', (text) => {
    expect(fast(text)).toBe(false);
    same(text);
  });
});

describe('positions from the fast reader', () => {
  /** Every path in a value, and paths that miss under each collection. */
  function* paths(value: unknown, path: Path = []): Generator<Path> {
    yield path;
    if (Array.isArray(value)) {
      yield [...path, value.length];
      for (const [i, item] of value.entries()) yield* paths(item, [...path, i]);
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      yield [...path, 'no-such-key'];
      yield [...path, 'no-such-key', 0];
      // Keys of the nested mappings, asked one level up: a reader that lands on a nested line misplaces them.
      for (const item of Object.values(value)) {
        const nested = Array.isArray(item) ? item : [item];
        for (const child of nested) {
          if (child === null || typeof child !== 'object' || child instanceof Date || Array.isArray(child)) continue;
          for (const key of Object.keys(child)) if (!Object.hasOwn(value, key)) yield [...path, key];
        }
      }
      for (const [key, item] of Object.entries(value)) yield* paths(item, [...path, key]);
    } else {
      yield [...path, 'below-a-scalar'];
    }
  }

  const root = fileURLToPath(new URL('../..', import.meta.url));
  const corpus = fileURLToPath(new URL('../../../shared/corpus/manifests/', import.meta.url));
  function files(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.ya?ml$/.test(name) ? [path] : [];
      });
  }

  it('are those of the precise parser for every node (or come from it)', () => {
    const texts = [
      ...[join(root, 'src/rules'), join(root, 'examples'), join(root, 'test/fixtures'), corpus].flatMap(files),
    ].map((file) => readFileSync(file, 'utf8'));
    texts.push(mixed(200), deployments(50, { mistakeEvery: 3 }), [...listChunks(20)].join(''));
    texts.push(
      'a: x  # c\nb:\nc: |\n  l1\n  l2\n\nd:\n  e: 1\n\n  f: [1, 2] # x\ng:\n- y\n- z:  "q" \n  w: >-\n    t\n',
      'a: # c\nb: x\nc: "q"   # d\nd: [1]  \ne: |\n  z\nh:    \n  # only comment\ni: {p: [x, "y"], "q": r}\n',
      's:\n- "x" # c\n- [y]\n- plain  \n-\n- k: v\n  l:\n  - m\n',
      // Nested values stepped over: comments and blank lines at any column inside them, zero-indented
      // sequences, block scalars whose lines start with `#` or are indented more.
      'a:\n  b:\n# top comment\n    c: 1\n\n   \n  d:\n  - x\n  -   w: 2\n      z: |\n        # text\n          deeper\n\n        end\n  e: f\n' +
        'g:\n- h\n- i\n  # note\n- j: k\n  l: [m]\np: o\n',
    );
    let compared = 0;
    for (const text of texts) {
      for (const document of parseYamlFast(text).documents) {
        if (!(document instanceof FastDocument) || document.value === null) continue;
        expect(document.start).toBe(document.preciseStart);
        // In order (siblings one after another, as a document's findings come), backwards and shuffled
        // (the same every run): a seek may start at the deepest node it shares with the one before.
        const all = [...paths(document.value)];
        let seed = 7;
        const shuffled = all
          .map((path) => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return { path, at: seed };
          })
          .sort((a, b) => a.at - b.at)
          .map((entry) => entry.path);
        for (const path of [...all, ...[...all].reverse(), ...shuffled]) {
          expect([path, document.locate(path)]).toEqual([path, document.preciseLocate(path)]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
