// `capdoctor fix` through the built binary: in place, dry run, stdin, JSON report, bad files.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const fixtures = join(root, 'test', 'fixtures', 'fix');

function run(args: string[], options: { input?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'capdoctor-fix-'));
  for (const name of ['block-list.yaml', 'flow-list.yaml', 'list.json']) cpSync(join(fixtures, name), join(dir, name));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fixed = (name: string) => readFileSync(join(fixtures, name.replace(/\.(ya?ml|json)$/, '.fixed.$1')), 'utf8');

describe('capdoctor fix', () => {
  it('rewrites files in place, keeps their mode and leaves no temporary file', () => {
    chmodSync(join(dir, 'block-list.yaml'), 0o640);
    const { code, stdout } = run(['fix', dir, '--no-config']);
    expect(readFileSync(join(dir, 'block-list.yaml'), 'utf8')).toBe(fixed('block-list.yaml'));
    expect(readFileSync(join(dir, 'flow-list.yaml'), 'utf8')).toBe(fixed('flow-list.yaml'));
    expect(readFileSync(join(dir, 'list.json'), 'utf8')).toBe(fixed('list.json'));
    expect(statSync(join(dir, 'block-list.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['block-list.yaml', 'flow-list.yaml', 'list.json']);
    expect(stdout).toContain('block-list.yaml: fixed 6 entries');
    expect(stdout).toMatch(/fixes in 3 files changed/);
    // What remains are warnings and notes (pss-baseline, cap-dangerous): no errors.
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 errors and \d+ warnings remain/);
  });

  it('prints a unified diff with --dry-run and writes nothing', () => {
    const before = readFileSync(join(dir, 'block-list.yaml'), 'utf8');
    const { stdout, stderr } = run(['fix', join(dir, 'block-list.yaml'), '--dry-run', '--no-config']);
    expect(stdout).toContain('-                - CAP_SYS_RESOURCE   # was copied from an old chart');
    expect(stdout).toContain('+                - SYS_RESOURCE   # was copied from an old chart');
    expect(stdout).toContain('-                - NET_ADMIN # repeated by mistake');
    expect(stderr).toContain('would fix 6 entries');
    expect(readFileSync(join(dir, 'block-list.yaml'), 'utf8')).toBe(before);
  });

  it('reads standard input and writes the fixed text to standard output', () => {
    const input = readFileSync(join(fixtures, 'helm-values.yaml'), 'utf8');
    const { stdout, stderr } = run(['fix', '-', '--no-config'], { input });
    expect(stdout).toBe(fixed('helm-values.yaml'));
    expect(stderr).toContain('fixed 2 entries');
  });

  it('limits the fixes with --rule and reports JSON', () => {
    const { stdout } = run([
      'fix',
      join(dir, 'flow-list.yaml'),
      '--rule',
      'cap-duplicate',
      '-o',
      'json',
      '--no-config',
    ]);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    const file = report.files[0];
    expect(file).toMatchObject({ changed: true, written: true });
    expect(file.changes.map((c: { rule: string }) => c.rule)).toEqual(['cap-duplicate', 'cap-duplicate']);
    expect(file.changes[0]).toMatchObject({
      path: 'spec.containers[0].securityContext.capabilities.add[3]',
      before: { line: 7, text: ', net_raw' },
      after: { line: 7, text: '' },
    });
    expect(report.summary).toMatchObject({ files: 1, changed: 1, changes: 2 });
  });

  it('leaves a malformed file untouched, fixes the good ones and exits 2', () => {
    const broken = 'kind: Pod\nspec: [unclosed\n';
    writeFileSync(join(dir, 'broken.yaml'), broken);
    const { code, stdout } = run(['fix', dir, '--no-config']);
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'broken.yaml'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'flow-list.yaml'), 'utf8')).toBe(fixed('flow-list.yaml'));
    expect(stdout).toContain('broken.yaml: the file has a parse error, so it is left as it is');
  });

  it('exits 0 when nothing is left to report', () => {
    const clean =
      'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      securityContext:\n        capabilities: {drop: [all]}\n';
    writeFileSync(join(dir, 'clean.yaml'), clean);
    const { code } = run(['fix', join(dir, 'clean.yaml'), '--no-config']);
    expect(readFileSync(join(dir, 'clean.yaml'), 'utf8')).toContain('drop: [ALL]');
    expect(code).toBe(0);
  });

  it('applies suggestions only with --unsafe, and --rule turns on an opt-in rule', () => {
    const input = 'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a\n';
    expect(run(['fix', '-', '--rule', 'pss-restricted', '--no-config'], { input }).stdout).toBe(input);
    const { stdout } = run(['fix', '-', '--unsafe', '--rule', 'pss-restricted', '--no-config'], { input });
    expect(stdout).toBe(`${input}      securityContext:\n        capabilities:\n          drop: [ALL]\n`);
  });

  it('rejects an unknown rule with exit 2', () => {
    expect(run(['fix', dir, '--rule', 'nope']).code).toBe(2);
  });

  it('says that parse-error has nothing to fix', () => {
    const { code, stderr } = run(['fix', dir, '--rule', 'parse-error']);
    expect(code).toBe(2);
    expect(stderr).toContain('--rule: "parse-error" has nothing to fix');
  });
});
