import { describe, expect, it } from 'vitest';
import { fileNames, hash52, Occurrences } from './identity.js';

describe('Occurrences', () => {
  it('counts alike findings across the files of one name, ./ or not', () => {
    const occurrences = new Occurrences(['a.yaml', 'b.yaml', './a.yaml']);
    expect(occurrences.next('a.yaml', 1)).toBe(0);
    expect(occurrences.next('a.yaml', 1)).toBe(1);
    expect(occurrences.next('a.yaml', 2)).toBe(0);
    occurrences.fileDone('a.yaml');
    expect(occurrences.next('b.yaml', 1)).toBe(0);
    occurrences.fileDone('b.yaml');
    // The same file named again goes on from where the first left off.
    expect(occurrences.next('./a.yaml', 1)).toBe(2);
    occurrences.fileDone('./a.yaml');
  });

  it('lets a name’s counts go after its last file', () => {
    const occurrences = new Occurrences(['a.yaml', 'b.yaml', 'a.yaml']);
    occurrences.next('a.yaml', 1);
    occurrences.fileDone('a.yaml');
    expect(occurrences.held).toBe(1);
    occurrences.next('b.yaml', 1);
    occurrences.fileDone('b.yaml');
    expect(occurrences.held).toBe(1);
    occurrences.next('a.yaml', 1);
    occurrences.fileDone('a.yaml');
    expect(occurrences.held).toBe(0);
  });

  it('keeps the counts to the end without the names, and for a name it was not told of', () => {
    const unnamed = new Occurrences();
    unnamed.next('a.yaml', 1);
    unnamed.fileDone('a.yaml');
    expect(unnamed.held).toBe(1);
    expect(unnamed.next('a.yaml', 1)).toBe(1);

    const named = new Occurrences(['a.yaml']);
    named.next('other.yaml', 1);
    named.fileDone('other.yaml');
    expect(named.held).toBe(1);
    expect(named.next('other.yaml', 1)).toBe(1);
  });

  it('takes the names from a report that holds its files', () => {
    expect(fileNames({ files: [{ file: 'a.yaml', findings: [] }], targets: [], summary: EMPTY })).toEqual(['a.yaml']);
    const files = (function* () {})();
    expect(fileNames({ files, targets: [], summary: EMPTY })).toBeUndefined();
    expect(fileNames({ files, names: ['b.yaml'], targets: [], summary: EMPTY })).toEqual(['b.yaml']);
  });
});

const EMPTY = { files: 0, documents: 0, errors: 0, warnings: 0, infos: 0 };

describe('hash52', () => {
  it('is a safe integer, the same for the same text', () => {
    const text = 'cap-prefix\u0000a.yaml\u0000apps/v1/Deployment//web\u0000nginx\u0000spec.containers[0]';
    expect(Number.isSafeInteger(hash52(text))).toBe(true);
    expect(hash52(text)).toBeLessThan(2 ** 52);
    expect(hash52(text)).toBe(hash52(`${text.slice(0, 10)}${text.slice(10)}`));
  });

  it('tells apart 200,000 identities that differ in a character or two', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      seen.add(hash52(`cap-prefix\u0000deploy.yaml\u0000apps/v1/Deployment/ns/web-${i}\u0000app\u0000add[${i % 3}]`));
    }
    expect(seen.size).toBe(200_000);
    expect(hash52('ab')).not.toBe(hash52('ba'));
    expect(hash52('')).not.toBe(hash52('\u0000'));
  });
});
