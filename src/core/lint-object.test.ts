// lintObject reads an object held as data; its findings are those of the same object written as JSON
// text, but for positions (and comment suppressions, which data cannot carry).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { resolveTargets } from '../knowledge/targets.js';
import { RULES } from '../rules/index.js';
import { lintObject, lintSource } from './engine.js';
import type { Finding } from './types.js';

const options = { rules: RULES, targets: resolveTargets([]) };
const essence = (f: Finding) => ({
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  path: f.path,
  container: f.container,
  fix: f.fix,
  suggestion: f.suggestion,
});

function same(object: unknown, label: string): number {
  const fromText = lintSource('o.json', JSON.stringify(object, null, 2), { ...options, format: 'json' });
  const fromData = lintObject('o.json', object, options);
  const sort = (fs: Finding[]) => fs.map(essence).sort((a, b) => (a.path + a.rule < b.path + b.rule ? -1 : 1));
  expect(sort(fromData.findings), label).toEqual(sort(fromText.findings));
  return fromData.findings.length;
}

function objects(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .filter((d) => d.errors.length === 0)
    .map((d) => d.toJS({ maxAliasCount: -1 }))
    .filter((v) => v !== null && typeof v === 'object');
}

describe('lintObject', () => {
  it('finds what lintSource finds in the examples, at line 1', () => {
    const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
    let found = 0;
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
      for (const object of objects(join(dir, file))) found += same(object, file);
    }
    expect(found).toBeGreaterThan(0);
    const [first] = objects(join(dir, 'elasticsearch-incident.yaml')).flatMap(
      (o) => lintObject('x', o, options).findings,
    );
    expect(first).toMatchObject({ line: 1, column: 1 });
  });

  const corpus = fileURLToPath(new URL('../../../shared/corpus/manifests/', import.meta.url));
  it.skipIf(!existsSync(corpus))('finds what lintSource finds in every corpus document', () => {
    let found = 0;
    for (const file of readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f))) {
      for (const object of objects(join(corpus, file))) found += same(object, file);
    }
    expect(found).toBeGreaterThan(50);
  });
});
