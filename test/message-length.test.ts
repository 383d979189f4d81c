// Every finding's message is one line a person reads at a glance (≤ MESSAGE_MAX characters), and its
// line in the text output fits a terminal (≤ 200), over every rule's fixtures and the corpus: on the
// fixture's own targets, on the built-in matrix and on every known target, with every rule enabled.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findingLine } from '../src/cli/output/text.js';
import { lintSource } from '../src/core/engine.js';
import { MESSAGE_MAX } from '../src/core/message.js';
import type { Finding } from '../src/core/types.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';
import { readFixture } from './support/rule-tester.js';

const LINE_MAX = 200;
const settings = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.severity]));
const everyTarget = resolveTargets([
  'docker@1.10',
  'docker@18.06',
  'docker@18.09',
  'docker@20.10',
  'docker@29',
  'containerd@1.2',
  'containerd@1.5.0',
  'containerd@1.6+runc@1.0.0-rc93',
  'containerd@2.2',
  'crio@1.0',
  'crio@1.11',
  'crio@1.17',
  'crio@1.20',
  'crio@1.36',
  'podman@4.3',
  'podman@5.6',
  'rkt@1.30',
  'k8s@1.13',
  'k8s@1.30',
]);

function findings(file: string, text: string, targetSets: readonly (readonly string[])[]): Finding[] {
  const out: Finding[] = [];
  for (const targets of targetSets) {
    out.push(...lintSource(file, text, { rules: RULES, targets: resolveTargets([...targets]), settings }).findings);
  }
  out.push(...lintSource(file, text, { rules: RULES, targets: everyTarget, settings }).findings);
  return out;
}

function check(all: readonly Finding[]): void {
  for (const finding of all) {
    const where = `${finding.rule} ${finding.file}:${finding.line}`;
    expect(finding.message, where).not.toMatch(/\n/);
    expect(finding.message.length, `${where}: ${finding.message}`).toBeLessThanOrEqual(MESSAGE_MAX);
    const line = findingLine(finding);
    expect(line.length, `${where}: ${line}`).toBeLessThanOrEqual(LINE_MAX);
    // The long story is kept, not lost: every rule finding explains itself.
    if (finding.rule !== 'parse-error') expect(finding.explanation?.length ?? 0, where).toBeGreaterThan(0);
  }
}

const fixtures = RULES.flatMap((rule) => ['valid.yaml', 'invalid.yaml'].map((name) => ({ id: rule.meta.id, name })));

describe('messages are one short line', () => {
  it.each(fixtures)('$id/$name', ({ id, name }) => {
    const text = readFileSync(new URL(`../src/rules/${id}/fixtures/${name}`, import.meta.url), 'utf8');
    const all = findings(`${id}/${name}`, text, [readFixture(text).targets, []]);
    if (name === 'invalid.yaml') expect(all.length).toBeGreaterThan(0);
    check(all);
  });

  it('examples/ (every file)', () => {
    const dir = fileURLToPath(new URL('../examples/', import.meta.url));
    const all = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) => findings(`examples/${f}`, readFileSync(join(dir, f), 'utf8'), [[]]));
    expect(all.length).toBeGreaterThan(0);
    check(all);
  });

  const corpus = fileURLToPath(new URL('../../shared/corpus/manifests/', import.meta.url));
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f)) : [];
  it.skipIf(files.length === 0)('../shared/corpus/manifests (every file)', () => {
    let count = 0;
    for (const file of files) {
      const all = findings(file, readFileSync(join(corpus, file), 'utf8'), [[]]);
      count += all.length;
      check(all);
    }
    expect(count).toBeGreaterThan(0);
  });
});
