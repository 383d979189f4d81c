// The CLI streams large files; what it prints must not depend on it. CAPDOCTOR_STREAM_BYTES lowers the
// size from which files are streamed, so that small files take that path here.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
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
  // Code frames of a streamed file come from the lines it keeps: without their CR.
  'crlf.yaml': deployments(80, { mistakeEvery: 5 }).replaceAll('\n', '\r\n'),
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

describe('a streamed file is read in pieces of 64 KiB', () => {
  /** A comment that ends so that `char` starts `before` bytes ahead of the next multiple of 64 KiB. */
  function straddle(text: string, char: string, before: number): string {
    const used = Buffer.byteLength(text) + 2; // `# `
    const pad = (65536 - ((used + before) % 65536)) % 65536;
    return `${text}# ${'p'.repeat(pad)}${char}\n`;
  }

  it('decodes characters cut between pieces, before and after ASCII-only pieces', () => {
    let text = deployments(60, { mistakeEvery: 7 });
    text = straddle(text, 'é', 1); // two bytes, cut after the first
    text += `# ${'a'.repeat(140_000)}\n`; // pieces of ASCII only
    text = straddle(text, '😀', 2); // four bytes, cut after the second
    text = straddle(text, '’', 1);
    text += deployments(40, { mistakeEvery: 5 }).replaceAll('name: ', 'name: café-');
    const path = join(scratch, 'utf8.yaml');
    writeFileSync(path, text);
    const args = ['lint', path, '-o', 'json'];
    const streamed = run(args, 1);
    const whole = run(args, 2 ** 40);
    expect(streamed.stderr).toBe(whole.stderr);
    expect(streamed.stdout).toBe(whole.stdout);
    expect(whole.stdout).toContain('café-');
  });

  it('reports invalid UTF-8 cut at the end of a piece, before ASCII-only pieces, as a file read whole does', () => {
    // A lead byte as the last byte of the first piece, and no continuation after it.
    const head = `${deployments(20, { mistakeEvery: 3 })}# `;
    const pad = 65535 - (Buffer.byteLength(head) % 65536);
    const text = Buffer.concat([
      Buffer.from(`${head}${'p'.repeat(pad)}`),
      Buffer.from([0xe9]),
      Buffer.from(`\n# ${'a'.repeat(200_000)}\n`),
    ]);
    const path = join(scratch, 'invalid.yaml');
    writeFileSync(path, text);
    const streamed = run(['lint', path], 1);
    const whole = run(['lint', path], 2 ** 40);
    expect(streamed.code).toBe(2);
    expect(streamed.stdout + streamed.stderr).toContain('is not valid UTF-8');
    expect(streamed.stdout + streamed.stderr).toBe(whole.stdout + whole.stderr);
  });
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

describe('with --output-file, a streamed file’s findings are written as they are found', () => {
  const read = (path: string) => readFileSync(path, 'utf8');
  /** The report written to a file of its own, with what the debug output says of it. */
  function written(args: string[], streamBytes: number, env: Record<string, string> = {}) {
    const out = join(scratch, `report-${streamBytes}-${Math.random().toString(36).slice(2)}`);
    const result = run([...args, '--output-file', out], streamBytes, { CAPDOCTOR_DEBUG: 'stream', ...env });
    const report = existsSync(out) ? read(out) : undefined;
    rmSync(out, { force: true });
    return { ...result, report };
  }
  const live = /findings written as they are found/;

  for (const name of Object.keys(files)) {
    it.each([
      ['json', []],
      ['text', every],
      ['sarif', []],
      ['github', []],
      ['gitlab', []],
      ['json', ['--quiet']],
      ['text', ['--quiet']],
    ])(`${name} -o %s %j`, (format, extra) => {
      const args = ['lint', join(scratch, name), '-o', format, ...extra];
      const streamed = written(args, 1);
      const whole = run(args, 2 ** 40);
      expect(streamed.stderr).toMatch(live);
      expect(streamed.stderr).not.toMatch(/starts again/);
      expect(streamed.code).toBe(whole.code);
      expect(streamed.report).toBe(whole.stdout);
      expect(whole.stdout.length).toBeGreaterThan(200);
    });
  }

  it('with worker threads, all at the end of the file, as one thread writes them', () => {
    const args = ['lint', join(scratch, 'deployments.yaml'), join(scratch, 'list.yaml'), '-o', 'json'];
    const threaded = written(args, 1, { CAPDOCTOR_THREADS: '3', CAPDOCTOR_DEBUG: 'stream,threads' });
    const single = written(args, 1, { CAPDOCTOR_THREADS: '1' });
    expect(Number(/3 threads, (\d+) windows handed to workers/.exec(threaded.stderr)?.[1])).toBeGreaterThan(0);
    expect(threaded.stderr).toMatch(live);
    expect(threaded.code).toBe(single.code);
    expect(threaded.report).toBe(single.report);
    expect(single.report?.length).toBeGreaterThan(1000);
  });

  it.each(['gitlab', 'sarif'])('-o %s tells apart the findings of a file named twice, as gathered', (format) => {
    const file = join(scratch, 'deployments.yaml');
    const args = ['lint', file, join(scratch, 'list.yaml'), file, '-o', format];
    const streamed = written(args, 1);
    const whole = run(args, 2 ** 40);
    expect(streamed.stderr).toMatch(live);
    expect(streamed.report).toBe(whole.stdout);
    const prints =
      format === 'gitlab'
        ? (JSON.parse(whole.stdout) as { fingerprint: string }[]).map((issue) => issue.fingerprint)
        : ((
            JSON.parse(whole.stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }
          ).runs[0]?.results.map((result) => Object.values(result.partialFingerprints).join()) ?? []);
    expect(prints.length).toBeGreaterThan(50);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('junit, which counts before it lists, gathers them first', () => {
    const args = ['lint', join(scratch, 'deployments.yaml'), '-o', 'junit'];
    const streamed = written(args, 1);
    expect(streamed.stderr).not.toMatch(live);
    expect(streamed.report).toBe(run(args, 2 ** 40).stdout);
  });

  it('standard output, which cannot be taken back, gets them all at the end', () => {
    const streamed = run(['lint', join(scratch, 'deployments.yaml'), '-o', 'json'], 1, { CAPDOCTOR_DEBUG: 'stream' });
    expect(streamed.stderr).toBe('');
  });

  // Findings already written when the stream gives up are taken back: the report starts again, and the
  // file is read whole (the files before it are linted again).
  const late = {
    'a syntax error': `${deployments(120, { mistakeEvery: 4 })}---\nkind: [unclosed\n`,
    'a document whose needs read the others': `${deployments(120, { mistakeEvery: 4 })}---\n${read(
      join(root, 'src/rules/pam-limits-needs-sys-resource/fixtures/invalid.yaml'),
    )}`,
  };
  for (const [why, text] of Object.entries(late)) {
    it.each(['json', 'text', 'sarif'])(`after ${why} at the end, -o %s is what reading it whole gives`, (format) => {
      const path = join(scratch, `late-${why.replaceAll(' ', '-')}.yaml`);
      writeFileSync(path, text);
      const args = ['lint', join(scratch, 'deployments.yaml'), path, '-o', format];
      const streamed = written(args, 1);
      const whole = run(args, 2 ** 40);
      expect(streamed.stderr).toMatch(/late-.*: read whole; the report starts again/);
      expect(streamed.code).toBe(whole.code);
      expect(streamed.report).toBe(whole.stdout);
      expect(whole.stdout.length).toBeGreaterThan(1000);
    });
  }
  // Reading /proc/self/mem from its start fails with EIO on Linux (the first page is not mapped): a read
  // error inside the streaming reader, after another file's findings went out.
  it.skipIf(!readFails('/proc/self/mem'))('a read that fails is the file’s error, as reading it whole says', () => {
    const args = ['lint', join(scratch, 'deployments.yaml'), '/proc/self/mem', '-o', 'json'];
    const streamed = written(args, 0);
    const whole = run(args, 2 ** 40);
    expect(streamed.stderr).toMatch(/deployments\.yaml: findings written as they are found/);
    expect(streamed.stderr).toMatch(/mem: read whole; the report starts again/);
    expect(streamed.code).toBe(2);
    expect(streamed.report).toBe(whole.stdout);
    expect(streamed.report).toContain('"message": "cannot read /proc/self/mem: EIO');
  });
});

/** Whether reading `path` from its start fails with EIO here. */
function readFails(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, Buffer.alloc(16), 0, 16, null);
      return false;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EIO';
  }
}
