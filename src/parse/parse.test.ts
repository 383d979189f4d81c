import { describe, expect, it } from 'vitest';
import { formatForFile, type ParsedSource, parseSource, type SourceDocument } from './index.js';
import { parseJson } from './json.js';
import type { Path } from './types.js';
import { parseYaml } from './yaml.js';

function only(parsed: ParsedSource): SourceDocument {
  expect(parsed.problems).toEqual([]);
  expect(parsed.documents).toHaveLength(1);
  const document = parsed.documents[0];
  if (!document) throw new Error('no document');
  return document;
}

/** The located text, and whether the path exists. */
function at(text: string, document: SourceDocument, path: Path): { text: string; exact: boolean } {
  const located = document.locate(path);
  if (!located) throw new Error(`nothing located for ${JSON.stringify(path)}`);
  return { text: text.slice(located.range.start, located.range.end), exact: located.exact };
}

describe('parseYaml: document streams', () => {
  it('parses `---`-separated documents with a leading `---`, an empty document and `---` at EOF', () => {
    const text = '---\na: 1\n---\n---\nb: 2\n---\n';
    const parsed = parseYaml(text);
    expect(parsed.problems).toEqual([]);
    const real = parsed.documents.filter((d) => d.value !== null);
    expect(real.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(real.map((d) => d.index)).toEqual([0, 2]);
    expect(real.map((d) => d.start)).toEqual([text.indexOf('a: 1'), text.indexOf('b: 2')]);
    // Empty documents are reported as null values, never as problems.
    expect(parsed.documents.filter((d) => d.value !== null && d.value !== undefined)).toHaveLength(2);
  });

  it('gives every document its position in the stream', () => {
    const parsed = parseYaml('a: 1\n---\nb: 2\n---\nc: 3\n');
    expect(parsed.documents.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [1, { b: 2 }],
      [2, { c: 3 }],
    ]);
  });

  it('parses a comment-only document as null', () => {
    const text = 'a: 1\n---\n# just a comment\n---\nb: 2\n';
    const parsed = parseYaml(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }, null, { b: 2 }]);
    expect(parsed.documents[2]?.start).toBe(text.indexOf('b: 2'));
  });

  it('returns nothing for an empty text or a text of comments only', () => {
    expect(parseYaml('')).toEqual({ documents: [], problems: [] });
    const comments = parseYaml('# one\n# two\n');
    expect(comments.problems).toEqual([]);
    expect(comments.documents.every((d) => d.value === null)).toBe(true);
  });

  it('parses a single document without separators, starting at offset 0', () => {
    const document = only(parseYaml('kind: Pod\n'));
    expect(document).toMatchObject({ index: 0, value: { kind: 'Pod' }, start: 0 });
  });

  it('keeps later documents when the first has a syntax error', () => {
    const text = 'a: [1, 2\n---\nb: 2\n';
    const parsed = parseYaml(text);
    expect(parsed.documents.map((d) => [d.index, d.value])).toEqual([[1, { b: 2 }]]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.message).toMatch(/flow sequence/i);
    expect(parsed.problems[0]?.start).toBe(text.indexOf('---'));
  });

  it('reports a syntax error with a one-line message and a range inside the text', () => {
    const text = 'a: b: c\n---\nb: 2\n';
    const parsed = parseYaml(text);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ b: 2 }]);
    const problem = parsed.problems[0];
    expect(problem?.message).toBe('Nested mappings are not allowed in compact mappings');
    expect(problem?.message).not.toContain('\n');
    expect(problem?.start).toBe(3);
    expect(problem?.end).toBeGreaterThanOrEqual(problem?.start ?? 0);
    expect(problem?.end).toBeLessThanOrEqual(text.length);
  });

  it('reports an error in a later document without losing the earlier one', () => {
    const parsed = parseYaml('a: 1\n---\nb: [\n');
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(parsed.problems.length).toBeGreaterThan(0);
  });
});

