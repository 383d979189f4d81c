// Bundles the CLI into dist/ with esbuild: one ESM entry, shared chunks split out so that
// commands load only what they use (start-up time matters in pre-commit hooks).
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  // The lint worker is an entry of its own: large inputs start it as a thread.
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'lint-worker': 'src/cli/lint-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer ESM builds: jsonc-parser's UMD main uses dynamic requires that a bundle cannot follow.
  mainFields: ['module', 'main'],
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  // commander is CommonJS and requires node built-ins; ESM output needs a real `require`.
  banner: {
    js: "import { createRequire as __cdRequire } from 'node:module'; const require = __cdRequire(import.meta.url);",
  },
  define: { CAPDOCTOR_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
