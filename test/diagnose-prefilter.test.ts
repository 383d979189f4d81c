// The cheap tests in front of the signatures (the prefilter's anchors, the search for the next anchor
// in a piece of many lines, the one search of all of a signature's patterns, the log-line test at a
// place in a text) must never drop a line that a signature matches, and must agree with the per-line
// tests they stand in for. Checked on the project's fixtures and, when present, the real log corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anyOf, nextAnchor, PREFILTER_ANCHORS, prefilter } from '../src/diagnose/classify.js';
import { looksLikeLog, looksLikeLogAt, normalizeText, parseLineMeta, StructureTracker } from '../src/diagnose/read.js';
import { SIGNATURES } from '../src/diagnose/signatures.js';
import type { PatternSpec } from '../src/diagnose/types.js';

const fixtures = fileURLToPath(new URL('./fixtures/diagnose/', import.meta.url));
const logs = fileURLToPath(new URL('../../shared/corpus/logs/', import.meta.url));
const logsPresent = existsSync(join(logs, 'PROVENANCE.tsv'));

function texts(dir: string, keep: (name: string) => boolean): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

const fixtureTexts = texts(fixtures, () => true);
const corpusTexts = logsPresent ? texts(logs, (name) => name.endsWith('.txt')) : [];

/** Every line of a text with where it starts and ends (line breaks as the reader splits them). */
function* lines(text: string): Generator<{ line: string; start: number; end: number }> {
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield { line: text.slice(start, match.index), start, end: match.index };
    start = match.index + match[0].length;
  }
  if (start < text.length) yield { line: text.slice(start), start, end: text.length };
}

const regexes = (patterns: readonly (RegExp | PatternSpec)[]) => patterns.map((p) => (p instanceof RegExp ? p : p.re));

/** Signatures whose keyword and pattern match the line's message, as the classifier reads it. */
function matching(line: string): string[] {
  const text = normalizeText(parseLineMeta(line).message);
  return SIGNATURES.filter(
    (s) => s.keywords.some((k) => text.includes(k)) && regexes(s.patterns).some((re) => re.test(text)),
  ).map((s) => s.id);
}

/** Checks every line of the texts; returns how many lines a signature matches. */
function checkLines(inputs: readonly { file: string; text: string }[]): number {
  let matched = 0;
  for (const { file, text } of inputs) {
    for (const { line, start, end } of lines(text)) {
      const where = `${file}: ${line.slice(0, 120)}`;
      const passes = prefilter(line);
      // The search in the whole text finds an anchor inside the line exactly when the line passes.
      expect(nextAnchor(text, start) < end, where).toBe(passes);
      expect(looksLikeLogAt(text, start), where).toBe(looksLikeLog(line));
      const ids = matching(line);
      if (ids.length > 0) {
        matched++;
        expect([ids, passes], where).toEqual([ids, true]);
      }
    }
  }
  return matched;
}

describe('prefilter and the searches that stand in for it', () => {
  it('has no anchor with a line break, so an anchor found in a piece of text lies inside one line', () => {
    for (const anchor of PREFILTER_ANCHORS) expect(/[\r\n]/.test(anchor), anchor).toBe(false);
  });

  it('lets every fixture line a signature matches through, and agrees line by line', () => {
    expect(checkLines(fixtureTexts)).toBe(26);
  });

  it('finds no anchor where there is none, and the first of several', () => {
    const text = 'plain line\nOperation not permitted twice: not permitted\r\nplain';
    expect(nextAnchor(text, 0)).toBe(text.indexOf('ermi'));
    expect(nextAnchor(text, text.indexOf('ermi') + 1)).toBe(text.lastIndexOf('ermi'));
    expect(nextAnchor(text, text.lastIndexOf('ermi') + 1)).toBe(text.length);
    expect(nextAnchor('', 0)).toBe(0);
  });
});

describe.skipIf(!logsPresent)('prefilter on the log corpus (../shared/corpus/logs)', () => {
  it('lets every line a signature matches through: no signature line is ever filtered out', () => {
    expect(corpusTexts.length).toBe(54);
    // Every excerpt holds at least one such line.
    expect(corpusTexts.filter((input) => checkLines([input]) === 0).map((input) => input.file)).toEqual([]);
    // 98 since the operation model, the security modules and the evidence of granted capabilities.
    expect(checkLines(corpusTexts)).toBe(98);
  });
});

describe('one search for all of a signature’s patterns', () => {
  const signatureLines = [
    ...SIGNATURES.flatMap((s) => s.examples.map((e) => normalizeText(parseLineMeta(e).message))),
    ...[...fixtureTexts, ...corpusTexts].flatMap(({ text }) =>
      [...lines(text)].map(({ line }) => normalizeText(parseLineMeta(line).message)),
    ),
  ];

  it('matches exactly where one of the patterns matches, for every signature that has several', () => {
    let combined = 0;
    for (const signature of SIGNATURES) {
      const patterns = regexes(signature.patterns);
      const any = anyOf(patterns);
      if (any === undefined) continue;
      combined++;
      for (const text of signatureLines) {
        expect(any.test(text), `${signature.id}: ${text.slice(0, 120)}`).toBe(patterns.some((p) => p.test(text)));
      }
    }
    expect(combined).toBeGreaterThan(15);
  });

  it('makes named groups plain, and declines what it cannot combine for sure', () => {
    expect(anyOf([/a (?<name>\w+)/, /(?<=x)b(?<n2>c)/])?.source).toBe('(?:a (?:\\w+))|(?:(?<=x)b(?:c))');
    expect(anyOf([/a/i, /b/i])?.flags).toBe('i');
    expect(anyOf([/a/])).toBeUndefined();
    expect(anyOf([/a/i, /b/])).toBeUndefined();
    expect(anyOf([/(a)\1/, /b/])).toBeUndefined();
    expect(anyOf([/(?<x>a)\k<x>/, /b/])).toBeUndefined();
    expect(anyOf([/\(?<x>/, /b/])).toBeUndefined();
    expect(anyOf([/[(?<x>]/, /b/])).toBeUndefined();
    expect(anyOf([/a/g, /b/g])).toBeUndefined();
  });
});

describe('passing log lines while the tracker is idle', () => {
  it('is what the tracker does with a log line outside kubectl output', () => {
    const log = 'Apr 12 10:00:00 node-1 kubelet[1]: I0412 10:00:00.000000 1 x.go:1] hello';
    const fed = new StructureTracker();
    const passed = new StructureTracker();
    for (const tracker of [fed, passed]) tracker.line('$ kubectl logs web-1 -c app');
    expect([fed.idle, fed.line('chown: /x: Operation not permitted')?.resolve()]).toEqual([
      true,
      { pod: 'web-1', container: 'app' },
    ]);
    expect(fed.line(log)).toBeUndefined();
    passed.passLogLine();
    for (const tracker of [fed, passed]) {
      expect(tracker.idle).toBe(true);
      expect(tracker.line('chown: /x: Operation not permitted')).toBeUndefined();
    }
  });

  it('is not idle inside kubectl output', () => {
    const tracker = new StructureTracker();
    tracker.line('Name:         web-1');
    expect(tracker.idle).toBe(false);
    tracker.line('');
    tracker.line('Apr 12 10:00:00 node-1 kubelet[1]: hello');
    expect(tracker.idle).toBe(true);
  });
});