describe('parseYaml: scalars as kubectl reads them (YAML 1.1)', () => {
  it('reads yes/no/on/off/true/false as booleans', () => {
    const document = only(parseYaml('a: yes\nb: no\nc: on\nd: off\ne: true\nf: False\ng: YES\nh: Off\n'));
    expect(document.value).toEqual({ a: true, b: false, c: true, d: false, e: true, f: false, g: true, h: false });
  });

  it('reads `privileged: yes` as true', () => {
    const document = only(parseYaml('securityContext:\n  privileged: yes\n  allowPrivilegeEscalation: off\n'));
    expect(document.value).toEqual({ securityContext: { privileged: true, allowPrivilegeEscalation: false } });
  });

  it('keeps quoted yes/on as strings', () => {
    const document = only(parseYaml('a: "yes"\nb: \'on\'\n'));
    expect(document.value).toEqual({ a: 'yes', b: 'on' });
  });

  it('reads a leading-zero number as octal', () => {
    expect(only(parseYaml('mode: 0644\n')).value).toEqual({ mode: 420 });
  });

  it('keeps capability names and null', () => {
    const document = only(parseYaml('add: [NET_ADMIN, CAP_SYS_ADMIN]\nempty:\ntilde: ~\n'));
    expect(document.value).toEqual({ add: ['NET_ADMIN', 'CAP_SYS_ADMIN'], empty: null, tilde: null });
  });
});

describe('parseYaml: anchors, aliases and merge keys', () => {
  const merge = [
    'base: &base',
    '  x: 1',
    '  z: 2',
    'derived:',
    '  <<: *base',
    '  z: 3',
    'multi:',
    '  <<: [*base, {w: 4}]',
    '',
  ].join('\n');

  it('locates a merged key at the anchored node', () => {
    const document = only(parseYaml(merge));
    expect(at(merge, document, ['derived', 'x'])).toEqual({ text: '1', exact: true });
    expect(at(merge, document, ['derived', 'z'])).toEqual({ text: '3', exact: true });
    expect(at(merge, document, ['multi', 'w'])).toEqual({ text: '4', exact: true });
  });

  it('resolves `<<: *base` in values, with local keys winning', () => {
    const document = only(parseYaml(merge));
    expect(document.value).toEqual({
      base: { x: 1, z: 2 },
      derived: { x: 1, z: 3 },
      multi: { x: 1, z: 2, w: 4 },
    });
  });

  it('locates a key that overrides a merged one at the local node', () => {
    const document = only(parseYaml(merge));
    expect(at(merge, document, ['derived', 'z'])).toEqual({ text: '3', exact: true });
    expect(document.locate(['derived', 'z'])?.range.start).toBe(merge.indexOf('z: 3') + 3);
  });

  it('locates a missing key under a merging mapping at that mapping’s key', () => {
    const document = only(parseYaml(merge));
    expect(at(merge, document, ['derived', 'nope'])).toEqual({ text: 'derived', exact: false });
  });

  it('resolves aliases in values', () => {
    const document = only(parseYaml('a: &A\n  k: v\nb: *A\nc: [*A]\n'));
    expect(document.value).toEqual({ a: { k: 'v' }, b: { k: 'v' }, c: [{ k: 'v' }] });
  });

  it('locates a path through an alias at the anchor’s node', () => {
    const text = 'a: &A\n  k: v\nb: *A\nc: [*A]\n';
    const document = only(parseYaml(text));
    const located = document.locate(['b', 'k']);
    expect(located).toEqual({ range: { start: text.indexOf('v'), end: text.indexOf('v') + 1 }, exact: true });
    expect(document.locate(['c', 0, 'k'])).toEqual(located);
  });

  it('locates the alias itself when the path ends at it', () => {
    const text = 'a: &A\n  k: v\nb: *A\n';
    const document = only(parseYaml(text));
    expect(at(text, document, ['b'])).toEqual({ text: '*A', exact: true });
  });

  it('locates a missing key under an alias at the aliasing key', () => {
    const text = 'a: &A\n  k: v\nb: *A\n';
    const document = only(parseYaml(text));
    const located = document.locate(['b', 'nope']);
    expect(located?.exact).toBe(false);
    expect(located?.range.start).toBe(text.indexOf('b:'));
    expect(at(text, document, ['b', 'nope']).text).toBe('b');
  });

  it('refuses an alias bomb with a problem instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1] as string;
      const refs = Array.from({ length: 9 }, () => `*${prev}`).join(',');
      lines.push(`${names[i]}: &${names[i]} [${refs}]`);
    }
    const started = Date.now();
    const parsed = parseYaml(lines.join('\n'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.message).toMatch(/alias/i);
  });

  it('refuses an alias bomb in one document and keeps the next', () => {
    const refs = (name: string) => Array.from({ length: 40 }, () => `*${name}`).join(',');
    const text = `a: &a [x]\nb: &b [${refs('a')}]\nc: &c [${refs('b')}]\nd: [${refs('c')}]\n---\nkind: Pod\n`;
    const parsed = parseYaml(text);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.documents.map((d) => [d.index, d.value])).toEqual([[1, { kind: 'Pod' }]]);
  });
});

