// `npm run screenshots:web`: pictures of the web playground for the README and docs/web.md, taken in
// Debian's Chromium from the built page (web/dist) opened from disk.
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumMissing, launchChromium } from './web-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const missing = chromiumMissing();
if (missing) {
  console.error(`screenshots:web: ${missing}`);
  process.exit(1);
}
mkdirSync(`${root}docs/img`, { recursive: true });
const page = pathToFileURL(`${root}web/dist/index.html`).href;
const { context, close } = await launchChromium();
try {
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  const analyses = () => tab.evaluate(() => Number(document.documentElement.dataset.analyses ?? 0));
  const settled = (n) =>
    tab.waitForFunction(
      (count) =>
        Number(document.documentElement.dataset.analyses ?? 0) >= count &&
        document.documentElement.dataset.busy === 'false',
      n,
    );
  await tab.goto(page);
  await settled(1);

  // The incident on Docker 18.06: the finding in the editor and beside it, then what each target does.
  await tab.locator('#findings li').first().locator('summary').click();
  await tab.screenshot({ path: `${root}docs/img/web-lint.png` });

  // The default targets: the matrix across runtimes.
  let count = await analyses();
  await tab.check('input[name="target-kind"][value="default"]');
  await settled(count + 1);
  await tab
    .locator('#matrix article')
    .first()
    .screenshot({ path: `${root}docs/img/web-matrix-defaults.png` });

  // Fix and its diff.
  count = await analyses();
  await tab.click('#fix');
  await tab.locator('#diff .cm-mergeView').waitFor();
  await settled(count + 1);
  await tab.locator('#fix-section').screenshot({ path: `${root}docs/img/web-fix.png` });

  // A log, diagnosed.
  count = await analyses();
  await tab.selectOption('#examples', 'diagnose');
  await settled(count + 1);
  await tab.locator('#diagnosis-heading').scrollIntoViewIfNeeded();
  await tab.screenshot({ path: `${root}docs/img/web-diagnose.png` });
  for (const name of ['lint', 'matrix-defaults', 'fix', 'diagnose']) console.log(`docs/img/web-${name}.png`);
} finally {
  await close();
}
