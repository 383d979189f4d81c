// Runtime facts that were once wrong, each pinned by a manifest in test/fixtures/knowledge and checked
// through the built binary. A fixture's header names its target and what must happen there:
//   # target: crio@1.25
//   # expect: RULE PATH OUTCOME     the finding of RULE at PATH has exactly OUTCOME in targets[].outcome
//   # expect-none: RULE             RULE reports nothing
//   # expect-held: CAP              `explain` shows CAP in the first process's effective set
//   # contrast: TARGET              on TARGET the opposite holds (the rule reports, CAP is not held)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExplainJson } from '../src/cli/commands/explain.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const folder = join(root, 'test', 'fixtures', 'knowledge');

interface Finding {
  rule: string;
  path: string;
  targets?: { target: string; outcome: string }[];
}

function run(args: string[]): string {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status === 2 || result.stdout === '') throw new Error(`capdoctor ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function lint(file: string, target: string): Finding[] {
  return (JSON.parse(run(['lint', '-t', target, '-o', 'json', file])) as { findings: Finding[] }).findings;
}

function effective(file: string, target: string): string[] | null {
  const report = JSON.parse(run(['explain', '-t', target, '-o', 'json', file])) as ExplainJson;
  return report.containers[0]?.targets[0]?.effective ?? null;
}

function header(text: string, key: string): string[] {
  return [...text.matchAll(new RegExp(`^# ${key}: (.+)$`, 'gm'))].map((m) => (m[1] as string).trim());
}

const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('knowledge regressions', () => {
  it('has the fixtures the corrections need', () => {
    expect(fixtures).toEqual([
      'containerd-1.2-drop-prefixed.yaml',
      'containerd-1.4.2-add-prefixed.yaml',
      'containerd-1.4.8-add-prefixed.yaml',
      'containerd-1.5.1-add-prefixed.yaml',
      'crio-1.11.0-add-unknown.yaml',
      'crio-1.11.2-add-unknown.yaml',
      'crio-1.20-add-bpf.yaml',
      'crio-1.25-drop-unknown.yaml',
      'crio-1.9.0-nonroot-ambient.yaml',
    ]);
  });

  it.each(fixtures)('%s', (name) => {
    const file = join(folder, name);
    const text = readFileSync(file, 'utf8');
    const [target] = header(text, 'target');
    if (!target) throw new Error(`${name}: no "# target:" line`);
    const findings = lint(file, target);
    const expects = header(text, 'expect');
    const none = header(text, 'expect-none');
    const held = header(text, 'expect-held');
    expect(expects.length + none.length + held.length, name).toBeGreaterThan(0);

    for (const line of expects) {
      const [rule, path, outcome] = line.split(/\s+/);
      const finding = findings.find((f) => f.rule === rule && f.path === path);
      expect(finding, `${name}: ${rule} at ${path}`).toBeDefined();
      expect(finding?.targets).toEqual([expect.objectContaining({ target, outcome })]);
    }
    for (const rule of none) expect(findings.filter((f) => f.rule === rule)).toEqual([]);
    for (const capability of held) expect(effective(file, target)).toContain(capability);

    for (const other of header(text, 'contrast')) {
      for (const rule of none)
        expect(
          lint(file, other).some((f) => f.rule === rule),
          `${rule} on ${other}`,
        ).toBe(true);
      for (const capability of held) expect(effective(file, other)).not.toContain(capability);
    }
  });
});