describe('parseYaml: problems', () => {
  it('warns of a duplicate key at the second occurrence, and keeps the document with the last value', () => {
    const text = 'a: 1\na: 2\n';
    const parsed = parseYaml(text);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 2 }]);
    expect(parsed.problems).toEqual([
      {
        message: 'duplicate key "a": the last value is used here; kubectl may refuse the file',
        start: 5,
        end: 6,
        warning: true,
      },
    ]);
  });

  it('reports only the first syntax error of a document', () => {
    const parsed = parseYaml('a: [1\nb: {2\nc: ]\n');
    expect(parsed.problems).toHaveLength(1);
  });

  it('reports a duplicate key nested in a mapping', () => {
    const text = 'spec:\n  containers: []\n  containers: []\n---\nb: 1\n';
    const parsed = parseYaml(text);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.start).toBe(text.lastIndexOf('containers'));
    expect(parsed.documents.map((d) => d.value)).toEqual([{ spec: { containers: [] } }, { b: 1 }]);
  });

  it('keeps problem ranges within the text', () => {
    for (const text of ['a: "unterminated', 'a: [', 'key: value\n  bad indent: x\n', '\t- tab']) {
      for (const problem of parseYaml(text).problems) {
        expect(problem.start).toBeGreaterThanOrEqual(0);
        expect(problem.start).toBeLessThanOrEqual(text.length);
        expect(problem.end).toBeGreaterThanOrEqual(problem.start);
        expect(problem.end).toBeLessThanOrEqual(text.length);
        expect(problem.message).not.toMatch(/at line \d+, column \d+/);
      }
    }
  });
});

