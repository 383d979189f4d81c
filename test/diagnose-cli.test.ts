// `capdoctor diagnose` through the built binary (`npm test` builds first), with the project's own fixtures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const fixtures = 'test/fixtures/diagnose';

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [bin, 'diagnose', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], input = '') {
  const result = run([...args, '-o', 'json'], input);
  return { ...result, report: JSON.parse(result.stdout) };
}

const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-diagnose-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('capdoctor diagnose', () => {
  it('prints JSON in the documented shape, nothing more', () => {
    const { code, report } = json([
      `${fixtures}/docker18-messages.log`,
      '--manifest',
      'examples/elasticsearch-incident.yaml',
    ]);
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(['version', 'diagnoses', 'next']);
    expect(report.version).toBe(1);
    const [d] = report.diagnoses;
    expect(Object.keys(d)).toEqual([
      'rule',
      'signature',
      'capability',
      'confidence',
      'message',
      'summary',
      'explanation',
      'fix',
      'evidence',
      'manifest',
    ]);
    expect([d.rule, d.signature, d.capability, d.confidence]).toEqual([
      'cap-prefix',
      'docker-legacy-unknown-cap-add',
      'SYS_RESOURCE',
      'high',
    ]);
    expect(d.evidence.map((e: { file: string; line: number }) => `${e.file}:${e.line}`)).toEqual([
      `${fixtures}/docker18-messages.log:2`,
      `${fixtures}/docker18-messages.log:3`,
      `${fixtures}/docker18-messages.log:4`,
    ]);
    expect(Object.keys(d.evidence[0])).toEqual(['file', 'line', 'text']);
    expect(d.manifest).toEqual([
      { file: 'examples/elasticsearch-incident.yaml', line: 51, column: 17, replacement: 'SYS_RESOURCE' },
    ]);
    expect(report.next).toEqual([]);
  });

  it('prints the one-line message, the fix and the evidence; the story with --verbose', () => {
    const short = run([`${fixtures}/describe-docker18.txt`]).stdout;
    expect(short).toContain(
      '"CAP_NET_ADMIN": CAP_ prefix — container fails to start on Docker 1.11–18.09; write NET_ADMIN',
    );
    expect(short).not.toContain('Why');
    const { code, stdout } = run([`${fixtures}/describe-docker18.txt`, '--verbose']);
    expect(code).toBe(0);
    const order = [
      '✖ Root cause',
      '"CAP_NET_ADMIN" carries the CAP_ prefix',
      'Why',
      'Runtime',
      'Fix',
      'Evidence',
      'Signature',
    ];
    const positions = order.map((marker) => stdout.indexOf(marker));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(stdout).toContain('✔ Root cause found: cap-prefix, NET_ADMIN, high confidence');
    expect(stdout).toContain('Add `--manifest <file or folder>`');
  });

  it('colours only when asked', () => {
    expect(run([`${fixtures}/describe-docker18.txt`]).stdout).not.toContain('\u001b[');
    expect(run([`${fixtures}/describe-docker18.txt`, '--color']).stdout).toContain('\u001b[');
  });

  it('exits 1 with what to collect when only symptoms are found', () => {
    const { code, report } = json([`${fixtures}/symptoms-describe.txt`]);
    expect(code).toBe(1);
    expect(report.diagnoses).toEqual([]);
    expect(report.next[0]).toMatch(/^Only symptoms: /);
    const text = run([`${fixtures}/symptoms-describe.txt`]);
    expect(text.stdout).toContain('⚠ Only symptoms');
    expect(text.stdout).toContain('On node node-12: `journalctl -u kubelet -u containerd');
  });

  it('reads standard input with - and labels it', () => {
    const input = readFileSync(join(root, fixtures, 'events-table.txt'), 'utf8');
    const plain = json(['-'], input);
    expect(plain.report.diagnoses[0].evidence[0].file).toBe('-');
    const named = json(['-', '--stdin-filename', 'events.txt'], input);
    expect(named.report.diagnoses[0].evidence[0].file).toBe('events.txt');
    expect(named.code).toBe(0);
  });

  it('mixes inputs, reads folders recursively and decompresses .gz', () => {
    const folder = join(scratch, 'bundle');
    mkdirSync(join(folder, 'node'), { recursive: true });
    writeFileSync(
      join(folder, 'node', 'messages.gz'),
      gzipSync(readFileSync(join(root, fixtures, 'docker18-messages.log'))),
    );
    writeFileSync(join(folder, 'pod.yaml'), readFileSync(join(root, fixtures, 'pod-crio.json')));
    const { code, report } = json([folder, `${fixtures}/nginx-nonroot.log`]);
    expect(code).toBe(0);
    expect(
      report.diagnoses.map((d: { capability: string; evidence: { file: string }[] }) => [
        d.capability,
        d.evidence[0]?.file,
      ]),
    ).toEqual([
      ['SYS_RESOURCE', join(folder, 'node', 'messages.gz')],
      ['NET_ADMIN', join(folder, 'pod.yaml')],
      ['NET_BIND_SERVICE', `${fixtures}/nginx-nonroot.log`],
    ]);
  });

  it('exits 2 on usage errors and unreadable inputs, still reporting what it read', () => {
    const missing = run([`${fixtures}/describe-docker18.txt`, 'no-such-file.log', '-o', 'json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read no-such-file.log: no such file or folder');
    expect(JSON.parse(missing.stdout).diagnoses).toHaveLength(1);
    expect(run([`${fixtures}/describe-docker18.txt`, '-o', 'sarif']).code).toBe(2);
    const manifest = run([`${fixtures}/describe-docker18.txt`, '--manifest', 'no-such-dir']);
    expect(manifest.code).toBe(2);
    expect(manifest.stderr).toContain('cannot read manifest no-such-dir');
    const corrupt = join(scratch, 'bad.gz');
    writeFileSync(corrupt, 'not gzip');
    const bad = run([corrupt]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`cannot read ${corrupt}`);
  });

  it('is listed in the help', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/diagnose \[options\] \[inputs\.\.\.\]/);
  });
});
