// Hostile and odd inputs, generated here rather than stored: each must end in a finding or a clear
// exit-2 message — never a crash, a hang, a silent pass or a lost byte. Runs the built binary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');

function run(args: string[], options: { input?: string | Buffer; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? scratch,
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
