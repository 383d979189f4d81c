// Bundles capdoctor into dist/ with esbuild: the library and the lint worker as ES modules with shared
// chunks, the CLI as one CommonJS file (see below), the parser packages as files of their own, the
// library once more for browsers; then the type declarations (tsc) and the licences of what is bundled.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { browserOptions } from './browser-options.mjs';
import { licences } from './build-action.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The parser packages are files of their own, which src/parse/libs.ts loads on first use: a small lint
// needs neither. Every import of them (static ones too, in code that `fix` loads) reads that one file.
const LIBS = ['yaml', 'jsonc-parser'];
const libFiles = {
  name: 'lib-files',
  setup(esbuild) {
    const filter = new RegExp(`^(${LIBS.join('|')})$`);
    esbuild.onResolve({ filter }, ({ path }) => ({ path: `./${path}.cjs`, external: true }));
  },
};

/**
 * commander requires node:child_process at start-up, only to run executable subcommands (capdoctor has
 * none); loading that module costs every command a few milliseconds, so commander gets it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * picocolors works out, when it loads, whether its default colours should be on, and asks
 * process.stdout for that: creating the stream, which loads Node's stream modules (and a pipe's socket
 * modules) at every start, even when the report goes to a file. The CLI never uses that default: every
 * caller passes its own choice to createColors(), which src/cli/main.ts makes without the stream when
 * standard output is a file. So the CLI's copy asks nothing.
 */
const colorsWithoutProbe = {
  name: 'colors-without-probe',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]node_modules[\\/]picocolors[\\/]picocolors\.js$/ }, ({ path }) => {
      const probe = '(p.stdout || {}).isTTY';
      const source = readFileSync(path, 'utf8');
      if (source.split(probe).length !== 2) throw new Error(`${path}: expected one \`${probe}\` to leave out`);
      return { contents: source.replace(probe, 'false'), loader: 'js' };
    });
  },
};

/** The webhook is a file of its own (dist/webhook.cjs), which only `capdoctor webhook` loads. */
const webhookFile = {
  name: 'webhook-file',
  setup(esbuild) {
    esbuild.onResolve({ filter: /[\\/]webhook[\\/]command\.js$/ }, () => ({ path: './webhook.cjs', external: true }));
  },
};

/** What every bundle shares. */
const common = {
  bundle: true,
  platform: 'node',
  // Prefer ESM builds: jsonc-parser's UMD main uses dynamic requires that a bundle cannot follow.
  mainFields: ['module', 'main'],
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  // node-fetch (under the Kubernetes client) reads hostnames through tr46, which requires Node's own
  // punycode module: deprecated since Node 21, which then warns on standard error at every scan. The
  // package it was taken from is the same code.
  alias: { punycode: 'punycode/' },
};

/** Every file the bundles are made of, for the licences of the packages among them. */
const inputs = new Set();
async function bundle(options) {
  const { metafile } = await build(options);
  for (const input of Object.keys(metafile?.inputs ?? {})) inputs.add(input);
}

