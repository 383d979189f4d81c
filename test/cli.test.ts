// Runs the built binary (`npm test` builds first), as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const fixtures = 'test/fixtures/cli';

function run(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], options?: Parameters<typeof run>[1]) {
  const result = run([...args, '-o', 'json'], options);
  return { ...result, report: JSON.parse(result.stdout) };
}

const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('capdoctor lint', () => {
  it('walks folders recursively, skipping node_modules, dot folders and other extensions', () => {
    const { code, report } = json(['lint', `${fixtures}/tree`, '--rule', 'pss-restricted=off']);
    const files = [...new Set(report.findings.map((f: { file: string }) => f.file))].sort();
    expect(files).toEqual([`${fixtures}/tree/nested/list.json`, `${fixtures}/tree/nested/prefixed.yml`]);
    expect(report.summary.files).toBe(3);
    expect(code).toBe(1);
  });

  it('reads JSON kind: List items with exact positions', () => {
    const { report } = json(['lint', `${fixtures}/tree/nested/list.json`, '--target', 'containerd@1.7']);
    const finding = report.findings.find((f: { rule: string }) => f.rule === 'cap-prefix');
    expect(finding).toMatchObject({
      line: 14,
      column: 61,
      path: 'items[0].spec.containers[0].securityContext.capabilities.drop[0]',
      object: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'from-json' },
      container: 'c',
      severity: 'error',
    });
    expect(finding.message).toContain('not dropped on containerd@1.7');
    expect(finding.explanation).toContain('NET_RAW is not dropped');
  });

  it('reads standard input with - and labels it', () => {
    const input = readFileSync(join(root, fixtures, 'tree/nested/prefixed.yml'), 'utf8');
    const plain = json(['lint', '-', '--target', 'docker@18.06'], { input });
    expect(plain.report.findings[0].file).toBe('-');
    expect(plain.code).toBe(1);
    const named = json(['lint', '-', '--stdin-filename', 'k8s/app.yaml', '--target', 'docker@18.06'], { input });
    expect(named.report.findings[0].file).toBe('k8s/app.yaml');
  });

  it('reads standard input when no path is given and stdin is not a terminal', () => {
    const { report } = json(['lint', '--target', 'docker@18.06'], {
      input: 'kind: Pod\nspec:\n  containers: [{name: a, securityContext: {capabilities: {add: [CAP_KILL]}}}]\n',
    });
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('cap-prefix');
  });

  it('reports a malformed file, still lints the good files and documents, and exits 2', () => {
    const { code, report } = json([
      'lint',
      `${fixtures}/broken.yaml`,
      `${fixtures}/tree/good.yaml`,
      '--target',
      'docker@18.06',
    ]);
    expect(code).toBe(2);
    const parse = report.findings.find((f: { rule: string }) => f.rule === 'parse-error');
    // The parser notices the unclosed flow sequence where the next document starts.
    expect(parse).toMatchObject({ file: `${fixtures}/broken.yaml`, line: 9, severity: 'error' });
    expect(parse.message).toContain('Flow sequence');
    // The second document of the broken file is still checked.
    expect(report.findings.some((f: { rule: string; line: number }) => f.rule === 'cap-prefix' && f.line === 20)).toBe(
      true,
    );
  });

  it('reports a missing path as a finding and exits 2', () => {
    const { code, report } = json(['lint', `${fixtures}/nope.yaml`, `${fixtures}/tree/good.yaml`]);
    expect(code).toBe(2);
    expect(report.findings[0]).toMatchObject({ rule: 'parse-error', file: `${fixtures}/nope.yaml` });
    expect(report.findings[0].message).toContain('no such file');
  });

  it('exits 0 on a clean file and prints a clean summary', () => {
    const { code, stdout } = run(['lint', `${fixtures}/tree/good.yaml`, '--target', 'containerd@2.0']);
    expect(stdout).toContain('No problems');
    expect(code).toBe(0);
  });

  it('honours --max-warnings', () => {
    const input = 'kind: Pod\nspec:\n  containers: [{name: a, securityContext: {capabilities: {add: [chown]}}}]\n';
    const args = ['lint', '-', '--target', 'docker@24', '--rule', 'pss-baseline=off', '--rule', 'pss-restricted=off'];
    expect(run(args, { input }).code).toBe(0);
    expect(run([...args, '--max-warnings', '0'], { input }).code).toBe(1);
  });

  it('prints text with a code frame, and colour only when asked', () => {
    const plain = run(['lint', `${fixtures}/tree/nested/prefixed.yml`, '--target', 'docker@18.06']);
    expect(plain.stdout).toContain('> 18 |               add: [CAP_NET_ADMIN]');
    expect(plain.stdout).toContain('^^^^^^^^^^^^^');
    expect(plain.stdout).not.toContain('\u001b[');
    const colour = run(['lint', `${fixtures}/tree/nested/prefixed.yml`, '--color', '--target', 'docker@18.06']);
    expect(colour.stdout).toContain('\u001b[');
  });

  it('writes SARIF 2.1.0 with rules and physical locations', () => {
    const { stdout, code } = run([
      'lint',
      `${fixtures}/tree/nested/prefixed.yml`,
      '-o',
      'sarif',
      '--target',
      'docker@18.06',
    ]);
    const sarif = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'cap-prefix');
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: `${fixtures}/tree/nested/prefixed.yml` },
      region: { startLine: 18, startColumn: 21, endLine: 18, endColumn: 34 },
    });
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('cap-prefix');
  });

  it('writes the report to --output-file', () => {
    const out = join(scratch, 'report.json');
    const { stdout } = run(['lint', `${fixtures}/tree/good.yaml`, '-o', 'json', '--output-file', out]);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe(2);
  });

  it('honours suppression comments and annotations', () => {
    const { report } = json(['lint', `${fixtures}/suppressed.yaml`, '--target', 'docker@18.06']);
    const prefixLines = report.findings
      .filter((f: { rule: string }) => f.rule === 'cap-prefix')
      .map((f: { line: number }) => f.line);
    expect(prefixLines).toEqual([17]);
    expect(report.findings.some((f: { rule: string }) => f.rule === 'cap-dangerous')).toBe(false);
  });

  it('finds .capdoctor.yaml upwards and applies its targets, rules and ignores', () => {
    const { report, code } = json(['lint', '.'], { cwd: join(root, fixtures, 'config') });
    expect(
      report.findings.map((f: { file: string; rule: string; severity: string }) => `${f.file} ${f.rule} ${f.severity}`),
    ).toContain('app.yaml cap-prefix warning');
    expect(report.findings.some((f: { file: string }) => f.file.includes('vendor'))).toBe(false);
    expect(report.findings.some((f: { rule: string }) => f.rule === 'cap-dangerous')).toBe(false);
    expect(code).toBe(0);
    const ignored = json(['lint', '.', '--no-config', '--target', 'docker@18.06'], {
      cwd: join(root, fixtures, 'config'),
    });
    expect(ignored.report.findings.some((f: { file: string }) => f.file.includes('vendor'))).toBe(true);
  });

  it('rejects a bad configuration with file, line and problem', () => {
    const { code, stderr } = run(['lint', '.', '--config', join(root, fixtures, 'bad-config.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad-config\.yaml:3:13: unknown rule "cap-nope"/);
  });

  it('names the file and line of an unknown target in the configuration', () => {
    const { code, stderr } = run([
      'lint',
      `${fixtures}/tree/good.yaml`,
      '--config',
      join(root, fixtures, 'bad-target-config.yaml'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad-target-config\.yaml:4:5: unknown target "dockr@18\.06"/);
  });

  it('rejects an unknown target with exit 2 and lists what is known', () => {
    const { code, stderr } = run(['lint', `${fixtures}/tree/good.yaml`, '--target', 'dockr@18.06']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown target "dockr@18.06"');
    expect(stderr).toContain('containerd 1.3+');
  });

  it('rejects an unknown output format and an unknown rule with exit 2', () => {
    expect(run(['lint', `${fixtures}/tree/good.yaml`, '-o', 'xml']).code).toBe(2);
    const unknown = run(['lint', `${fixtures}/tree/good.yaml`, '--rule', 'nope=off']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('capdoctor: --rule: unknown rule "nope" (see `capdoctor rules`)\n');
  });

  it('says why parse-error, which `capdoctor rules` lists, cannot be set', () => {
    const { code, stderr } = run(['lint', `${fixtures}/tree/good.yaml`, '--rule', 'parse-error=off']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'capdoctor: --rule: "parse-error" cannot be set: a file that cannot be read is always an error\n',
    );
    expect(run(['rules']).stdout).toMatch(/^ {2}parse-error /m);
  });
});

describe('other commands', () => {
  it('lists targets', () => {
    const { code, stdout } = run(['targets']);
    expect(code).toBe(0);
    expect(stdout).toContain('Docker 1.11–18.09');
    expect(stdout).toContain('runc ≥1.0.0-rc94');
    // The facts that tell the ranges apart, and containerd's runc pins.
    expect(stdout).toMatch(
      /CRI-O 1\.18–1\.20: .*\n +unknown name in add refused \(CreateContainerError\), in drop refused/,
    );
    expect(stdout).toContain('drop ALL keeps the defaults: 1.18 ≤ v < 1.19.5, 1.20 ≤ v < 1.21');
    expect(stdout).toContain(
      'non-root processes hold the added capabilities (ambient set): 1.0.0-alpha.0 ≤ v < 1.9.12',
    );
    expect(stdout).toMatch(/containerd +1\.5\.1 ≤ v < 1\.5\.2 +runc 1\.0\.0-rc94/);
    const json = JSON.parse(run(['targets', '--json']).stdout);
    expect(json.containerdRunc).toContainEqual(expect.objectContaining({ since: '1.4.5', runc: '1.0.0-rc94' }));
    expect(json.engines.find((e: { id: string }) => e.id === 'crio-1.22').unknownDrop).toBe('reject');
    expect(stdout).toContain('instead, in 1.11 ≤ v < 1.11.2: unknown name in add has no effect');
    expect(json.engines.find((e: { id: string }) => e.id === 'crio-1.11').unknownAddIn).toEqual({
      releases: [{ since: '1.11', until: '1.11.2' }],
      unknownAdd: 'ignore',
    });
  });

  it('says which targets are current and which legacy, with the date and the sources', () => {
    const { stdout } = run(['targets']);
    const current = stdout.indexOf('the runtimes supported today decide the severity (support checked on 2026-12-07)');
    const legacy = stdout.indexOf('End-of-life runtimes, checked as context only');
    expect(current).toBeGreaterThan(0);
    expect(legacy).toBeGreaterThan(current);
    expect(stdout.slice(current, legacy)).toContain('containerd@2.3');
    expect(stdout.slice(legacy)).toContain('docker@18.09');
    expect(stdout).toContain('Sources of the support dates:');
    expect(stdout).toContain('RELEASES.md "Support horizon"');
    const data = JSON.parse(run(['targets', '--json']).stdout);
    expect(data.supportAsOf).toBe('2026-12-07');
    expect(data.defaultMatrix.filter((p: { support: string }) => p.support === 'current')).toHaveLength(4);
    expect(data.defaultMatrix.every((p: { sources: string[] }) => p.sources.length > 0)).toBe(true);
  });

  it('lint --pss and --target all change what the default run reports', () => {
    const file = 'examples/elasticsearch-incident.yaml';
    const plain = json(['lint', file]).report.findings.map((f: { rule: string }) => f.rule);
    expect(plain).not.toContain('pss-baseline');
    const pss = json(['lint', file, '--pss', 'baseline']).report.findings.map((f: { rule: string }) => f.rule);
    expect(pss).toContain('pss-baseline');
    expect(run(['lint', file, '--pss', 'privileged']).code).toBe(2);
    type Finding = { rule: string; targets?: { legacy?: boolean }[] };
    const needs = (report: { findings: Finding[] }) =>
      report.findings.find((f) => f.rule === 'pam-limits-needs-sys-resource');
    expect(needs(json(['lint', file, '--target', 'all']).report)?.targets).toHaveLength(11);
    expect(needs(json(['lint', file]).report)?.targets).toHaveLength(4);
    const prefix = json(['lint', file]).report.findings.find((f: Finding) => f.rule === 'cap-prefix');
    expect(prefix?.targets?.filter((t: { legacy?: boolean }) => t.legacy)).toHaveLength(7);
  });

  it('lists rules, also as JSON', () => {
    const { stdout } = run(['rules', '--json']);
    const ids = JSON.parse(stdout).map((r: { id: string }) => r.id);
    expect(ids).toContain('cap-prefix');
    expect(ids).toContain('parse-error');
  });

  it('prints one line per finding and a compact target line; -v adds the explanation and each target', () => {
    const args = ['lint', 'examples/containerd-drop.yaml', '-t', 'containerd@1.7', '-t', 'docker@18.06'];
    const short = run(args).stdout;
    expect(short).toContain(
      '  24:22  error  "CAP_NET_RAW": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write NET_RAW  cap-prefix\n',
    );
    expect(short).toContain('    ✗ fails: docker@18.06 · ✗ not dropped: containerd@1.7\n');
    expect(short).not.toContain('carries the CAP_ prefix');
    for (const flag of ['-v', '--verbose']) {
      const verbose = run([...args, flag]);
      expect(verbose.code).toBe(1);
      expect(verbose.stdout).toContain('"CAP_NET_RAW" carries the CAP_ prefix.');
      expect(verbose.stdout).toContain('    ✗ containerd@1.7: ignored — containerd 1.3+ does not know "CAP_NET_RAW"');
      expect(verbose.stdout).toContain('spec.template.spec.containers[0].securityContext.capabilities.drop[0]');
    }
  });

  it('prints the version and help', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    expect(run(['--version']).stdout.trim()).toBe(version);
    expect(run(['-V']).stdout.trim()).toBe(version);
    expect(run(['lint', '--help']).stdout).toContain('--target');
    expect(run(['frobnicate']).code).toBe(2);
  });

  /** `count` Pods with two findings each, as one file in the scratch folder: a report of megabytes. */
  function manyPods(name: string, count: number): string {
    const pod = (i: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: x\n      securityContext:\n        capabilities:\n          add: [CAP_NET_ADMIN, sys_time]\n`;
    const file = join(scratch, name);
    writeFileSync(file, Array.from({ length: count }, (_, i) => pod(i)).join('---\n'));
    return file;
  }

  it('writes the whole of a long report to a pipe that is read late, then exits with its code', async () => {
    // bin/capdoctor.cjs exits as soon as Node has nothing left to do: a write still under way is something.
    const file = manyPods('many-pods.yaml', 1500);
    const whole = spawnSync(process.execPath, [bin, 'lint', file, '-o', 'json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    expect(whole.stdout.length).toBeGreaterThan(1_000_000);
    expect(whole.status).toBe(1);
    const child = spawn(process.execPath, [bin, 'lint', file, '-o', 'json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(whole.status);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(whole.stdout);
  });

  it('stops writing, without an error, when the reader of its pipe goes away, and exits with its code', async () => {
    // `capdoctor lint … | head`: the reader closes after a few bytes; a report of several megabytes is
    // then dropped, not an EPIPE stack trace.
    const file = manyPods('pods-for-head.yaml', 3000);
    const child = spawn(process.execPath, [bin, 'lint', file, '-o', 'json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const first = await new Promise<Buffer>((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(first.toString('utf8')).toMatch(/^\{\n {2}"version": 2/);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('writes to standard output as a file what it writes to a pipe, and exits alike with /dev/null', () => {
    // Standard output that is a file (or /dev/null) is written without Node's stream (src/cli/main.ts).
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    for (const args of [
      ['lint', 'examples/typo.yaml'],
      ['lint', 'examples/typo.yaml', '-o', 'sarif'],
      ['fix', '--dry-run', 'examples/typo.yaml'],
      ['rules'],
    ]) {
      const piped = run(args);
      const file = join(scratch, 'stdout.txt');
      const fd = openSync(file, 'w');
      const toFile = spawnSync(process.execPath, [bin, ...args], {
        cwd: root,
        stdio: ['ignore', fd, 'pipe'],
        env,
      });
      closeSync(fd);
      // No colour either: a file is not a terminal.
      expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
      expect(toFile.status).toBe(piped.code);
      const toNull = spawnSync(process.execPath, [bin, ...args], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        env,
      });
      expect(toNull.status).toBe(piped.code);
      expect(toNull.stderr.toString()).toBe(piped.stderr);
    }
  });

  it('lists every command in help, and suggests the command meant, whichever commands a run registers', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['lint', 'fix', 'diagnose', 'scan', 'explain', 'webhook', 'targets', 'rules']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    // `help lint` goes through the whole program, `lint --help` through lint alone: the same text.
    expect(run(['help', 'lint']).stdout).toBe(run(['lint', '--help']).stdout);
    expect(run(['webhook', 'certs', '--help']).stdout).toContain('--service');
    const misspelt = run(['lnt', 'examples/typo.yaml']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('(Did you mean lint?)');
  });
});