describe('parseYaml: positions', () => {
  it('keeps positions right in CRLF text with a BOM', () => {
    const text = '\uFEFFa: 1\r\nb:\r\n  c: "x"\r\n  d:\r\n    - NET_RAW\r\n';
    const document = only(parseYaml(text));
    expect(document.value).toEqual({ a: 1, b: { c: 'x', d: ['NET_RAW'] } });
    expect(document.start).toBe(1);
    expect(at(text, document, ['a'])).toEqual({ text: '1', exact: true });
    expect(document.locate(['a'])?.range.start).toBe(4);
    expect(at(text, document, ['b', 'c'])).toEqual({ text: '"x"', exact: true });
    expect(document.locate(['b', 'c'])?.range.start).toBe(text.indexOf('"x"'));
    expect(at(text, document, ['b', 'd', 0])).toEqual({ text: 'NET_RAW', exact: true });
    expect(document.locate(['b', 'd', 0])?.range.start).toBe(text.indexOf('NET_RAW'));
  });

  it('locates items of flow and block sequences', () => {
    const text = 'a: [x, "y", \'z\']\nb:\n  - p\n  - q\n';
    const document = only(parseYaml(text));
    expect(document.value).toEqual({ a: ['x', 'y', 'z'], b: ['p', 'q'] });
    expect(at(text, document, ['a', 0])).toEqual({ text: 'x', exact: true });
    expect(at(text, document, ['b', 1])).toEqual({ text: 'q', exact: true });
    expect(document.locate(['b', 1])?.range.start).toBe(text.lastIndexOf('q'));
  });

  it('includes the quotes in the range of quoted scalars', () => {
    const text = 'a: [x, "y", \'z\']\nb:\n  - "CAP_CHOWN"\n  - \'CAP_KILL\'\n';
    const document = only(parseYaml(text));
    expect(at(text, document, ['a', 1])).toEqual({ text: '"y"', exact: true });
    expect(at(text, document, ['a', 2])).toEqual({ text: "'z'", exact: true });
    expect(at(text, document, ['b', 0])).toEqual({ text: '"CAP_CHOWN"', exact: true });
    expect(at(text, document, ['b', 1])).toEqual({ text: "'CAP_KILL'", exact: true });
  });

  it('locates a flow mapping value', () => {
    const text = 'spec: {containers: [{name: app}]}\n';
    const document = only(parseYaml(text));
    expect(at(text, document, ['spec', 'containers', 0, 'name'])).toEqual({ text: 'app', exact: true });
  });

  it('locates the whole document for the empty path', () => {
    const text = 'a: 1\nb: 2\n';
    const document = only(parseYaml(text));
    const located = document.locate([]);
    expect(located?.exact).toBe(true);
    expect(located?.range.start).toBe(0);
    expect(text.slice(located?.range.start, located?.range.end).trim()).toBe('a: 1\nb: 2');
  });

  it('locates a mapping value from its first key', () => {
    const text = 'spec:\n  a: 1\n  b: 2\n';
    const document = only(parseYaml(text));
    const located = document.locate(['spec']);
    expect(located?.exact).toBe(true);
    expect(located?.range.start).toBe(text.indexOf('a: 1'));
  });

  it('locates documents after the first at their own offsets', () => {
    const text = 'a: 1\n---\nkind: Pod\nspec:\n  x: [NET_RAW]\n';
    const parsed = parseYaml(text);
    const second = parsed.documents[1];
    if (!second) throw new Error('no second document');
    expect(second.start).toBe(text.indexOf('kind'));
    expect(at(text, second, ['spec', 'x', 0])).toEqual({ text: 'NET_RAW', exact: true });
  });
});

describe('parseYaml: locate() for missing paths', () => {
  const text = 'a:\n  b:\n    c: 1\nspec: {}\nlist:\n  - one\n';

  it('points at the key of the deepest existing ancestor', () => {
    const document = only(parseYaml(text));
    const located = document.locate(['a', 'b', 'x', 'y']);
    expect(located).toEqual({ range: { start: text.indexOf('b:'), end: text.indexOf('b:') + 1 }, exact: false });
  });

  it('points at the key of an empty flow mapping', () => {
    const document = only(parseYaml(text));
    expect(at(text, document, ['spec', 'containers', 0])).toEqual({ text: 'spec', exact: false });
  });

  it('points at the key of a scalar that is indexed into', () => {
    const document = only(parseYaml(text));
    expect(at(text, document, ['a', 'b', 'c', 0])).toEqual({ text: 'c', exact: false });
    expect(at(text, document, ['a', 'b', 'c', 'd'])).toEqual({ text: 'c', exact: false });
  });

  it('points at the key of a sequence whose index is out of range', () => {
    const document = only(parseYaml(text));
    expect(at(text, document, ['list', 5])).toEqual({ text: 'list', exact: false });
  });

  it('points at a sequence item when a key below it is missing', () => {
    const document = only(parseYaml(text));
    expect(at(text, document, ['list', 0, 'name'])).toEqual({ text: 'one', exact: false });
  });

  it('falls back to the whole document for a missing top-level key', () => {
    const document = only(parseYaml(text));
    const located = document.locate(['nope']);
    expect(located?.exact).toBe(false);
    expect(located?.range.start).toBe(0);
  });

  it('does not treat a number as a mapping key', () => {
    const document = only(parseYaml('1: one\n'));
    expect(document.locate([1])?.exact).toBe(false);
  });
});

