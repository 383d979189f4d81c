// bin/capdoctor.cjs compiles the CLI with V8's code cache. The cache must change nothing but speed: the
// same output with and without it, and a cache that is damaged, refused or not the user's own is
// replaced or ignored, never an error.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(cache: string, args = ['lint', 'examples/typo.yaml', '-o', 'json']) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CAPDOCTOR_COMPILE_CACHE: cache, CAPDOCTOR_DEBUG: 'cache' },
  });
  const said = [...result.stderr.matchAll(/compile cache: (.+)/g)].map((m) => m[1]);
  return { code: result.status, stdout: result.stdout, said };
}

describe('the compile cache', () => {
  const dir = join(scratch, 'cache');
  const plain = run('off');

  it('is off when asked, and the CLI runs as usual', () => {
    expect(plain.said).toEqual(['off']);
    expect(plain.code).toBe(1);
    expect(JSON.parse(plain.stdout).findings.length).toBeGreaterThan(0);
  });

  it('is written by a first run, one file per command, and used by the next with the same output', () => {
    const first = run(dir);
    expect(first.said).toEqual(['none yet', 'written']);
    const second = run(dir);
    expect(second.said).toEqual(['used']);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    expect(run(dir, ['--version']).said).toEqual(['none yet', 'written']);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/-lint\.bin$/);
    expect(files[1]).toMatch(/-other\.bin$/);
  });

  it('is refused when damaged, and written again', () => {
    const lint = readdirSync(dir).find((f) => f.endsWith('-lint.bin')) as string;
    writeFileSync(join(dir, lint), Buffer.alloc(4096, 7));
    const damaged = run(dir);
    expect(damaged.said).toEqual(['refused', 'written']);
    expect(damaged.stdout).toBe(plain.stdout);
    expect(run(dir).said).toEqual(['used']);
  });

  it("removes this command's caches from other builds, and nothing else", () => {
    const own = join(scratch, 'pruned');
    const tail = `${process.version}-${process.arch}`;
    run(own, ['--version']);
    const older = `cli-1-2-${tail}-lint.bin`;
    const otherNode = 'cli-1-2-v0.0.0-x64-lint.bin';
    const notOurs = 'notes.txt';
    for (const name of [older, otherNode, notOurs]) writeFileSync(join(own, name), 'x');
    const result = run(own);
    expect(result.said).toEqual(['none yet', 'written', `removed ${older}`]);
    const left = readdirSync(own);
    expect(left).not.toContain(older);
    expect(left).toEqual(expect.arrayContaining([otherNode, notOurs]));
    expect(left.filter((f) => f.endsWith(`${tail}-other.bin`))).toHaveLength(1);
    expect(left.filter((f) => f.endsWith(`${tail}-lint.bin`))).toHaveLength(1);
  });

  it('loads the files of the other commands through caches of their own, with the same output', () => {
    const own = join(scratch, 'commands');
    const fix = ['fix', '--dry-run', 'examples/typo.yaml'];
    const plainFix = run('off', fix);
    expect(plainFix.said).toEqual(['off', 'fix.cjs: off']);
    const first = run(own, fix);
    expect(first.said).toEqual(['none yet', 'fix.cjs: none yet', 'written', 'fix.cjs: written']);
    const second = run(own, fix);
    expect(second.said).toEqual(['used', 'fix.cjs: used']);
    expect(first.stdout).toBe(plainFix.stdout);
    expect(second.stdout).toBe(plainFix.stdout);
    expect(second.code).toBe(plainFix.code);
    // lint needs none of them.
    expect(run(own).said).toEqual(['none yet', 'written']);
    const files = readdirSync(own);
    expect(files.filter((f) => f.startsWith('fix-'))).toEqual([expect.stringMatching(/-fix\.bin$/)]);

    const cached = files.find((f) => f.startsWith('fix-')) as string;
    writeFileSync(join(own, cached), Buffer.alloc(4096, 7));
    expect(run(own, fix).said).toEqual(['used', 'fix.cjs: refused', 'fix.cjs: written']);

    const older = `fix-1-2-${process.version}-${process.arch}-fix.bin`;
    writeFileSync(join(own, older), 'x');
    writeFileSync(join(own, cached), Buffer.alloc(4096, 7));
    expect(run(own, fix).said).toEqual(['used', 'fix.cjs: refused', 'fix.cjs: written', `removed ${older}`]);

    for (const [args, file] of [
      [['explain', 'examples/typo.yaml'], 'explain'],
      [['diagnose', 'examples/diagnose'], 'diagnose'],
      [['scan', '--from', 'test/fixtures/scan/cluster.json'], 'scan'],
    ] as const) {
      const plainRun = run('off', [...args]);
      expect(run(own, [...args]).said).toEqual([
        'none yet',
        `${file}.cjs: none yet`,
        'written',
        `${file}.cjs: written`,
      ]);
      const cachedRun = run(own, [...args]);
      expect(cachedRun.said).toEqual(['used', `${file}.cjs: used`]);
      expect(cachedRun.stdout).toBe(plainRun.stdout);
      expect(cachedRun.code).toBe(plainRun.code);
    }
  });

  it('is not used from a folder that others may write to', () => {
    const shared = join(scratch, 'shared');
    run(shared);
    chmodSync(shared, 0o777);
    const result = run(shared);
    expect(result.said).toEqual(['off']);
    expect(result.stdout).toBe(plain.stdout);
  });
});
