// Hostile and odd inputs, generated here rather than stored: each must end in a finding or a clear
// exit-2 message — never a crash, a hang, a silent pass or a lost byte. Runs the built binary.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');

function run(args: string[], options: { input?: string | Buffer; cwd?: string; uid?: number } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? scratch,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-hardening-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

/** A securityContext-bearing pod whose capability list is `entries`. */
function pod(name: string, entries: string, container = 'app'): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    `    - name: ${container}`,
    '      image: nginx',
    '      securityContext:',
    '        capabilities:',
    `          add: ${entries}`,
    '',
  ].join('\n');
}

describe('deep nesting (item 1)', () => {
  const inputs: [string, string][] = [
    ['dashes.yaml', `${'- '.repeat(1000)}a\n`],
    ['brackets.yaml', `${'['.repeat(3000)}${']'.repeat(3000)}\n`],
    ['objects.json', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`],
    ['indented.yaml', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')],
  ];
  for (const [name, content] of inputs) {
    it(`${name}: lint, fix and explain report a parse error`, () => {
      const path = file(name, content);
      const lint = run(['lint', path]);
      expect(lint.signal).toBeNull();
      expect(lint.code).toBe(2);
      expect(lint.stdout).toContain('nests deeper than 256 levels');
      expect(lint.stderr).not.toContain('internal error');
      const fix = run(['fix', path]);
      expect(fix.code).toBe(2);
      expect(fix.stderr + fix.stdout).toContain('parse error');
      const explain = run(['explain', path]);
      expect(explain.code).toBe(2);
      expect(explain.stdout).toContain('nests deeper than 256 levels');
    });
  }

  it('reads a document nested just within the limit', () => {
    const lint = run(['lint', file('deep-ok.yaml', `${'- '.repeat(250)}a\n`)]);
    expect(lint.code).toBe(0);
  });
});

describe('explain on what does not parse (item 12)', () => {
  it('names the error and exits 2 instead of "No containers found."', () => {
    const explain = run(['explain', file('broken.yaml', 'a: [\n')]);
    expect(explain.code).toBe(2);
    expect(explain.stdout).toMatch(/broken\.yaml: 2:1: /);
    expect(explain.stdout).not.toContain('No containers found');
    // The legend explains tables; there are none.
    expect(explain.stdout).not.toContain('Needs: ✓ met');
  });
});

describe('many findings on one line (item 2)', () => {
  it('lints a list of 3,000 prefixed entries and reports each', () => {
    const entries = Array.from({ length: 3000 }, () => '"CAP_SYS_ADMIN"').join(', ');
    const path = file('many.yaml', pod('many', `[${entries}]`));
    const lint = run(['lint', path, '-t', 'containerd@1.7', '--rule', 'cap-dangerous=off', '-o', 'json']);
    expect(lint.code).toBe(1);
    const rules = JSON.parse(lint.stdout).findings.map((f: { rule: string }) => f.rule);
    expect(rules.filter((r: string) => r === 'cap-prefix')).toHaveLength(3000);
  });

  it('shows a window of a long line in a code frame, not the whole line', () => {
    const entries = Array.from({ length: 2000 }, () => 'NET_RAW').join(', ');
    const path = file('long-frame.yaml', pod('long', `[${entries}, CAP_CHOWN]`));
    const lint = run(['lint', path, '-t', 'containerd@1.7', '--rule', 'cap-duplicate=off']);
    const frames = lint.stdout.split('\n').filter((l) => l.startsWith('  > 11 |'));
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame.length).toBeLessThan(200);
    expect(frames.some((f) => f.includes('| …') && f.includes('CAP_CHOWN]'))).toBe(true);
  });
});

describe('one long line (item 3)', () => {
  it('streams a 5 MiB line (large files are streamed) and reads it', () => {
    const path = file(
      'long-line.yaml',
      `kind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: ${'x'.repeat(5 * 1024 * 1024)}\n`,
    );
    const lint = run(['lint', path]);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain('No problems in 1 file (1 document)');
  });
});

describe('fix on many documents (item 4)', () => {
  it('fixes each of 300 documents once, with positions in order', () => {
    const one = (i: number) =>
      pod(`p${i}`, '["CAP_NET_ADMIN", all]').replace('add:', 'drop: ["CAP_NET_RAW"]\n          add:');
    const path = file('many-docs.yaml', Array.from({ length: 300 }, (_, i) => one(i)).join('---\n'));
    const fix = run(['fix', path, '-t', 'containerd@1.7', '-o', 'json']);
    const report = JSON.parse(fix.stdout);
    expect(report.summary.changes).toBe(900);
    const lines = report.files[0].changes.map((c: { after: { line: number } }) => c.after.line);
    expect(new Set(lines).size).toBe(600);
    expect(readFileSync(path, 'utf8')).not.toContain('CAP_');
  });
});

describe('diagnose input limits (items 5 and 6)', () => {
  it('reads a line of 100,000 names and 64 MiB without a line break', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `"CAP_X${i}"`).join(', ');
    const line = `Error response from daemon: linux spec capabilities: Unknown capability to add: ${names}\n`;
    const one = run(['diagnose', file('names.log', line)]);
    expect([0, 1]).toContain(one.code);
    expect(one.stderr).toBe('');
    const zeros = run(['diagnose', '-'], { input: Buffer.alloc(64 * 1024 * 1024) });
    expect(zeros.code).toBe(1);
    expect(zeros.stderr).not.toContain('RangeError');
  });
});

describe('--output-file (item 7)', () => {
  it('into a missing folder is a usage error without a stack', () => {
    const lint = run(['lint', file('ok.yaml', 'a: 1\n'), '--output-file', join(scratch, 'nope', 'out.txt')]);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain('its folder does not exist');
    expect(lint.stderr).not.toContain('internal error');
  });
});

describe('encodings (items 8 and 9)', () => {
  const text = pod('enc', '[CAP_NET_ADMIN]');

  it('decodes UTF-16 with a byte-order mark, and fix writes it back as UTF-16', () => {
    const le = file('utf16le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = file('utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const path of [le, be]) {
      const lint = run(['lint', path, '-t', 'containerd@1.7']);
      expect(lint.code).toBe(1);
      expect(lint.stdout).toContain('cap-prefix');
    }
    expect(run(['fix', le, '-t', 'containerd@1.7']).code).toBe(0);
    const bytes = readFileSync(le);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe(text.replace('CAP_NET_ADMIN', 'NET_ADMIN'));
  });

  it('reports invalid UTF-8 with its line, and fix leaves the bytes alone', () => {
    const bytes = Buffer.concat([Buffer.from(`${text}# caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    const path = file('latin1.yaml', bytes);
    const lint = run(['lint', path]);
    expect(lint.code).toBe(2);
    expect(lint.stdout).toContain('is not valid UTF-8 (line 12, byte 6 of the line: 0xe9)');
    const fix = run(['fix', path]);
    expect(fix.code).toBe(2);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe('duplicate keys (item 10)', () => {
  const yaml = pod('dup', '[NET_ADMIN]').replace(
    '          add: [NET_ADMIN]\n',
    '          add: [NET_ADMIN]\n      securityContext:\n        capabilities:\n          add: [CAP_CHOWN]\n',
  );
  it('places the finding on the value in effect, and lint and fix agree in YAML and JSON', () => {
    const json = JSON.stringify(JSON.parse('{}'));
    expect(json).toBe('{}');
    const path = file('dup.yaml', yaml);
    const lint = run(['lint', path, '-t', 'containerd@1.7', '-o', 'json']);
    const prefix = JSON.parse(lint.stdout).findings.find((f: { rule: string }) => f.rule === 'cap-prefix');
    expect(prefix.line).toBe(14);
    expect(run(['fix', path, '-t', 'containerd@1.7']).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('add: [CHOWN]');
    const jsonText =
      '{"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a",\n' +
      ' "securityContext": {"capabilities": {"add": ["NET_ADMIN"]}},\n' +
      ' "securityContext": {"capabilities": {"add": ["CAP_CHOWN"]}}}]}}\n';
    const jsonPath = file('dup.json', jsonText);
    const jsonLint = run(['lint', jsonPath, '-t', 'containerd@1.7', '-o', 'json']);
    expect(jsonLint.code).not.toBe(2);
    const found = JSON.parse(jsonLint.stdout).findings.find((f: { rule: string }) => f.rule === 'cap-prefix');
    expect(found.line).toBe(3);
    const jsonFix = run(['fix', jsonPath, '-t', 'containerd@1.7']);
    expect(jsonFix.code).toBe(0);
    expect(readFileSync(jsonPath, 'utf8')).toContain('"add": ["CHOWN"]');
  });
});

describe('empty standard input (item 11)', () => {
  it('is an error when no path was given', () => {
    for (const command of ['lint', 'fix', 'explain']) {
      const result = run([command], { input: '' });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('standard input is empty');
    }
  });
});

describe('anchors (item 13)', () => {
  it('leaves an anchor used outside capabilities alone, and says so once for a merge key', () => {
    const text = [
      'x-caps: &caps [CAP_NET_ADMIN]',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: a',
      '      args: *caps',
      '      securityContext:',
      '        capabilities:',
      '          add: *caps',
      '',
    ].join('\n');
    const path = file('anchor-args.yaml', text);
    const fix = run(['fix', path, '-t', 'containerd@1.7']);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(fix.stdout).toContain('not fixed');
    const merged = [
      'kind: Pod',
      'metadata: {name: p, labels: &l {cap: CAP_KILL}}',
      'spec:',
      '  containers:',
      '    - &ctr',
      '      name: a',
      '      securityContext:',
      '        capabilities:',
      '          add: [CAP_NET_ADMIN]',
      '    - <<: *ctr',
      '      name: b',
      '',
    ].join('\n');
    const mergedPath = file('merge.yaml', merged);
    const out = run(['fix', mergedPath, '-t', 'containerd@1.7']);
    expect(out.stdout.match(/not fixed/g) ?? []).toHaveLength(0);
    expect(readFileSync(mergedPath, 'utf8')).toContain('add: [NET_ADMIN]');
  });
});

describe('fix and the file system (items 14 and 15)', () => {
  const text = pod('fs', '[CAP_NET_ADMIN]');

  it('refuses a read-only file unless forced, and keeps its mode', () => {
    const path = file('ro.yaml', text);
    chmodSync(path, 0o444);
    const refused = run(['fix', path, '-t', 'containerd@1.7']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('is read-only (mode 0444); --force fixes it anyway');
    expect(refused.stdout).not.toContain('✔');
    expect(refused.stdout).toContain('0 fixes in 0 files changed');
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(run(['fix', path, '-t', 'containerd@1.7', '--force']).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('[NET_ADMIN]');
    expect(statSync(path).mode & 0o777).toBe(0o444);
  });

  it('keeps hard links: refused, or written in place through them with --force', () => {
    const path = file('linked.yaml', text);
    const other = join(scratch, 'linked-too.yaml');
    linkSync(path, other);
    expect(run(['fix', path, '-t', 'containerd@1.7']).stdout).toContain('has 2 hard links');
    expect(run(['fix', path, '-t', 'containerd@1.7', '--force']).code).toBe(0);
    expect(statSync(path).nlink).toBe(2);
    expect(readFileSync(other, 'utf8')).toContain('[NET_ADMIN]');
  });

  it.skipIf(process.getuid?.() !== 0)('as root, gives the file back to its owner and group', () => {
    const path = file('owned.yaml', text);
    const { chownSync } = require('node:fs') as typeof import('node:fs');
    chownSync(path, 65534, 65534);
    expect(run(['fix', path, '-t', 'containerd@1.7']).code).toBe(0);
    const stats = statSync(path);
    expect([stats.uid, stats.gid]).toEqual([65534, 65534]);
  });

  it.skipIf(process.getuid?.() !== 0)('does not report a failed write as fixed', () => {
    const dir = join(scratch, 'locked');
    mkdirSync(dir);
    chmodSync(scratch, 0o711);
    const path = join(dir, 'p.yaml');
    writeFileSync(path, text);
    chmodSync(path, 0o666);
    chmodSync(dir, 0o555);
    const fix = run(['fix', path, '-t', 'containerd@1.7'], { uid: 65534 });
    chmodSync(dir, 0o755);
    expect(fix.code).toBe(2);
    expect(fix.stdout).toContain('not written');
    expect(fix.stdout).not.toContain('✔');
    expect(fix.stdout).toContain('0 fixes in 0 files changed');
  });
});

describe('fix output streams (item 16)', () => {
  it('--dry-run -o json prints the JSON alone; - --dry-run prints a diff', () => {
    const text = pod('dry', '[CAP_NET_ADMIN]');
    const path = file('dry.yaml', text);
    const json = run(['fix', path, '--dry-run', '-o', 'json', '-t', 'containerd@1.7']);
    const report = JSON.parse(json.stdout);
    expect(report.files[0].diff).toContain('+          add: [NET_ADMIN]');
    const stdin = run(['fix', '-', '--dry-run', '-t', 'containerd@1.7'], { input: text });
    expect(stdin.stdout.startsWith('--- a/-')).toBe(true);
    expect(stdin.stdout).toContain('-          add: [CAP_NET_ADMIN]');
    expect(stdin.stdout).not.toContain('apiVersion: v1\nkind: Pod');
  });
});

describe('symlinks in folder walks (item 17)', () => {
  it('does not follow links out of the tree; a link named on the command line is followed', () => {
    const text = pod('link', '[CAP_NET_ADMIN]');
    mkdirSync(join(scratch, 'tree'));
    mkdirSync(join(scratch, 'outside'));
    const outside = file('outside/target.yaml', text);
    file('tree/in.yaml', text);
    symlinkSync(outside, join(scratch, 'tree', 'out.yaml'));
    symlinkSync(join(scratch, 'tree', 'in.yaml'), join(scratch, 'tree', 'in-link.yaml'));
    const lint = run(['lint', join(scratch, 'tree'), '-o', 'json', '-t', 'containerd@1.7']);
    const files = new Set(JSON.parse(lint.stdout).findings.map((f: { file: string }) => f.file));
    expect([...files].sort()).toEqual([join(scratch, 'tree', 'in-link.yaml'), join(scratch, 'tree', 'in.yaml')]);
    run(['fix', join(scratch, 'tree'), '-t', 'containerd@1.7']);
    expect(readFileSync(outside, 'utf8')).toBe(text);
    run(['fix', join(scratch, 'tree', 'out.yaml'), '-t', 'containerd@1.7']);
    expect(readFileSync(outside, 'utf8')).toContain('[NET_ADMIN]');
  });
});

/** Whether text holds a bell or an escape (what steers a terminal). */
function hasControl(text: string): boolean {
  return text.includes('\x07') || text.includes('\x1b');
}

describe('terminal safety (item 18)', () => {
  it('escapes control characters from the input in text output', () => {
    const path = file('escape.yaml', pod('n\x1b[2Jx', '[CAP_NET_ADMIN]', 'c\x1b[31m\x07'));
    for (const args of [
      ['lint', path],
      ['explain', path],
      ['fix', path, '--dry-run'],
    ]) {
      const out = run([...args, '-t', 'containerd@1.7', '--no-color']);
      expect(hasControl(out.stdout + out.stderr)).toBe(false);
    }
    expect(run(['lint', path, '--no-color']).stdout).toContain('c\\x1b[31m\\x07');
    const log = file('escape.log', 'Error: failed to create containerd task: unknown capability "CAP_\x1b[2JX"\n');
    expect(hasControl(run(['diagnose', log, '--no-color']).stdout)).toBe(false);
  });
});

describe('smaller things (items 19 and 20)', () => {
  it('-q says how many warnings it hid', () => {
    const path = file('quiet.yaml', pod('q', '[NET_ADMIN, NET_ADMIN]'));
    const quiet = run(['lint', path, '-q', '-t', 'containerd@1.7']);
    expect(quiet.stdout).toMatch(/No errors in 1 file \(1 document\); \d+ warnings and infos hidden by --quiet/);
  });

  it('help shows no "(default: [])", and the targets table is aligned', () => {
    for (const command of ['lint', 'fix', 'explain', 'diagnose']) {
      expect(run([command, '--help']).stdout).not.toContain('(default: [])');
    }
    const known = JSON.parse(run(['targets', '--json']).stdout) as {
      engines: { label: string }[];
      ociRuntimes: { label: string }[];
    };
    const lines = run(['targets']).stdout.split('\n');
    // Every engine's and OCI runtime's label starts at the same column.
    const columns = new Set(
      [...known.engines, ...known.ociRuntimes].map(({ label }) => {
        const line = lines.find((l) => l.includes(` ${label}: `)) ?? '';
        return [...line.slice(0, line.indexOf(` ${label}: `))].length;
      }),
    );
    expect(columns.size).toBe(1);
  });
});

describe('the runtime suite is opt-in off CI (item 22)', () => {
  it('refuses to start without CI=true or CAPDOCTOR_RUNTIME_SUITE=1, before touching anything', () => {
    const env = { ...process.env };
    delete env.CI;
    delete env.CAPDOCTOR_RUNTIME_SUITE;
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'runtime-suite.mjs')], { env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('CAPDOCTOR_RUNTIME_SUITE=1');
  });
});
