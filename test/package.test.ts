// The published package, as users get it: `npm pack`, installed into a temporary prefix (the CLI run
// from another folder), and imported from a separate ESM package whose use of the types tsc checks.
// `npm pack` runs in a copy of what it packs, with its real prepack and postpack steps: the copy has
// no build script, so it packs the dist/ that `npm test` has just built rather than rebuilding dist/
// under the tests running beside this one.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-pack-'));
const incident = join(root, 'examples', 'elasticsearch-incident.yaml');
let tarball = '';
let files: string[] = [];

function sh(command: string, args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false' };
  delete env.FORCE_COLOR;
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const copy = join(scratch, 'source');
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'bin', 'dist', 'docs', 'scripts/pack-manifest.mjs']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  const packed = sh(npm, ['pack', '--json', '--pack-destination', scratch], copy);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(scratch, info?.filename ?? '');
  files = (info?.files ?? []).map((f) => f.path).sort();
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm pack', () => {
  it('holds what the CLI and the library need, and nothing else', () => {
    for (const needed of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/capdoctor.cjs',
      'dist/cli.cjs',
      'dist/fix.cjs',
      'dist/diagnose.cjs',
      'dist/scan.cjs',
      'dist/explain.cjs',
      'dist/webhook.cjs',
      'dist/kube.cjs',
      'dist/index.js',
      'dist/browser.js',
      'dist/types/index.d.ts',
      'dist/yaml.cjs',
      'dist/jsonc-parser.cjs',
      'dist/THIRD_PARTY_LICENSES.txt',
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|examples|scripts)\//.test(f))).toEqual([]);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toContain('Apache License');
  });

  it('declares no runtime dependencies (they are bundled) and points at the repository', () => {
    const pkg = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.exports['.']).toEqual({
      types: './dist/types/index.d.ts',
      browser: './dist/browser.js',
      default: './dist/index.js',
    });
    expect(pkg.repository.url).toContain('github.com/capdoctor/capdoctor');
    expect(pkg.bugs.url).toContain('github.com/capdoctor/capdoctor');
    expect(pkg.homepage).toContain('github.com/capdoctor/capdoctor');
    // No install-time script, which npm would flag on every install (and whose build script is not packed).
    expect(Object.keys(pkg.scripts).filter((s) => /^(pre|post)?(install|prepare|pack)$/.test(s))).toEqual([]);
    // The working copy's package.json is back as it was.
    expect(JSON.parse(readFileSync(join(scratch, 'source', 'package.json'), 'utf8')).scripts.prepare).toBeDefined();
  });
});

describe('installed from the tarball', () => {
  it('runs the CLI from another folder', () => {
    const prefix = join(scratch, 'prefix');
    const installed = sh(npm, ['install', '--global', '--prefix', prefix, tarball], scratch);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stderr).toBe('');
    const elsewhere = join(scratch, 'elsewhere');
    mkdirSync(elsewhere);
    const bin = join(prefix, 'bin', 'capdoctor');
    const version = sh(bin, ['--version'], elsewhere);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const lint = sh(bin, ['lint', incident, '--target', 'docker@18.06'], elsewhere);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(
      '"CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_RESOURCE  cap-prefix',
    );

    // Every other command, each in a file of its own beside the CLI, from the installed package.
    const typo = join(root, 'examples', 'typo.yaml');
    const fix = sh(bin, ['fix', '--dry-run', typo], elsewhere);
    expect(fix.code, fix.stderr).toBe(1);
    expect(fix.stdout).toContain('+              drop: [ALL]');
    const explain = sh(bin, ['explain', typo, '-o', 'json'], elsewhere);
    expect(explain.code, explain.stderr).toBe(0);
    expect(JSON.parse(explain.stdout).containers.length).toBeGreaterThan(0);
    const diagnose = sh(bin, ['diagnose', join(root, 'examples', 'diagnose'), '-o', 'json'], elsewhere);
    expect(diagnose.stderr).toBe('');
    expect(JSON.parse(diagnose.stdout).diagnoses.length).toBeGreaterThan(0);
    const scan = sh(
      bin,
      ['scan', '--from', join(root, 'test', 'fixtures', 'scan', 'cluster.json'), '-o', 'json'],
      elsewhere,
    );
    expect(scan.stderr).toBe('');
    expect(JSON.parse(scan.stdout)).toBeTypeOf('object');
    expect(sh(bin, ['targets'], elsewhere).stdout).toContain('docker');
    expect(sh(bin, ['rules'], elsewhere).stdout).toContain('cap-prefix');
    const certs = sh(
      bin,
      ['webhook', 'certs', '--service', 'capdoctor', '--namespace', 'x', '--out', join(scratch, 'certs')],
      elsewhere,
    );
    expect(certs.code, certs.stderr).toBe(0);
  }, 120_000);

  it('is imported by a separate ESM package, with types that tsc checks', () => {
    const app = join(scratch, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const installed = sh(npm, ['install', tarball], app);
    expect(installed.code, installed.stderr).toBe(0);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['*.ts'],
      }),
    );
    writeFileSync(
      join(app, 'use.ts'),
      [
        "import { diagnose, explain, fix, lint, type Finding, type LintResult } from 'capdoctor';",
        "const result: LintResult = lint('kind: Pod', { targets: ['docker@18.06'] });",
        'const messages: string[] = result.findings.map((f: Finding) => f.message);',
        "const fixed: string = fix('kind: Pod').output;",
        "const verdicts = explain('kind: Pod').containers.map((c) => c.targets.map((t) => t.verdict));",
        "const causes = diagnose('').diagnoses.map((d) => d.message);",
        '// @ts-expect-error lint takes a text',
        'lint(42);',
        '// @ts-expect-error targets are strings',
        "lint('kind: Pod', { targets: [1] });",
        'export { causes, fixed, messages, verdicts };',
        '',
      ].join('\n'),
    );
    const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');
    const checked = sh(process.execPath, [tsc, '-p', '.'], app);
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);

    writeFileSync(
      join(app, 'run.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { lint } from 'capdoctor';",
        'const text = readFileSync(process.argv[2], "utf8");',
        "for (const f of lint(text, { targets: ['docker@18.06'] }).findings) console.log(f.rule, f.message);",
        '',
      ].join('\n'),
    );
    const run = sh(process.execPath, ['run.mjs', incident], app);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('cap-prefix "CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06');
  }, 120_000);
});
