// The CLI streams large files; what it prints must not depend on it. CAPDOCTOR_STREAM_BYTES lowers the
// size from which files are streamed, so that small files take that path here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deployments, listChunks, mixed } from '../bench/generate.mjs';
import { RULES } from '../src/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-stream-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], streamBytes: number, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CAPDOCTOR_STREAM_BYTES: String(streamBytes), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const files = {
  'list.yaml': [...listChunks(400, { mistakeEvery: 9 })].join(''),
  'deployments.yaml': deployments(150, { mistakeEvery: 6 }),
  'mixed.yaml': mixed(150),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(scratch, name), text);

// Every rule, the opt-in ones included.
const every = RULES.flatMap((r) => ['--rule', `${r.meta.id}=${r.meta.severity}`]);

describe('lint prints the same whether a file is streamed or read whole', () => {
  for (const name of Object.keys(files)) {
    it.each([
      ['json', []],
      ['text', every],
      ['sarif', []],
    ])(`${name} -o %s`, (format, extra) => {
      const args = ['lint', join(scratch, name), '-o', format, ...extra];
      const streamed = run(args, 1);
      const whole = run(args, 2 ** 40);
      expect(streamed.stderr).toBe(whole.stderr);
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(whole.stdout.length).toBeGreaterThan(1000);
    });
  }
});

describe('lint prints the same with worker threads as with one thread', () => {
  for (const name of Object.keys(files)) {
    it.each([
      ['json', []],
      ['text', every],
    ])(`${name} -o %s`, (format, extra) => {
      const args = ['lint', join(scratch, name), '-o', format, ...extra];
      const threaded = run(args, 1, { CAPDOCTOR_THREADS: '3', CAPDOCTOR_DEBUG: 'threads' });
      const single = run(args, 1, { CAPDOCTOR_THREADS: '1', CAPDOCTOR_DEBUG: 'threads' });
      expect(threaded.code).toBe(single.code);
      expect(threaded.stdout).toBe(single.stdout);
      expect(single.stderr).toBe('');
      const handed = Number(/3 threads, (\d+) windows handed to workers/.exec(threaded.stderr)?.[1]);
      expect(handed).toBeGreaterThan(0);
      expect(single.stdout.length).toBeGreaterThan(1000);
    });
  }
});

describe('a worker that stops sends the file back to one thread', () => {
  it('prints what one thread prints, without waiting for the lost worker', () => {
    const args = ['lint', join(scratch, 'deployments.yaml'), '-o', 'json'];
    const crashed = run(args, 1, { CAPDOCTOR_THREADS: '2', CAPDOCTOR_DEBUG: 'threads,worker-exit' });
    const single = run(args, 1, { CAPDOCTOR_THREADS: '1' });
    expect(Number(/(\d+) windows handed to workers/.exec(crashed.stderr)?.[1])).toBeGreaterThan(0);
    expect(crashed.code).toBe(single.code);
    expect(crashed.stdout).toBe(single.stdout);
    expect(single.stdout.length).toBeGreaterThan(1000);
  });
});
