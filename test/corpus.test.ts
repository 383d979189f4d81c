// Real manifests from public projects (../shared/corpus, present in the development and CI
// workspaces but not in a user's clone): every file is processed, the known defects recorded
// in PROVENANCE.tsv are found, and the findings per file are pinned after review.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/manifests/', import.meta.url));
const present = existsSync(join(corpus, 'PROVENANCE.tsv'));

interface Provenance {
  file: string;
  flags: string[];
}

function provenance(): Provenance[] {
  const [, ...rows] = readFileSync(join(corpus, 'PROVENANCE.tsv'), 'utf8').trimEnd().split('\n');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { file: cells[0] ?? '', flags: (cells[7] ?? '').split(';').filter(Boolean) };
  });
}

const targets = resolveTargets([]);
const lint = (file: string) => lintSource(file, readFileSync(join(corpus, file), 'utf8'), { rules: RULES, targets });

describe.skipIf(!present)('corpus: ../shared/corpus/manifests', () => {
  const files = present
    ? readdirSync(corpus)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];

  it('holds the files PROVENANCE.tsv lists', () => {
    expect(files.sort()).toEqual(
      provenance()
        .map((p) => p.file)
        .sort(),
    );
  });

  it.each(files)('%s is processed without a crash', (file) => {
    expect(() => lint(file)).not.toThrow();
  });

  it.each(present ? provenance().filter((p) => p.flags.length > 0) : [])(
    'finds the recorded defects in $file',
    ({ file, flags }) => {
      const findings = lint(file).findings;
      const rules = new Set(findings.map((f) => f.rule));
      if (flags.includes('yaml-parse-error')) {
        expect(rules.has('parse-error')).toBe(true);
        return;
      }
      for (const flag of flags) {
        if (flag === 'CAP_PREFIX') expect(rules.has('cap-prefix')).toBe(true);
        if (flag === 'NON_UPPERCASE') expect(rules.has('cap-all') || rules.has('cap-case')).toBe(true);
        if (flag.startsWith('UNKNOWN:')) {
          const name = flag.slice('UNKNOWN:'.length);
          expect(findings.some((f) => f.rule === 'cap-unknown' && f.message.includes(name))).toBe(true);
        }
      }
    },
  );

  it('pins the findings of every file (reviewed by hand)', () => {
    const pinned: Record<string, string[]> = {};
    for (const file of files) {
      pinned[file] = lint(file).findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.path}`);
    }
    expect(pinned).toMatchSnapshot();
  });
});