describe('parseYaml: numeric keys', () => {
  it('turns numeric keys into strings and locates them by string', () => {
    const text = '1: one\n2:\n  3: x\n';
    const document = only(parseYaml(text));
    expect(document.value).toEqual({ 1: 'one', 2: { 3: 'x' } });
    expect(Object.keys(document.value as object)).toEqual(['1', '2']);
    expect(at(text, document, ['1'])).toEqual({ text: 'one', exact: true });
    expect(at(text, document, ['2', '3'])).toEqual({ text: 'x', exact: true });
    expect(at(text, document, ['2', '4'])).toEqual({ text: '2', exact: false });
  });
});

describe('parseJson', () => {
  const text = '{"a": {"b": [1, "x"]}, "1": true, "kind": "Pod"}';

  it('parses one document with its values', () => {
    const document = only(parseJson(text));
    expect(document).toMatchObject({ index: 0, start: 0 });
    expect(document.value).toEqual({ a: { b: [1, 'x'] }, 1: true, kind: 'Pod' });
  });

  it('parses scalars, null and nested arrays', () => {
    const document = only(parseJson('[null, 1.5, -2, "s", [true, false], {}]'));
    expect(document.value).toEqual([null, 1.5, -2, 's', [true, false], {}]);
  });

  it('reads `yes` only as a string (no YAML 1.1 in JSON)', () => {
    expect(only(parseJson('{"privileged": "yes"}')).value).toEqual({ privileged: 'yes' });
  });

  it('locates existing paths exactly, with the quotes of strings', () => {
    const document = only(parseJson(text));
    expect(at(text, document, ['a', 'b', 1])).toEqual({ text: '"x"', exact: true });
    expect(at(text, document, ['a', 'b', 0])).toEqual({ text: '1', exact: true });
    expect(at(text, document, ['1'])).toEqual({ text: 'true', exact: true });
    expect(at(text, document, ['kind'])).toEqual({ text: '"Pod"', exact: true });
    expect(document.locate(['a', 'b', 1])?.range).toEqual({ start: text.indexOf('"x"'), end: text.indexOf('"x"') + 3 });
  });

  it('locates a missing path at the key of the deepest existing ancestor', () => {
    const document = only(parseJson(text));
    expect(at(text, document, ['a', 'c'])).toEqual({ text: '"a"', exact: false });
    expect(at(text, document, ['a', 'b', 5])).toEqual({ text: '"b"', exact: false });
    expect(at(text, document, ['a', 'b', 'x'])).toEqual({ text: '"b"', exact: false });
  });

  it('locates a missing top-level key at the opening brace', () => {
    const document = only(parseJson(text));
    expect(document.locate(['nope'])).toEqual({ range: { start: 0, end: 1 }, exact: false });
  });

  it('locates positions in multi-line JSON', () => {
    const multi = '{\n  "spec": {\n    "containers": [\n      {"name": "a"}\n    ]\n  }\n}\n';
    const document = only(parseJson(multi));
    expect(at(multi, document, ['spec', 'containers', 0, 'name'])).toEqual({ text: '"a"', exact: true });
    expect(at(multi, document, ['spec', 'containers', 0, 'image'])).toEqual({ text: '{', exact: false });
  });

  it('blanks a BOM without shifting offsets', () => {
    const bom = '\uFEFF{"a": "b"}';
    const document = only(parseJson(bom));
    expect(document.value).toEqual({ a: 'b' });
    expect(document.start).toBe(1);
    expect(at(bom, document, ['a'])).toEqual({ text: '"b"', exact: true });
  });

  it('reports syntax errors with offsets and no documents', () => {
    expect(parseJson('{"a": 1')).toEqual({
      documents: [],
      problems: [{ message: 'JSON: close brace expected', start: 7, end: 7 }],
    });
    const trailing = parseJson('{"a": 1,}');
    expect(trailing.documents).toEqual([]);
    expect(trailing.problems[0]).toEqual({ message: 'JSON: property name expected', start: 8, end: 9 });
  });

  it('reports an empty text', () => {
    expect(parseJson('')).toEqual({ documents: [], problems: [{ message: 'JSON: value expected', start: 0, end: 0 }] });
  });

  it('refuses comments', () => {
    const parsed = parseJson('{"a": 1 // note\n}');
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]?.start).toBe(8);
  });
});

