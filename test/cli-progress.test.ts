// The progress line through the built binary, on a real terminal: `script` (util-linux) runs the CLI
// on a pseudo-terminal. CAPDOCTOR_PROGRESS_DELAY_MS=0 stands in for an input that takes a second.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript)
  console.warn('test/cli-progress.test.ts: terminal cases skipped, `script` (util-linux) is not installed');

const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-progress-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const POD = (i: number) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: x\n      securityContext:\n        capabilities:\n          add: [CAP_NET_ADMIN]\n`;
const dir = join(scratch, 'manifests');
mkdirSync(dir);
for (let i = 0; i < 3; i++) writeFileSync(join(dir, `pod${i}.yaml`), POD(i));
// Large enough to be streamed with CAPDOCTOR_STREAM_BYTES below: the streamed path reports too.
writeFileSync(join(dir, 'many.yaml'), Array.from({ length: 200 }, (_, i) => POD(i)).join('---\n'));

const ENV = {
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: '',
  CAPDOCTOR_PROGRESS_DELAY_MS: '0',
  CAPDOCTOR_STREAM_BYTES: '10000',
  TERM: 'xterm',
};

/** Runs the CLI with standard output and error on a terminal; returns what the terminal showed. */
function onTerminal(args: string[]): { code: number | null; screen: string } {
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { env: ENV, encoding: 'utf8' });
  return { code: result.status, screen: result.stdout };
}

const out = join(scratch, 'report.json');

describe.skipIf(!hasScript)('the progress line on a terminal', () => {
  it('shows files, documents and speed on standard error, and clears the line before the report', () => {
    const { code, screen } = onTerminal(['lint', dir, '-o', 'json', '--output-file', out]);
    expect(code).toBe(1);
    // Redrawn at most every 100 ms, so which counts show depends on the machine's speed.
    expect(screen.startsWith('\r\u001b[Kcapdoctor: ')).toBe(true);
    expect(screen).toMatch(/capdoctor: [0-4]\/4 files · \d+ documents · \d+\.\d MB · [\d.]+ MB\/s/);
    // Redrawn in place and cleared at the end: nothing but the cleared line remains.
    expect(screen).toContain('\r\u001b[K');
    expect(screen.endsWith('\r\u001b[K')).toBe(true);
  });

  it('clears the line before a report on the same terminal', () => {
    const { code, screen } = onTerminal(['lint', dir, '-o', 'github']);
    expect(code).toBe(1);
    expect(screen).toMatch(/capdoctor: [0-4]\/4 files/);
    // The report starts on a cleared line, and no progress line is drawn into it.
    const report = screen.indexOf('::');
    expect(screen.slice(0, report).endsWith('\r\u001b[K')).toBe(true);
    expect(screen.slice(report)).not.toContain('/4 files');
    expect(screen.slice(report)).not.toContain('\u001b');
    expect(screen.slice(report)).toMatch(/capdoctor: \d+ errors?, \d+ warnings?, \d+ infos? in 4 files\r\n$/);
  });

  it('draws nothing with -q', () => {
    const { screen } = onTerminal(['lint', dir, '-q', '-o', 'json', '--output-file', out]);
    expect(screen).toBe('');
  });
});

describe('the progress line off a terminal', () => {
  it('draws nothing when standard error is a pipe', () => {
    const result = spawnSync(process.execPath, [bin, 'lint', dir, '-o', 'json', '--output-file', out], {
      env: ENV,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.documents).toBe(203);
  });
});
