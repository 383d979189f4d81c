// `npm pack` and `npm publish` run this before packing (`before`) and after (`after`). Before: build
// dist/ (when the build script is here, as in a clone), then take the development-only lifecycle
// scripts out of package.json, so that the published package has no `prepare` for npm to flag or run
// on every install (the build script it would run is not in the package). After: put package.json back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const manifest = fileURLToPath(new URL('../package.json', import.meta.url));
const kept = `${manifest}.prepack`;
const DEVELOPMENT_ONLY = ['prepare', 'prepack', 'postpack'];

const step = process.argv[2];
if (step === 'before') {
  // A pack that failed half-way left the original aside: start from it.
  if (existsSync(kept)) renameSync(kept, manifest);
  const build = fileURLToPath(new URL('build.mjs', import.meta.url));
  if (existsSync(build)) await import(build);
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  for (const name of DEVELOPMENT_ONLY) delete pkg.scripts?.[name];
  writeFileSync(kept, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (step === 'after') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  throw new Error('usage: node scripts/pack-manifest.mjs before|after');
}
