import { describe, expect, it } from 'vitest';
import { isScalar, isSeq, parseAllDocuments, Scalar, type ScalarTag, Schema } from 'yaml';
import { BAIL_OUT, parseYamlFast, readChunk } from './fast.js';
import { parseYaml } from './yaml.js';
import { mayResolvePlain11, resolvePlain11 } from './yaml11-scalar.js';

// The fast reader resolves plain scalars itself; these tests hold it to the `yaml` package's YAML 1.1
// tags (the precise parser's) over every short string of a small alphabet and over systematic
// combinations of every form: null, booleans, integers in each base, floats, base 60 and timestamps.

/** Every string of length 1..max over the alphabet. */
function* strings(alphabet: string, max: number): Generator<string> {
  let level = [''];
  for (let length = 1; length <= max; length++) {
    const next: string[] = [];
    for (const prefix of level) for (const c of alphabet) next.push(prefix + c);
    yield* next;
    level = next;
  }
}

function* product(...parts: string[][]): Generator<string> {
  const [first, ...rest] = parts;
  if (!first) {
    yield '';
    return;
  }
  for (const head of first) for (const tail of product(...rest)) yield head + tail;
}

const SIGNS = ['', '+', '-'];

function cases(word: string): string[] {
  const alternating = [...word].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
  const title = word.charAt(0).toUpperCase() + word.slice(1);
  return [word, word.toUpperCase(), title, alternating, alternating.toUpperCase() === alternating ? '' : alternating];
}

const WORDS = [
  ...['y', 'yes', 'true', 'on', 'n', 'no', 'false', 'off', 'null', 'nul', 'none', 'nil', 'yess', 'of', 'o', 't', 'f'],
  ...['e', 'e1', 'inf', 'nan', 'infinity'],
].flatMap(cases);

const SYSTEMATIC: string[] = [
  '',
  '~',
  '~~',
  ...WORDS,
  ...product(SIGNS, ['', '.'], WORDS),
  // Integers in every base, with signs, underscores and digits outside the base.
  ...product(SIGNS, ['0b', '0B', '0x', '0X', '0o', '0', '00', ''], ['', '0', '1', '01', '_', '1_0', '7', '8', '9']),
  ...product(SIGNS, ['0x', ''], ['f', 'F', 'g', 'ff_FF', '1f', 'deadBEEF']),
  ...product(SIGNS, ['9007199254740993', '123456789012345678901234567890', '0777777777777777777777777', '1_000_000']),
  // Floats: every combination of integer part, fraction and exponent.
  ...product(
    SIGNS,
    ['', '0', '00', '1', '07', '08', '1_0', '_1', '123456789012345678901234'],
    ['', '.', '.0', '.5', '.50', '._', '.1_2', '..'],
    ['', 'e1', 'E+2', 'e-3', 'e_1', 'e', 'e+', 'e1.5', 'e400', 'e-400'],
  ),
  // Base 60.
  ...product(
    SIGNS,
    ['1', '01', '1_0', '190', '_1'],
    [':0', ':5', ':59', ':60', ':5:9', ':30:00', ':3_0', ':', '::1'],
    ['', '.', '.5', '.5_0', ':1'],
  ),
  // Timestamps: date, optional time with fraction and zone, in every spelling.
  ...product(
    ['2001', '0050', '0000', '99', '20011'],
    ['-'],
    ['1', '01', '12', '13', '123'],
    ['-'],
    ['1', '09', '31', '45'],
    ['', 'T1:2:3', 't01:02:03', ' 1:2:3', '  10:20:30', '\t1:2:3', 'T1:2', 'T25:61:61', 'x1:2:3'],
    ['', '.1', '.123', '.1234567', '.'],
    ['', 'Z', ' Z', 'z', '+5', '-05', '+05:30', '-0:15', '+29', '+30', '+2:30', ' -3', '-03:3'],
  ),
];

/** Every string up to four characters over the characters the numeric forms are made of. */
const EXHAUSTIVE = [...strings('015789_.-+:bxeEaFn~', 4)];

/** The value by the `yaml` package's YAML 1.1 tags: the first default tag whose test matches, in order. */
const tags = new Schema({ schema: 'yaml-1.1' }).tags.filter(
  (t): t is ScalarTag => t.default === true && t.test !== undefined && !t.collection,
);
function byTags(source: string): unknown {
  const tag = tags.find((t) => t.test?.test(source));
  if (!tag) return source;
  const result = tag.resolve(source, () => {}, { intAsBigInt: false } as never) as unknown;
  return result instanceof Scalar ? result.value : result;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime());
  return Object.is(a, b);
}

function mismatches(scalars: Iterable<string>, expected: (s: string) => unknown): string[] {
  const out: string[] = [];
  for (const source of scalars) {
    const ours = resolvePlain11(source);
    const theirs = expected(source);
    if (!same(ours, theirs)) out.push(`${JSON.stringify(source)}: ${String(ours)} ≠ ${String(theirs)}`);
  }
  return out;
}

