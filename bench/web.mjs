#!/usr/bin/env node
// `npm run bench:web`: lints 1,000 documents in the web page's worker (Debian's Chromium, the built
// page opened from disk) and, as the baseline in the same run, the same text with the library in
// Node.js. Prints the figures; asserts no time.
//
//   BENCH_SIZE=small   100 documents, one run (what CI runs)
//   BENCH_RUNS=n       runs after the first (default 5); the median is printed
// Needs dist/ (npm run build); builds web/dist itself.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWeb } from '../scripts/build-web.mjs';
import { chromiumMissing, launchChromium } from '../scripts/web-browser.mjs';
import { deployments } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const small = process.env.BENCH_SIZE === 'small';
const count = small ? 100 : 1000;
const runs = Number(process.env.BENCH_RUNS ?? (small ? 1 : 5));
const text = deployments(count);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const missing = chromiumMissing();
if (missing) {
  console.log(`bench:web skipped: ${missing}`);
  process.exit(0);
}

await buildWeb();
const { lint } = await import(pathToFileURL(`${root}dist/index.js`).href);
const node = [];
lint(text); // warm-up, as the page's first run warms its worker
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  lint(text);
  node.push(performance.now() - start);
}

const { context, close } = await launchChromium();
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(`${root}web/dist/index.html`).href);
  await page.waitForFunction(() => Number(document.documentElement.dataset.analyses ?? 0) >= 1);
  const bench = (t) => page.evaluate((input) => window.capdoctorPage.bench(input), t);
  const first = await bench(text);
  const worker = [];
  for (let i = 0; i < runs; i++) worker.push((await bench(text)).milliseconds);
  // Round trip: posting the text to the worker and its findings back, as the page does.
  const roundTrip = await page.evaluate(async (input) => {
    const start = performance.now();
    await window.capdoctorPage.bench(input);
    return performance.now() - start;
  }, text);

  const bytes = Buffer.byteLength(text);
  console.log(
    `web page worker: ${first.documents} documents (${(bytes / 1024).toFixed(0)} KiB), ${first.findings} findings, default targets`,
  );
  console.log(`  first run in the worker     ${first.milliseconds.toFixed(0)} ms`);
  console.log(`  median of ${runs} in the worker  ${median(worker).toFixed(0)} ms`);
  console.log(`  with the round trip         ${roundTrip.toFixed(0)} ms`);
  console.log(
    `  baseline, library in Node   ${median(node).toFixed(0)} ms (median of ${runs}; ratio ${(median(worker) / median(node)).toFixed(2)}x)`,
  );
} finally {
  await close();
}
