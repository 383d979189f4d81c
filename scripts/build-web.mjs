// Builds the web playground into web/dist: index.html, app.js (the page: editor and views), app.css and
// the licences of what is bundled. The library runs in a Web Worker whose script is bundled first and
// carried inside app.js as text (started from a Blob URL): a page opened from disk (file://) may not
// load a worker script or an ES module from a file, so both bundles are classic scripts.
// Any Node.js built-in that reaches either bundle fails the build.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { browserOptions } from './browser-options.mjs';
import { licences } from './build-action.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}web/dist`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** Fails the build on any `node:` import or Node built-in, wherever it comes from. */
export const noNode = {
  name: 'no-node-builtins',
  setup(esbuild) {
    const builtins =
      /^(node:|(assert|buffer|child_process|crypto|events|fs|module|net|os|path|process|stream|url|util|vm|worker_threads|zlib)(\/.*)?$)/;
    esbuild.onResolve({ filter: builtins }, ({ path, importer }) => ({
      errors: [{ text: `Node.js module "${path}" imported by ${importer}: the web page runs in a browser` }],
    }));
  },
};

const shared = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  metafile: true,
};

export async function buildWeb() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const worker = await build({
    ...shared,
    entryPoints: [`${root}web/src/worker.ts`],
    define: { ...browserOptions.define, CAPDOCTOR_VERSION: JSON.stringify(version) },
    plugins: [noNode, ...browserOptions.plugins],
  });
  const workerCode = worker.outputFiles[0].text;

  const page = await build({
    ...shared,
    entryPoints: { app: `${root}web/src/main.ts` },
    outdir: out,
    loader: { '.yaml': 'text', '.log': 'text', '.txt': 'text' },
    define: { WORKER_SOURCE: JSON.stringify(workerCode), CAPDOCTOR_VERSION: JSON.stringify(version) },
    plugins: [noNode],
  });
  const sizes = {};
  for (const file of page.outputFiles) {
    writeFileSync(file.path, file.contents);
    sizes[file.path.slice(out.length + 1)] = file.contents.length;
  }
  copyFileSync(`${root}web/index.html`, `${out}/index.html`);
  sizes['index.html'] = readFileSync(`${out}/index.html`).length;
  writeFileSync(
    `${out}/THIRD_PARTY_LICENSES.txt`,
    licences([...Object.keys(worker.metafile.inputs), ...Object.keys(page.metafile.inputs)]),
  );
  return { sizes, worker: workerCode.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { sizes, worker } = await buildWeb();
  for (const [file, size] of Object.entries(sizes)) console.log(`web/dist/${file}  ${(size / 1024).toFixed(1)} KiB`);
  console.log(`  (app.js carries the worker: ${(worker / 1024).toFixed(1)} KiB)`);
}
