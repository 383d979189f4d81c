// `npm run test:runtimes`: bundles the runtime suite (test/runtimes/main.ts, which imports
// capdoctor's knowledge from src/) with esbuild into a temporary file and runs it in this process,
// so that signals reach the suite's own cleanup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'capdoctor-suite-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const outfile = join(dir, 'suite.mjs');

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
