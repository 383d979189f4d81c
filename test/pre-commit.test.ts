// The pre-commit hooks, run by the real pre-commit (Debian's package) against a clone of this
// repository: pre-commit clones it, installs it with npm (`language: node`) and runs the hooks on the
// files of a project that uses them. Skipped, saying so, where pre-commit is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = found.status === 0;
if (!available) {
  console.warn('test/pre-commit.test.ts skipped: pre-commit is not installed (apt-get install -y pre-commit)');
}

const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-pre-commit-'));
// pre-commit's node environment holds every runtime dependency (the Kubernetes client too): removing it
// takes more than the default ten seconds on a loaded machine.
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/**
 * A clone of this repository as it stands: the committed history, with the working tree's changed and
 * new files committed on top (so that a run before committing tests what is there).
 */
function cloneOfThisRepository(): { dir: string; rev: string } {
  const dir = join(scratch, 'capdoctor');
  git(scratch, 'clone', '--quiet', '--no-local', root, dir);
  const changed = git(root, 'ls-files', '--modified', '--others', '--exclude-standard', '-z').split('\0');
  const deleted = new Set(git(root, 'ls-files', '--deleted', '-z').split('\0'));
  let overlaid = 0;
  for (const file of changed.filter((f) => f !== '' && !deleted.has(f))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
    overlaid++;
  }
  for (const file of [...deleted].filter(Boolean)) rmSync(join(dir, file), { force: true });
  if (overlaid > 0 || deleted.size > 1) {
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--no-verify', '-m', 'working tree');
  }
  return { dir, rev: git(dir, 'rev-parse', 'HEAD') };
}

const PREFIXED = `apiVersion: v1
kind: Pod
metadata:
  name: es
spec:
  containers:
    - name: es
      image: elasticsearch:8.15.0
      securityContext:
        capabilities:
          add: ["CAP_SYS_RESOURCE"]   # memlock
`;

const CLEAN = PREFIXED.replace('"CAP_SYS_RESOURCE"', 'SYS_RESOURCE');

let project = '';
const env = {
  ...process.env,
  // pre-commit's own cache (its clones and environments) stays inside the test's folder.
  PRE_COMMIT_HOME: join(scratch, 'cache'),
  // npm installs the hook from its cache when it can (what `npm ci` of this repository put there),
  // and asks the registry only for what is missing.
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
};

function preCommit(...args: string[]) {
  const result = spawnSync('pre-commit', [...args, '--color', 'never'], { cwd: project, env, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!available)(`pre-commit hooks (${found.stdout?.trim() ?? 'pre-commit missing'})`, () => {
  beforeAll(() => {
    const hooks = cloneOfThisRepository();
    project = join(scratch, 'project');
    mkdirSync(join(project, 'deploy'), { recursive: true });
    git(project, 'init', '--quiet');
    writeFileSync(
      join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks.dir}\n    rev: ${hooks.rev}\n    hooks:\n      - id: capdoctor\n      - id: capdoctor-fix\n`,
    );
    writeFileSync(join(project, 'deploy/es.yaml'), PREFIXED);
    writeFileSync(join(project, 'deploy/ok.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }));
    // Not YAML or JSON: never passed to the hooks, whatever it says.
    writeFileSync(join(project, 'notes.txt'), 'add: [CAP_SYS_RESOURCE]\n');
    git(project, 'add', '--all');
    // Installs the hooks' environment once: clone, npm install (which builds), npm pack, npm install -g.
    const install = preCommit('install-hooks');
    if (install.code !== 0) throw new Error(`pre-commit install-hooks failed:\n${install.output}`);
  }, 600_000);

  it('capdoctor: fails on a capability mistake, naming file, line and rule', () => {
    const run = preCommit('run', 'capdoctor', '--all-files');
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/capdoctor lint\.+Failed/);
    expect(run.output).toContain('deploy/es.yaml');
    expect(run.output).toMatch(/11:\d+\s+error\s+.*cap-prefix/);
    expect(run.output).not.toContain('notes.txt');
  });

  it('capdoctor: passes a clean file and skips files that are not YAML or JSON', () => {
    expect(preCommit('run', 'capdoctor', '--files', 'deploy/ok.json').output).toMatch(/capdoctor lint\.+Passed/);
    expect(preCommit('run', 'capdoctor', '--files', 'notes.txt').output).toMatch(
      /capdoctor lint\.+\(no files to check\)Skipped/,
    );
  });

  it('capdoctor-fix: rewrites the line, keeping the comment, and fails so that the commit shows it', () => {
    const run = preCommit('run', 'capdoctor-fix', '--all-files');
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/capdoctor fix\.+Failed/);
    expect(run.output).toContain('files were modified by this hook');
    expect(readFileSync(join(project, 'deploy/es.yaml'), 'utf8')).toBe(
      PREFIXED.replace('["CAP_SYS_RESOURCE"]', '["SYS_RESOURCE"]'),
    );
    // Nothing left to fix, and nothing left for the lint hook.
    git(project, 'add', '--all');
    expect(preCommit('run', 'capdoctor-fix', '--all-files').output).toMatch(/capdoctor fix\.+Passed/);
    expect(preCommit('run', 'capdoctor', '--all-files').code).toBe(0);
  });

  it('runs on git commit once installed', () => {
    writeFileSync(join(project, 'deploy/es.yaml'), PREFIXED);
    git(project, 'add', '--all');
    expect(preCommit('install').code).toBe(0);
    const commit = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-m', 'x'], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    expect(commit.status).not.toBe(0);
    expect(`${commit.stdout}${commit.stderr}`).toContain('cap-prefix');
    writeFileSync(join(project, 'deploy/es.yaml'), CLEAN);
    git(project, 'add', '--all');
    const again = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-m', 'x'], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    expect(`${again.stdout}${again.stderr}`).toMatch(/capdoctor lint\.+Passed/);
    expect(again.status).toBe(0);
  });
});
