// `npm run test:runtimes`: bundles the runtime suite (test/runtimes/main.ts, which imports
// capdoctor's knowledge from src/) with esbuild into a temporary file and runs it in this process,
// so that signals reach the suite's own cleanup.
//
// The suite needs root and changes the host: it installs Debian packages and starts and stops
// containerd, Docker and Podman. It runs only where that is meant: on CI (CI=true, a throwaway
// machine) or when asked explicitly (CAPDOCTOR_RUNTIME_SUITE=1, or --allow-host-changes).
// It removes only what it created. Without --report it writes its report to a temporary file and
// compares it with the tracked docs/runtime-verification.md instead of rewriting that file.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const OPT_IN = '--allow-host-changes';
const args = process.argv.slice(2);
const optedIn = args.includes(OPT_IN) || process.env.CAPDOCTOR_RUNTIME_SUITE === '1';
const onCi = process.env.CI === 'true' || process.env.CI === '1';

if (!onCi && !optedIn) {
  process.stderr.write(
    'The runtime suite installs packages and starts and stops container daemons on this machine.\n' +
      `It runs on CI (CI=true) or when asked: CAPDOCTOR_RUNTIME_SUITE=1 npm run test:runtimes, or ${OPT_IN}.\n`,
  );
  process.exit(2);
}

const tracked = fileURLToPath(new URL('../docs/runtime-verification.md', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'capdoctor-suite-'));
const keep = process.env.CAPDOCTOR_RUNTIME_REPORT;
const outfile = join(dir, 'suite.mjs');
const fresh = join(dir, 'runtime-verification.md');
const explicitReport =
  args.includes('--report') || args.includes('--only') || args.some((a) => a.startsWith('--report='));
process.argv = [process.argv[0], process.argv[1], ...args.filter((a) => a !== OPT_IN)];
if (!explicitReport) process.argv.push('--report', fresh);

/** The reports without the lines that change from run to run (date, host, timings). */
function comparable(text) {
  return text
    .split('\n')
    .filter((line) => !/^Run on \d{4}-\d{2}-\d{2}:/.test(line))
    .join('\n');
}

process.on('exit', () => {
  if (!explicitReport && existsSync(fresh)) {
    if (!existsSync(tracked)) process.stderr.write(`runtime suite: ${tracked} is missing\n`);
    else if (comparable(readFileSync(fresh, 'utf8')) === comparable(readFileSync(tracked, 'utf8'))) {
      process.stderr.write('runtime suite: docs/runtime-verification.md agrees with this run\n');
    } else {
      process.stderr.write(
        'runtime suite: this run differs from docs/runtime-verification.md; to update it, run the suite with ' +
          '--report docs/runtime-verification.md' +
          (keep ? '' : ' (CAPDOCTOR_RUNTIME_REPORT=FILE keeps this run’s report)') +
          '\n',
      );
    }
    if (keep) copyFileSync(fresh, keep);
  }
  rmSync(dir, { recursive: true, force: true });
});

const { build } = await import('esbuild');
await build({
  entryPoints: [new URL('../test/runtimes/main.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  banner: {
    js: "import { createRequire as __cdRequire } from 'node:module'; const require = __cdRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

await import(pathToFileURL(outfile).href);
