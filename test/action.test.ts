// The GitHub Action, run as the runner runs it: the committed bundle (copied away from node_modules, as
// GitHub installs nothing), inputs in INPUT_* variables, $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY files.
// And the committed bundle is what the sources build to.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sarifValidator, schemaErrors } from './support/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-action-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The bundle alone in a folder of its own: nothing to resolve packages from.
const actionDir = join(scratch, 'action');
mkdirSync(actionDir);
cpSync(join(root, 'action/dist/index.cjs'), join(actionDir, 'index.cjs'));

let workspaces = 0;
function workspace(files: Record<string, string>): string {
  const dir = join(scratch, `ws${workspaces++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function examples(): string {
  const dir = join(scratch, `ws${workspaces++}`);
  cpSync(join(root, 'examples'), join(dir, 'k8s'), { recursive: true });
  return dir;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: string[];
}

function runAction(cwd: string, inputs: Record<string, string>): ActionRun {
  const outputFile = join(cwd, '..', `${cwd.split('/').pop()}-output.txt`);
  const summaryFile = join(cwd, '..', `${cwd.split('/').pop()}-summary.md`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: cwd,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  // The runner's names: INPUT_ and the input's name in upper case, dashes kept.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [join(actionDir, 'index.cjs')], { cwd, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
    const at = line.indexOf('=');
    outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
    commands: result.stdout.split('\n').filter((line) => line.startsWith('::')),
  };
}

/** The same inputs through the CLI, for the counts the Action must agree with. */
function cliReport(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/capdoctor.cjs'), 'lint', ...args, '-o', 'json'], {
    cwd,
    encoding: 'utf8',
  });
  return JSON.parse(result.stdout) as { findings: { file: string; rule: string }[]; summary: Record<string, number> };
}

const CLEAN = `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`;

describe('action.yml', () => {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));

  it('is a node24 JavaScript action whose entry is the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'action/dist/index.cjs' });
    expect(Object.keys(action.inputs)).toEqual(['paths', 'targets', 'config', 'fail-on', 'sarif-file']);
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'sarif-file']);
    expect(action.inputs['fail-on'].default).toBe('error');
  });

  it('declares every input the code reads', () => {
    const source = readdirSync(join(root, 'src/action'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(root, 'src/action', f), 'utf8'))
      .join('\n');
    const read = [...source.matchAll(/(?:input|listInput)\('([a-z-]+)'\)/g)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(Object.keys(action.inputs)).toContain(name);
  });
});

describe('the Action, run as the runner runs it', () => {
  it('annotates, summarises, writes SARIF and outputs, and fails on errors', () => {
    const ws = examples();
    const run = runAction(ws, { paths: 'k8s', 'fail-on': 'error' });
    const cli = cliReport(ws, ['k8s']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);

    // One annotation per finding, then the failing line.
    const annotations = run.commands.filter((c) => c.includes('title=capdoctor '));
    expect(annotations).toHaveLength(cli.findings.length);
    expect(annotations[0]).toMatch(
      /^::error file=k8s\/containerd-drop\.yaml,line=24,col=22,.*title=capdoctor cap-prefix::/,
    );
    expect(run.commands.at(-1)).toBe(
      `::error title=capdoctor::${cli.summary.errors} finding(s) at or above fail-on=error`,
    );

    expect(run.outputs).toEqual({
      errors: String(cli.summary.errors),
      warnings: String(cli.summary.warnings),
      'sarif-file': 'capdoctor.sarif',
    });

    // The summary: a heading per file with findings, a table row per finding.
    const files = [...new Set(cli.findings.map((f) => f.file))];
    for (const file of files) expect(run.summary).toContain(`### ${file}\n\n| Line | Severity | Rule | Finding |`);
    const rows = run.summary.split('\n').filter((line) => /^\| \d+:\d+ \|/.test(line));
    expect(rows).toHaveLength(cli.findings.length);
    expect(rows[0]).toContain(
      '[cap-prefix](https://github.com/capdoctor/capdoctor/blob/main/docs/rules/cap-prefix.md)',
    );
    // Every row has its four cells, whatever the message holds.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
    expect(run.summary).toContain(`❌ ${cli.summary.errors} errors, ${cli.summary.warnings} warnings`);

    const sarif = JSON.parse(readFileSync(join(ws, 'capdoctor.sarif'), 'utf8'));
    expect(schemaErrors(sarifValidator(), sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(cli.findings.length);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'k8s/containerd-drop.yaml',
    );
  });

  it('passes with fail-on: never, and writes the SARIF file where asked', () => {
    const ws = examples();
    const run = runAction(ws, {
      paths: 'k8s/typo.yaml\nk8s/helm-values.yaml',
      'fail-on': 'never',
      'sarif-file': 'out/cap.sarif',
    });
    expect(run.code).toBe(0);
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
    expect(run.outputs['sarif-file']).toBe('out/cap.sarif');
    const sarif = JSON.parse(readFileSync(join(ws, 'out/cap.sarif'), 'utf8'));
    const uris = new Set(
      sarif.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]?.physicalLocation.artifactLocation.uri,
      ),
    );
    expect([...uris].sort()).toEqual(['k8s/helm-values.yaml', 'k8s/typo.yaml']);
  });

  it('fails on warnings only with fail-on: warning', () => {
    const warningOnly = `${CLEAN.replace('drop: [ALL]', 'drop: [all]')}`;
    const ws = workspace({ 'pod.yaml': warningOnly });
    const lenient = runAction(ws, { 'fail-on': 'error' });
    expect(lenient.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(lenient.code).toBe(0);
    const strict = runAction(ws, { 'fail-on': 'warning' });
    expect(strict.code).toBe(1);
    expect(strict.commands).toContain('::error title=capdoctor::1 finding(s) at or above fail-on=warning');
  });

  it('reads targets and the configuration file', () => {
    const ws = examples();
    // The counts follow the targets, as the CLI's do.
    const all = runAction(ws, { paths: 'k8s/containerd-drop.yaml', 'fail-on': 'never' });
    const docker = runAction(ws, { paths: 'k8s/containerd-drop.yaml', targets: 'docker@18.06', 'fail-on': 'never' });
    const cliAll = cliReport(ws, ['k8s/containerd-drop.yaml']);
    const cliDocker = cliReport(ws, ['k8s/containerd-drop.yaml', '--target', 'docker@18.06']);
    expect(all.outputs.errors).toBe(String(cliAll.summary.errors));
    expect(docker.outputs.errors).toBe(String(cliDocker.summary.errors));
    expect(docker.outputs.errors).not.toBe('0');

    writeFileSync(join(ws, 'quiet.yaml'), 'rules:\n  cap-prefix: off\n');
    const configured = runAction(ws, { paths: 'k8s/containerd-drop.yaml', config: 'quiet.yaml', 'fail-on': 'error' });
    expect(configured.commands.filter((c) => c.includes('cap-prefix'))).toEqual([]);
    expect(configured.code).toBe(0);
  });

  it('says so on a clean workspace, and passes', () => {
    const ws = workspace({ 'deploy/pod.yaml': CLEAN, 'README.md': '# not linted\n' });
    const run = runAction(ws, {});
    expect(run.code).toBe(0);
    expect(run.commands).toEqual([]);
    expect(run.outputs).toEqual({ errors: '0', warnings: '0', 'sarif-file': 'capdoctor.sarif' });
    expect(run.summary).toContain('✅ No problems in 1 file (1 document).');
  });

  it('fails the step with a clear error on a bad input', () => {
    const ws = workspace({ 'pod.yaml': CLEAN });
    const failOn = runAction(ws, { 'fail-on': 'sometimes' });
    expect(failOn.code).toBe(1);
    expect(failOn.commands).toEqual([
      '::error title=capdoctor::fail-on must be error, warning or never, not "sometimes"',
    ]);
    const target = runAction(ws, { targets: 'dockerr@1' });
    expect(target.code).toBe(1);
    expect(target.commands[0]).toMatch(/^::error title=capdoctor::targets: /);
    expect(target.stdout).not.toContain('internal error');
    // A path that does not exist is a finding on that path, and fails.
    const missing = runAction(ws, { paths: 'nope.yaml' });
    expect(missing.code).toBe(1);
    expect(missing.commands[0]).toMatch(
      /^::error file=nope\.yaml,line=1,col=1,.*title=capdoctor parse-error::cannot read nope\.yaml/,
    );
  });
});

describe('the committed bundle', () => {
  it('is what the sources build to (run `npm run build:action` after changing them)', async () => {
    const { buildAction } = await import('../scripts/build-action.mjs');
    const fresh = join(scratch, 'fresh');
    await buildAction(fresh);
    for (const file of ['index.cjs', 'THIRD-PARTY-LICENSES.txt']) {
      const committed = readFileSync(join(root, 'action/dist', file), 'utf8');
      const built = readFileSync(join(fresh, file), 'utf8');
      // Not toBe: a 700 kB diff helps nobody; the message says what to run.
      expect(built === committed, `action/dist/${file} is stale: run npm run build:action and commit it`).toBe(true);
    }
  });
});