describe('parseSource', () => {
  it('parses YAML with format yaml, even when the text looks like JSON', () => {
    const parsed = parseSource('{"a": 1, "a": 2}', 'yaml');
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 2 }]);
    expect(parsed.problems[0]?.message).toMatch(/^duplicate key "a"/);
  });

  it('parses JSON with format json', () => {
    const document = only(parseSource('{"a": 1, "b": [true, null]}', 'json'));
    expect(document.value).toEqual({ a: 1, b: [true, null] });
  });

  it('reports duplicate JSON keys as a warning at the second key, and reads the last value, as in YAML', () => {
    const parsed = parseSource('{"a": 1, "a": 2}', 'json');
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 2 }]);
    expect(parsed.documents[0]?.locate(['a'])?.range).toEqual({ start: 14, end: 15 });
    expect(parsed.problems).toEqual([
      {
        message: 'JSON: duplicate key "a": the last value is used here; kubectl may refuse the file',
        start: 9,
        end: 12,
        warning: true,
      },
    ]);
  });

  it('keeps a __proto__ key as data', () => {
    const value = only(parseSource('{"__proto__": {"kind": "Pod"}}', 'json')).value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect((value as { kind?: unknown }).kind).toBeUndefined();
  });

  it('does not fall back to YAML with format json', () => {
    const parsed = parseSource('a: 1\n', 'json');
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.every((p) => p.message.startsWith('JSON: '))).toBe(true);
  });

  it('parses JSON-looking text as JSON with format auto', () => {
    expect(only(parseSource('{"a": 1, "b": 2}', 'auto')).value).toEqual({ a: 1, b: 2 });
    expect(only(parseSource('  \n[{"a": 1}]', 'auto')).value).toEqual([{ a: 1 }]);
  });

  it('parses JSON with a BOM with format auto', () => {
    const text = '\uFEFF{"kind": "Job", "spec": {"on": "yes"}}';
    const document = only(parseSource(text, 'auto'));
    expect(document.value).toEqual({ kind: 'Job', spec: { on: 'yes' } });
    expect(document.start).toBe(1);
    expect(at(text, document, ['spec', 'on'])).toEqual({ text: '"yes"', exact: true });
  });

  it('falls back to YAML when auto text starting with `{` is YAML flow, not JSON', () => {
    const text = '{a: 1, b: [x, yes]}';
    const document = only(parseSource(text, 'auto'));
    expect(document.value).toEqual({ a: 1, b: ['x', true] });
    expect(at(text, document, ['b', 0])).toEqual({ text: 'x', exact: true });
  });

  it('reports YAML problems (not JSON ones) when auto text is neither', () => {
    const parsed = parseSource('{a: [1, }', 'auto');
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.some((p) => p.message.startsWith('JSON: '))).toBe(false);
  });

  it('parses YAML with format auto when the text does not start with { or [', () => {
    const parsed = parseSource('a: 1\n---\nb: on\n', 'auto');
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: true }]);
  });
});

describe('formatForFile', () => {
  it('picks the format from the extension', () => {
    expect(formatForFile('a.json')).toBe('json');
    expect(formatForFile('dir/A.JSON')).toBe('json');
    expect(formatForFile('a.yaml')).toBe('yaml');
    expect(formatForFile('a.yml')).toBe('yaml');
    expect(formatForFile('a.YML')).toBe('yaml');
    expect(formatForFile('-')).toBe('auto');
    expect(formatForFile('values.yaml.tpl')).toBe('auto');
    expect(formatForFile('Dockerfile')).toBe('auto');
  });
});
