// Bundles the GitHub Action (src/action/index.ts) into action/dist/index.cjs: one CommonJS file with
// the library and the parser packages inside, since GitHub runs an action without installing anything.
// The bundle is committed; test/action.test.ts builds it again and fails when the two differ.
//   node scripts/build-action.mjs          writes action/dist/
//   buildAction(outdir)                    writes elsewhere (the drift check)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** src/parse/libs.ts loads the parsers from files at run time; the Action takes them in its bundle. */
const staticLibs = {
  name: 'static-libs',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/libs\.js$/ }, ({ importer }) =>
      /[\\/]src[\\/]parse[\\/]/.test(importer) ? { path: `${root}src/parse/libs-static.ts` } : undefined,
    );
  },
};

export async function buildAction(outdir = `${root}action/dist`) {
  const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/action/index.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The action declares node24; the bundle also runs on Node 20, for self-hosted runners that still have it.
    target: 'node20',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    define: { CAPDOCTOR_VERSION: JSON.stringify(version) },
    plugins: [staticLibs],
  });
  writeFileSync(`${outdir}/THIRD-PARTY-LICENSES.txt`, licences(Object.keys(metafile.inputs)));
}

/** The licence texts of the packages inside a bundle, which their licences ask copies to carry. */
export function licences(inputs) {
  // The innermost node_modules folder names the package (a nested copy is a package of its own).
  const dirs = new Set(
    inputs.map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter(Boolean),
  );
  return [...dirs]
    .map((path) => {
      const dir = `${root}${path}`;
      const { name, version, license } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
      const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      // A few packages ship no licence file; their declared licence is all there is to carry.
      const text = file
        ? readFileSync(`${dir}/${file}`, 'utf8').trim()
        : `(no licence file in the package; package.json declares ${license})`;
      return { key: `${name}@${version}`, entry: `${name}@${version} (${license})\n\n${text}\n` };
    })
    .filter((e, i, all) => all.findIndex((o) => o.key === e.key) === i)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.entry)
    .join(`\n${'-'.repeat(78)}\n\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildAction();