describe('resolvePlain11', () => {
  it('covers a large set', () => {
    expect(SYSTEMATIC.length).toBeGreaterThan(10_000);
    expect(EXHAUSTIVE.length).toBe(19 + 19 ** 2 + 19 ** 3 + 19 ** 4);
  });

  it('resolves every systematic scalar as the yaml package’s YAML 1.1 tags do', () => {
    expect(mismatches(SYSTEMATIC, byTags)).toEqual([]);
  });

  it('resolves every short string of number characters as the yaml package’s YAML 1.1 tags do', () => {
    expect(mismatches(EXHAUSTIVE, byTags)).toEqual([]);
  });

  it('resolves scalars as the precise parser does in a document', () => {
    // One sequence entry per scalar; entries that are not that plain scalar there (`-:` is a mapping) are skipped.
    const all = [...SYSTEMATIC, ...EXHAUSTIVE.filter((s) => s.length <= 3)];
    let compared = 0;
    const out: string[] = [];
    for (let i = 0; i < all.length; i += 2000) {
      const batch = all.slice(i, i + 2000);
      const docs = parseAllDocuments(batch.map((s) => `- ${s}\n`).join(''), { version: '1.1' });
      const doc = Array.isArray(docs) ? docs[0] : undefined;
      if (!doc || !isSeq(doc.contents)) throw new Error('not a sequence');
      const values = doc.toJS() as unknown[];
      doc.contents.items.forEach((node, k) => {
        const source = batch[k] as string;
        if (!isScalar(node) || node.type !== 'PLAIN' || node.source !== source) return;
        compared++;
        if (!same(resolvePlain11(source), values[k])) out.push(`${JSON.stringify(source)} ≠ ${String(values[k])}`);
      });
    }
    expect(out).toEqual([]);
    expect(compared).toBeGreaterThan(15_000);
  });

  it('gives the fast reader the precise parser’s values', () => {
    const scalars = SYSTEMATIC.filter((s) => !s.includes('\t') && s.trim() === s && !/^[-:]|:$| [#Z-]/.test(s));
    const out: string[] = [];
    let compared = 0;
    for (let i = 0; i < scalars.length; i += 500) {
      const text = scalars
        .slice(i, i + 500)
        .map((s) => `- k: ${s}\n`)
        .join('');
      // The fast reader must read the batch itself, or it would only pass it on to the precise parser.
      expect(readChunk(text, 0, text.length)).not.toBe(BAIL_OUT);
      const precise = parseYaml(text).documents[0]?.value as { k: unknown }[];
      const fast = parseYamlFast(text).documents[0]?.value as { k: unknown }[];
      precise.forEach((item, k) => {
        compared++;
        if (!same(fast[k]?.k, item.k)) out.push(`${JSON.stringify(scalars[i + k])}: ${fast[k]?.k} ≠ ${item.k}`);
      });
    }
    expect(out).toEqual([]);
    expect(compared).toBe(scalars.length);
  });

  it('knows the values of the usual forms', () => {
    const values = [
      '~',
      'yes',
      'Off',
      '0b101',
      '-017',
      '1_000',
      '0x1F',
      '-.inf',
      '.NaN',
      '1e3',
      '1.5',
      '1:30',
      '-0',
    ].map(resolvePlain11);
    expect(values).toEqual([null, true, false, 5, -15, 1000, 31, -Infinity, Number.NaN, 1000, 1.5, 90, -0]);
    expect(Object.is(resolvePlain11('-0'), -0)).toBe(true);
    expect(resolvePlain11('e5')).toBeNaN();
    expect(resolvePlain11('2001-12-14 21:59:43.10 -5')).toEqual(new Date('2001-12-15T02:59:43.100Z'));
    expect(resolvePlain11('0050-01-01')).toEqual(new Date('1950-01-01T00:00:00Z'));
    expect(['SYS_ADMIN', 'nginx', 'NET_ADMN', '1.2.3', '0o17', '+.nan'].map(resolvePlain11)).toEqual([
      'SYS_ADMIN',
      'nginx',
      'NET_ADMN',
      '1.2.3',
      '0o17',
      '+.nan',
    ]);
  });

  it('says a string is only a string when no other form can start with its first character', () => {
    const starts = new Set(
      [...SYSTEMATIC, ...EXHAUSTIVE].filter((s) => s !== '' && byTags(s) !== s).map((s) => s.charAt(0)),
    );
    for (const c of starts) expect(mayResolvePlain11(`${c}x`), c).toBe(true);
    for (const s of ['SYS_ADMIN', 'abc', '/x', '_a', 'é', 'Ñ', 'x1']) expect(mayResolvePlain11(s), s).toBe(false);
  });
});
