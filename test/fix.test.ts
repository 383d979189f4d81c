// Golden tests for `fix`: each fixture has its expected output beside it; fixing twice changes
// nothing more; and the guarantees hold on the shared corpus of real manifests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changedLines, unifiedDiff } from '../src/core/diff.js';
import { lintSource } from '../src/core/engine.js';
import { deepEqual, type FixOptions, fixSource } from '../src/core/fix.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { formatForFile, parseSource } from '../src/parse/index.js';
import { RULES } from '../src/rules/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/fix/', import.meta.url));
const golden = readdirSync(fixtures).filter((f) => !f.includes('.fixed.'));

function options(text: string, file: string, extra: Partial<FixOptions> = {}): FixOptions {
  const header = /^# targets: (.+)$/m.exec(text);
  const targets = resolveTargets(header?.[1] ? header[1].split(/\s+/) : []);
  return { rules: RULES, targets, format: formatForFile(file), ...extra };
}

describe.each(golden)('fix %s', (name) => {
  const text = readFileSync(join(fixtures, name), 'utf8');
  const expected = readFileSync(join(fixtures, name.replace(/\.(ya?ml|json)$/, '.fixed.$1')), 'utf8');

  it('gives the expected text, byte for byte', () => {
    const result = fixSource(name, text, options(text, name));
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(expected);
    expect(result.changed).toBe(text !== expected);
  });

  it('changes nothing more when run again', () => {
    const again = fixSource(name, expected, options(expected, name));
    expect(again.output).toBe(expected);
    expect(again.changes).toEqual([]);
  });
});

describe('fix details', () => {
  it('reports before and after positions, mapped across passes', () => {
    const text = readFileSync(join(fixtures, 'flow-list.yaml'), 'utf8');
    const result = fixSource('flow-list.yaml', text, options(text, 'flow-list.yaml'));
    const kill = result.changes.find((c) => c.before.text === "'cap_kill'");
    expect(kill).toMatchObject({
      rule: 'cap-prefix',
      before: { line: 7, column: 59, endLine: 7, endColumn: 69 },
      after: { line: 7, column: 55, text: "'KILL'" },
    });
    for (const change of result.changes) {
      const lines = result.output.split('\n');
      const at = lines[change.after.line - 1] ?? '';
      expect(at.slice(change.after.column - 1, change.after.endColumn - 1)).toBe(change.after.text);
    }
  });

  it('explains a skipped fix that would make a target worse', () => {
    const text = readFileSync(join(fixtures, 'rkt.yaml'), 'utf8');
    const result = fixSource('rkt.yaml', text, options(text, 'rkt.yaml'));
    expect(result.changed).toBe(false);
    expect(result.skipped[0]).toMatchObject({ rule: 'cap-prefix', line: 11 });
    expect(result.skipped[0]?.reason).toContain('on rkt@1.30 it would');
  });

  it('applies suggestions only when unsafe fixes are allowed', () => {
    const text =
      'kind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext:\n        capabilities:\n          add: [SYS_RESOURCES]\n';
    expect(fixSource('a.yaml', text, options(text, 'a.yaml')).changed).toBe(false);
    const unsafe = fixSource('a.yaml', text, options(text, 'a.yaml', { unsafe: true }));
    expect(unsafe.output).toContain('add: [SYS_RESOURCE]');
    expect(unsafe.changes[0]?.rule).toBe('cap-unknown');
  });

  it('limits the fixes to the selected rules', () => {
    const text = readFileSync(join(fixtures, 'helm-values.yaml'), 'utf8');
    const result = fixSource('h.yaml', text, options(text, 'h.yaml', { only: new Set(['cap-all']) }));
    expect(result.changes.map((c) => c.rule)).toEqual(['cap-all']);
    expect(result.output).toContain('CAP_SYS_CHROOT');
  });

  it('leaves a file with a parse error untouched', () => {
    const text =
      'kind: Pod\nspec: [unclosed\n---\nkind: Pod\nspec:\n  containers: [{name: a, securityContext: {capabilities: {add: [CAP_KILL]}}}]\n';
    const result = fixSource('bad.yaml', text, options(text, 'bad.yaml'));
    expect(result.output).toBe(text);
    expect(result.changed).toBe(false);
    expect(result.error).toContain('parse error');
  });

  it('edits a list shared through an alias once, at its anchor', () => {
    const text = [
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: a',
      '      securityContext:',
      '        capabilities:',
      '          add: &list [CAP_KILL]',
      '    - name: b',
      '      securityContext:',
      '        capabilities:',
      '          add: *list',
      '',
    ].join('\n');
    const result = fixSource('a.yaml', text, options(text, 'a.yaml'));
    expect(result.output).toBe(text.replace('[CAP_KILL]', '[KILL]'));
    expect(result.changes).toHaveLength(1);
  });

  it('leaves an anchor alone, and says why, when an alias of it must not change', () => {
    // The anchored scalar is also an annotation value, which is no capability.
    const text = [
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  annotations: {cap: &kill CAP_KILL}',
      'spec:',
      '  containers:',
      '    - name: a',
      '      securityContext:',
      '        capabilities:',
      '          add: [*kill]',
      '',
    ].join('\n');
    const result = fixSource('a.yaml', text, options(text, 'a.yaml'));
    expect(result.output).toBe(text);
    expect(result.skipped[0]?.reason).toContain('outside the edited entries');
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    expect(unifiedDiff('x.yaml', before, after)).toBe(
      '--- a/x.yaml\n+++ b/x.yaml\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n',
    );
    expect(unifiedDiff('x.yaml', before, before)).toBe('');
    expect(changedLines(before, after)).toEqual([4]);
    expect(changedLines('a\nb\nc\n', 'a\nc\n')).toEqual([2]);
  });
});