await bundle({
  ...common,
  // The library, and the lint worker, which large inputs start as a thread.
  entryPoints: { index: 'src/index.ts', 'lint-worker': 'src/cli/lint-worker.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  // commander is CommonJS and requires node built-ins; ESM output needs a real `require`.
  banner: {
    js: "import { createRequire as __cdRequire } from 'node:module'; const require = __cdRequire(import.meta.url);",
  },
  define: { CAPDOCTOR_VERSION: JSON.stringify(version), CAPDOCTOR_BUNDLE: 'true' },
  plugins: [libFiles, lazyChildProcess],
});

/**
 * The commands other than lint (and the listings, which need only what lint loads) are files of their
 * own beside the CLI, which bin/capdoctor.cjs loads with a code cache of their own when the command
 * runs: `lint` reads and compiles only the CLI file. Each of these files bundles what it needs (the
 * knowledge tables again, for one), so nothing that crosses from one to another may be told apart by
 * its class: src/cli/usage.ts marks usage errors for that.
 */
const COMMAND_FILES = {
  fix: ['fix'],
  diagnose: ['diagnose-route', 'diagnose-live', 'diagnose'],
  scan: ['scan'],
  explain: ['explain'],
};
const commandFiles = {
  name: 'command-files',
  setup(esbuild) {
    const files = new Map(Object.entries(COMMAND_FILES).flatMap(([file, modules]) => modules.map((m) => [m, file])));
    esbuild.onResolve({ filter: /^\.\/commands\/[\w-]+\.js$/ }, ({ path }) => {
      const file = files.get(path.slice('./commands/'.length, -'.js'.length));
      return file === undefined ? undefined : { path: `./${file}.cjs`, external: true };
    });
  },
};

// The CLI is CommonJS, which bin/capdoctor.cjs compiles with V8's code cache (Node 20 has no cache for
// ES modules): most of a small lint's start-up is compiling code. Commands still run their modules only
// when they are used. Without white space: reading and copying the source is a good part of a start.
const cli = {
  ...common,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  minifyWhitespace: true,
  // `await import('./commands/fix.js')` becomes require('./fix.cjs'), which bin/capdoctor.cjs serves.
  supported: { 'dynamic-import': false },
  // import.meta.url names the bundle's own file (the worker script and the parser files sit beside it).
  banner: { js: "var __cdUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { CAPDOCTOR_VERSION: JSON.stringify(version), CAPDOCTOR_BUNDLE: 'true', 'import.meta.url': '__cdUrl' },
};
await bundle({
  ...cli,
  entryPoints: { cli: 'src/cli/run.ts' },
  plugins: [libFiles, lazyChildProcess, colorsWithoutProbe, commandFiles, webhookFile],
});
for (const [file, modules] of Object.entries(COMMAND_FILES)) {
  await bundle({
    ...cli,
    stdin: {
      contents: modules.map((m) => `export * from './src/cli/commands/${m}.ts';`).join('\n'),
      resolveDir: '.',
      sourcefile: `${file}-command.ts`,
      loader: 'ts',
    },
    outdir: undefined,
    outExtension: undefined,
    outfile: `dist/${file}.cjs`,
    plugins: [libFiles, lazyChildProcess, colorsWithoutProbe, webhookFile],
  });
}

// The files that bin/capdoctor.cjs reads must be ASCII: it reads them as Latin-1, and one character beyond
// Latin-1 makes V8 hold the whole source as two-byte text, which costs every command about 10 ms to
// decode at start-up. esbuild escapes strings and templates but leaves regular expressions and the
// comments it keeps as written: write those with \u escapes or in ASCII.
for (const file of ['cli', ...Object.keys(COMMAND_FILES)]) {
  const text = readFileSync(`dist/${file}.cjs`, 'utf8');
  const wide = [...text.matchAll(/[^\t-~]/g)].map(
    ({ index }) => `  dist/${file}.cjs at ${index}: ${JSON.stringify(text.slice(Math.max(0, index - 60), index + 60))}`,
  );
  if (wide.length > 0) {
    process.stderr.write(
      `build: the CLI's files must be ASCII (start-up cost); non-ASCII here:\n${wide.slice(0, 20).join('\n')}\n`,
    );
    process.exit(1);
  }
}

// The webhook server with prom-client and node-forge, beside the CLI.
await build({
  ...common,
  entryPoints: { webhook: 'src/webhook/command.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  banner: { js: "var __cdUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { CAPDOCTOR_VERSION: JSON.stringify(version), CAPDOCTOR_BUNDLE: 'true', 'import.meta.url': '__cdUrl' },
  plugins: [libFiles],
});

// Their exports are named so that Node can import them by name from the CommonJS files.
for (const name of LIBS) {
  const names = Object.keys(createRequire(import.meta.url)(name));
  await bundle({
    stdin: { contents: `export { ${names.join(', ')} } from '${name}';`, resolveDir: '.', sourcefile: `${name}.js` },
    ...common,
    outfile: `dist/${name}.cjs`,
    format: 'cjs',
  });
}

// The Kubernetes client (KubeConfig: kubeconfig files, contexts, credentials), a file of its own that
// src/cluster/load.ts requires only when a command talks to a cluster: `lint` never reads it.
await bundle({
  ...common,
  entryPoints: { kube: 'src/cluster/kube-lib.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
});

// The library for browsers and other bundles without Node.js (package.json `exports`, condition `browser`).
// Minified (the packages it holds are large), names kept for readable stack traces.
await bundle({
  ...browserOptions,
  metafile: true,
  outdir: 'dist',
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'linked',
});

// Type declarations of the library (dist/types), from the same sources.
const tsc = new URL('bin/tsc', pathToFileURL(createRequire(import.meta.url).resolve('typescript/package.json')));
execFileSync(process.execPath, [fileURLToPath(tsc), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The bundles contain packages whose licences ask copies to carry their text.
writeFileSync('dist/THIRD_PARTY_LICENSES.txt', `${licences([...inputs])}`);
