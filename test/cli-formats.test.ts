// The CI formats through the built binary: what a CI job runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');

function lint(args: string[], cwd = root) {
  return capdoctor(['lint', ...args], cwd);
}

function capdoctor(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = JSON.parse(lint(['examples/', '-o', 'json']).stdout) as {
  findings: { rule: string; file: string; line: number; severity: string }[];
};

describe('capdoctor lint -o github|junit|gitlab', () => {
  it('github: one annotation per finding, at the finding’s place, and the exit code of lint', () => {
    const { code, stdout, stderr } = lint(['examples/', '-o', 'github']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const commands = stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(json.findings.length);
    json.findings.forEach((finding, i) => {
      const level = { error: 'error', warning: 'warning', info: 'notice' }[finding.severity];
      expect(commands[i]).toMatch(
        new RegExp(`^::${level} file=${finding.file},line=${finding.line},.*title=capdoctor ${finding.rule}::`),
      );
    });
  });

  it('junit: well-formed, one testsuite per file', () => {
    const { code, stdout } = lint(['examples/', '-o', 'junit']);
    expect(code).toBe(1);
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(stdout, 'text/xml');
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    expect(suites.map((s) => s.getAttribute('name'))).toEqual([...new Set(json.findings.map((f) => f.file))]);
    expect(doc.getElementsByTagName('testcase').length).toBe(json.findings.length);
  });

  it('gitlab: a Code Quality array, fingerprints the same in a second run', () => {
    const first = lint(['examples/', '-o', 'gitlab']);
    expect(first.code).toBe(1);
    const issues = JSON.parse(first.stdout) as { fingerprint: string; check_name: string }[];
    expect(issues.map((i) => i.check_name)).toEqual(json.findings.map((f) => f.rule));
    const again = JSON.parse(lint(['examples/', '-o', 'gitlab']).stdout) as { fingerprint: string }[];
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });

  it('writes any format to --output-file', () => {
    const file = join(root, 'node_modules', '.capdoctor-test-report.xml');
    const { stdout } = lint(['examples/typo.yaml', '-o', 'junit', '--output-file', file]);
    expect(stdout).toBe('');
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    expect(text.startsWith('<?xml')).toBe(true);
  });
});

describe('capdoctor fix -o github', () => {
  it('annotates each fix where it is (dry run: where it would be)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'capdoctor-fix-github-'));
    try {
      cpSync(join(root, 'examples/elasticsearch-incident.yaml'), join(dir, 'es.yaml'));
      const before = readFileSync(join(dir, 'es.yaml'), 'utf8');
      const dry = capdoctor(['fix', 'es.yaml', '--dry-run', '-o', 'github'], dir);
      expect(readFileSync(join(dir, 'es.yaml'), 'utf8')).toBe(before);
      const notices = dry.stdout.split('\n').filter((l) => l.startsWith('::notice'));
      expect(notices).toEqual([
        '::notice file=es.yaml,line=51,col=17,endLine=51,endColumn=33,title=capdoctor fix cap-prefix::can be fixed: replace "CAP_SYS_RESOURCE" with SYS_RESOURCE',
      ]);
      expect(dry.stdout).toMatch(/^capdoctor fix: 1 fix possible; \d+ error\(s\) and \d+ warning\(s\) remain/m);

      const applied = capdoctor(['fix', 'es.yaml', '-o', 'github'], dir);
      expect(applied.stdout).toContain('::notice file=es.yaml,line=51,col=17,');
      expect(applied.stdout).toContain('::fixed: replace "CAP_SYS_RESOURCE" with SYS_RESOURCE');
      expect(readFileSync(join(dir, 'es.yaml'), 'utf8')).toBe(before.replace('- CAP_SYS_RESOURCE', '- SYS_RESOURCE'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
