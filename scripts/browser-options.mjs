// esbuild options for the library as a browser bundle (dist/browser.js), shared by the build and by the
// test that proves the library needs nothing from Node.js: platform `browser`, so any Node built-in on
// the library's path fails the build.
import { fileURLToPath } from 'node:url';

const browserLibs = fileURLToPath(new URL('../src/parse/libs-static.ts', import.meta.url));

/** The parser packages are imported up front in a browser (libs-static.ts), not required on first use. */
const parserImports = {
  name: 'browser-parser-imports',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/libs\.js$/ }, ({ importer }) =>
      /[\\/]src[\\/]parse[\\/][^\\/]+$/.test(importer) ? { path: browserLibs } : undefined,
    );
  },
};

export const browserOptions = {
  entryPoints: { browser: fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  // Prefer ESM builds: jsonc-parser's UMD main uses dynamic requires that a bundle cannot follow.
  mainFields: ['module', 'main'],
  define: { CAPDOCTOR_BUNDLE: 'true' },
  logLevel: 'warning',
  plugins: [parserImports],
};