const corpus = fileURLToPath(new URL('../../shared/corpus/manifests/', import.meta.url));
const corpusFiles = existsSync(corpus) ? readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f)) : [];

/** Paths (as strings) where two values differ; a list whose length changed counts as one path. */
function differences(a: unknown, b: unknown, path: (string | number)[] = [], out: string[] = []): string[] {
  if (deepEqual(a, b)) return out;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object';
  if (
    !bothObjects ||
    Array.isArray(a) !== Array.isArray(b) ||
    (Array.isArray(a) && a.length !== (b as unknown[]).length)
  ) {
    out.push(JSON.stringify(path));
    return out;
  }
  for (const key of new Set([...Object.keys(a as object), ...Object.keys(b as object)])) {
    const k = Array.isArray(a) ? Number(key) : key;
    differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, k], out);
  }
  return out;
}

describe.skipIf(corpusFiles.length === 0)('fix on ../shared/corpus/manifests', () => {
  const targets = resolveTargets([]);
  it.each(corpusFiles)('%s: no safe fix left, data changed only where edited, other lines identical', (file) => {
    const text = readFileSync(join(corpus, file), 'utf8');
    const result = fixSource(file, text, { rules: RULES, targets });
    if (result.error) {
      expect(result.output).toBe(text);
      return;
    }
    const after = lintSource(file, result.output, { rules: RULES, targets });
    const leftover = after.findings.filter((f) => f.fix && !result.skipped.some((s) => s.path === f.path));
    expect(leftover.map((f) => `${f.rule} ${f.path}`)).toEqual([]);

    // Data: every difference lies at (or, for a removal, is the list of) an edited entry.
    const edited = result.changes.map((c) => c.path);
    const before = parseSource(text, 'auto').documents;
    const fixed = parseSource(result.output, 'auto').documents;
    expect(fixed.length).toBe(before.length);
    before.forEach((doc, i) => {
      for (const path of differences(doc.value, fixed[i]?.value)) {
        const readable = (JSON.parse(path) as (string | number)[])
          .map((s, j) => (typeof s === 'number' ? `[${s}]` : j === 0 ? s : `.${s}`))
          .join('');
        expect(edited.some((e) => e === readable || e.startsWith(`${readable}[`))).toBe(true);
      }
    });

    // Text: only the lines that held an edited entry differ.
    const editedLines = new Set(result.changes.flatMap((c) => range(c.before.line, c.before.endLine)));
    for (const line of changedLines(text, result.output)) expect(editedLines.has(line)).toBe(true);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('moving pod-level capabilities (JSON)', () => {
  it('merges the lists into each container, format kept', () => {
    const text = `{
  "kind": "Pod",
  "metadata": { "name": "p" },
  "spec": {
    "securityContext": { "runAsUser": 1000, "capabilities": { "drop": ["ALL"] } },
    "containers": [
      { "name": "a", "image": "a" },
      { "name": "b", "image": "b", "securityContext": { "capabilities": { "drop": ["NET_RAW"] } } }
    ]
  }
}
`;
    const result = fixSource('p.json', text, { rules: RULES, targets: resolveTargets([]), format: 'json' });
    expect(result.error).toBeUndefined();
    const value = JSON.parse(result.output);
    expect(value.spec.securityContext).toEqual({ runAsUser: 1000 });
    expect(value.spec.containers[0].securityContext).toEqual({ capabilities: { drop: ['ALL'] } });
    expect(value.spec.containers[1].securityContext.capabilities.drop).toEqual(['NET_RAW', 'ALL']);
    expect(result.output).toContain('  "metadata": { "name": "p" },\n');
  });
});
