// The web playground in a real browser: Debian's Chromium driven by playwright-core, the page built by
// `npm run build:web`, opened from a local static server (as when published) and from disk (file://).
// Skipped, saying why, when Chromium is not installed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, noNode } from '../scripts/build-web.mjs';
import { chromiumMissing, launchChromium } from '../scripts/web-browser.mjs';
import { decodeFragment, encodeFragment } from '../web/src/share.js';
import { entryCell, verdictCell } from '../web/src/words.js';
import { serveStatic } from './support/static-server.js';

const dist = fileURLToPath(new URL('../web/dist/', import.meta.url));
const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the web page's browser tests: ${missing}.`);

interface PageHook {
  text(): string;
}

describe('share links (fragment encoding)', () => {
  it('round-trips UTF-8 text and targets, plain and compressed', async () => {
    const short = 'name: "é ✓ 漢字"\n';
    const plain = await encodeFragment({ input: short, targets: ['k8s@1.13.2,docker@18.06', 'crio@1.25'] });
    expect(plain).toMatch(/^input=[A-Za-z0-9_-]+&target=k8s%401.13.2%2Cdocker%4018.06&target=crio%401.25$/);
    expect(await decodeFragment(`#${plain}`)).toEqual({
      input: short,
      targets: ['k8s@1.13.2,docker@18.06', 'crio@1.25'],
    });
    const long = example('elasticsearch-incident.yaml');
    const packed = await encodeFragment({ input: long, targets: [] });
    expect(packed.startsWith('zinput=')).toBe(true);
    expect((await decodeFragment(packed))?.input).toBe(long);
    expect(await decodeFragment('target=docker@18.06')).toBeUndefined();
    await expect(decodeFragment('input=__8')).rejects.toThrow();
  });
});

describe('the web build', () => {
  it('fails when a Node.js built-in reaches the bundle', async () => {
    const bundle = (contents: string) =>
      build({
        stdin: { contents, resolveDir: '.', loader: 'ts' },
        bundle: true,
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        plugins: [noNode],
      });
    await expect(bundle("import { readFileSync } from 'node:fs'; console.log(readFileSync);")).rejects.toThrow(
      /Node.js module "node:fs".*runs in a browser/,
    );
    await expect(bundle("import { join } from 'path'; console.log(join);")).rejects.toThrow(/Node.js module "path"/);
    await expect(bundle("import { lint } from './src/index.ts'; console.log(lint);")).rejects.toThrow(
      /Node.js module "node:module"/,
    );
    expect((await bundle('console.log(1);')).errors).toEqual([]);
  });
});

describe('the words beside the colours', () => {
  it('names every outcome of an add or drop entry, and every verdict', () => {
    const words = (list: 'add' | 'drop', outcome: Parameters<typeof entryCell>[0]['outcome']) =>
      entryCell({ list, outcome }).text;
    expect(['applied', 'ignored', 'not-applied', 'rejected', 'unknown'].map((o) => words('add', o as never))).toEqual([
      'granted',
      'not granted',
      'not granted',
      'container fails',
      'not known',
    ]);
    expect(['applied', 'ignored', 'rejected'].map((o) => words('drop', o as never))).toEqual([
      'dropped',
      'not dropped',
      'container fails',
    ]);
    expect((['ok', 'fails', 'does-not-start', 'at-risk', 'unknown'] as const).map((v) => verdictCell(v).text)).toEqual([
      'works',
      'fails',
      'does not start',
      'at risk',
      'not known',
    ]);
  });
});

describe.skipIf(missing)('the web playground in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const requests: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];

  const local = (url: string) =>
    url.startsWith(`${server.url}/`) || url.startsWith('file://') || url.startsWith('blob:') || url.startsWith('data:');

  beforeAll(async () => {
    await buildWeb();
    server = await serveStatic(dist);
    browser = await launchChromium();
    browser.context.on('request', (request) => {
      requests.push(request.url());
    });
    // Every request is routed: only the page's own files may load; anything else is refused and reported.
    await browser.context.route('**/*', async (route) => {
      const url = route.request().url();
      if (local(url)) await route.continue();
      else {
        blocked.push(url);
        await route.abort();
      }
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${url}: console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${url}: ${error.message}`));
    await page.goto(url);
    await settled(page, 1);
    return page;
  }

  /** Waits until the page has finished at least `count` analyses and is not busy. */
  async function settled(page: Page, count: number): Promise<void> {
    await page.waitForFunction(
      (n) =>
        Number(document.documentElement.dataset.analyses ?? 0) >= n &&
        document.documentElement.dataset.busy === 'false',
      count,
      { timeout: 20_000 },
    );
  }

  const analyses = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.analyses ?? 0));
  const editorText = (page: Page) =>
    page.evaluate(() => (window as unknown as { capdoctorPage: PageHook }).capdoctorPage.text());

  async function seriousViolations(page: Page): Promise<string[]> {
    // Evaluated through the DevTools protocol: the page's Content-Security-Policy refuses inline scripts.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      return (await axe.run()).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).join(', ')}`);
  }

  it('opens a shared link with its input and target, and shows the findings and the matrix', async () => {
    const input = example('containerd-drop.yaml');
    const fragment = await encodeFragment({ input, targets: ['containerd@1.7'] });
    const page = await open(`${server.url}/index.html#${fragment}`);
    expect(await editorText(page)).toBe(input);
    expect(await page.inputValue('#target-one')).toBe('containerd@1.7');
    expect(await page.isChecked('input[name="target-kind"][value="one"]')).toBe(true);

    const findings = page.locator('#findings li');
    await expect.poll(() => findings.count()).toBe(2);
    const first = await findings.first().textContent();
    expect(first).toContain('24:22');
    expect(first).toContain('cap-prefix');
    expect(first).toContain('"CAP_NET_RAW": CAP_ prefix — not dropped on containerd@1.7; write NET_RAW');
    // Marked in the editor too.
    expect(await page.locator('.cm-lintRange-error, .cm-lintRange-warning').count()).toBeGreaterThan(0);

    // The matrix: the drop entries are not dropped on containerd, in words as well as colour.
    const row = page.locator('#matrix tr', { hasText: 'drop CAP_NET_RAW' });
    await expect.poll(() => row.locator('td').textContent()).toContain('not dropped');
    expect(await row.locator('td').getAttribute('class')).toContain('bad');
    expect(await page.locator('#matrix thead th').allInnerTexts()).toEqual(['Entry', 'containerd@1.7']);

    // The explanation on demand.
    await findings.first().locator('summary').click();
    expect(await findings.first().locator('.explanation').textContent()).toContain('containerd');
    await page.close();
  });

  it('opens a compressed link with a list of targets', async () => {
    const input = example('elasticsearch-incident.yaml');
    const fragment = await encodeFragment({ input, targets: ['docker@18.06', 'containerd@2.2'] });
    expect(fragment.startsWith('zinput=')).toBe(true);
    const page = await open(`${server.url}/index.html#${fragment}`);
    expect(await editorText(page)).toBe(input);
    expect(await page.inputValue('#target-custom')).toBe('docker@18.06\ncontainerd@2.2');
    const heads = await page.locator('#matrix article').first().locator('thead th').allInnerTexts();
    expect(heads).toEqual(['Entry', 'docker@18.06', 'containerd@2.2']);
    const row = page.locator('#matrix article').first().locator('tr', { hasText: 'add CAP_SYS_RESOURCE' });
    expect(await row.locator('td').allInnerTexts()).toEqual(['✗ container fails', '✗ not granted']);
    await page.close();
  });

  it('rewrites the text with Fix, shows the diff, and keeps unsafe suggestions for a request', async () => {
    const page = await open(`${server.url}/index.html`);
    expect(await editorText(page)).toBe(example('elasticsearch-incident.yaml'));
    const before = await analyses(page);
    await page.click('#fix');
    await page.locator('#diff .cm-mergeView').waitFor();
    const text = await editorText(page);
    expect(text).toContain('              - SYS_RESOURCE\n');
    // Comments and layout are kept: only that line changed.
    expect(text.split('\n').filter((l, i) => l !== example('elasticsearch-incident.yaml').split('\n')[i])).toEqual([
      '              - SYS_RESOURCE',
    ]);
    expect(await page.locator('#fix-summary').textContent()).toContain('replace "CAP_SYS_RESOURCE" with SYS_RESOURCE');
    await settled(page, before + 1);
    expect(await page.locator('#findings').textContent()).not.toContain('cap-prefix');

    // Suggestions (cap-unknown guesses a name) are listed, and applied only when asked for.
    const count = await analyses(page);
    await page.selectOption('#examples', 'typos');
    await settled(page, count + 1);
    expect(await page.locator('#suggestions').textContent()).toContain(
      'replace "NET_ADMN" with NET_ADMIN (cap-unknown)',
    );
    await page.click('#fix');
    await page.locator('#fix-summary').getByText('(cap-all)').waitFor();
    expect(await editorText(page)).toContain('NET_ADMN');
    await page.click('#suggestions button.unsafe:has-text("cap-unknown")');
    await expect.poll(() => editorText(page)).not.toContain('NET_ADMN');
    expect(await editorText(page)).not.toContain('SYS_NET_ADMIN');
    await page.close();
  });

  it('diagnoses a log instead of linting it', async () => {
    const page = await open(`${server.url}/index.html`);
    const count = await analyses(page);
    await page.selectOption('#examples', 'diagnose');
    await settled(page, count + 1);
    expect(await page.locator('#status').textContent()).toMatch(/^Read as logs: \d+ diagnos/);
    expect(await page.isHidden('#matrix-section')).toBe(true);
    const diagnosis = await page.locator('#diagnosis').textContent();
    expect(diagnosis).toContain('Unknown capability to add: "CAP_CAP_SYS_RESOURCE"');
    expect(diagnosis).toContain('Write SYS_RESOURCE');
    expect(await page.locator('#findings li').first().textContent()).toContain('cap-prefix');
    await page.close();
  });

  it('works with the keyboard alone, and says why a target is refused', async () => {
    const page = await open(`${server.url}/index.html`);
    // A rule's documentation opens from the keyboard and closes with Escape.
    await page.locator('#findings button.rule').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#rule-dialog')).toBe(true);
    expect(await page.locator('#rule-title').textContent()).toBe('Rule cap-prefix');
    expect(await page.locator('#rule-body').textContent()).toContain('docs/rules/cap-prefix.md');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#rule-dialog')).toBe(false);

    // From the top of the page, Tab to the Fix button and press it.
    await page.reload();
    await settled(page, 1);
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'fix');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toContain('- SYS_RESOURCE');

    // An unknown target is reported where the targets are chosen.
    await page.fill('#target-one', 'dockr@1');
    await page.locator('#target-error').getByText('unknown target "dockr@1"').waitFor();
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const page = await open(`${server.url}/index.html`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#fix');
    await page.locator('#diff .cm-mergeView').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const count = await analyses(page);
    await page.selectOption('#examples', 'diagnose');
    await settled(page, count + 1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('works opened from disk (file://)', async () => {
    const page = await open(pathToFileURL(`${dist}index.html`).href);
    expect(await page.locator('#findings li').first().textContent()).toContain('cap-prefix');
    expect(await page.locator('#matrix').textContent()).toContain('container fails');
    await page.close();
  });

  it("refuses, by the page's own policy, any connection its code might try", async () => {
    // A page without the problem listeners: the refusal is logged as a console error on purpose.
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/index.html`);
    await settled(page, 1);
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        (error: Error) => `refused: ${error.name}`,
      ),
    );
    expect(outcome).toBe('refused: TypeError');
    // Refused before any request left the page: the route that guards the test never saw it.
    expect(blocked).not.toContain('https://example.com/');
    await page.close();
  });

  it('asked no other host for anything, and logged no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !local(url))).toEqual([]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });
});
