// Starts Debian's Chromium for the web page's tests, screenshots and benchmark, through playwright-core
// (Playwright's own browser download cannot be used: Chromium comes from the system's packages).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CAPDOCTOR_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser cannot start here, or undefined when it can. */
export function chromiumMissing() {
  return existsSync(CHROMIUM) ? undefined : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
}

/** A fresh headless Chromium with its own profile; close() also removes the profile. */
export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'capdoctor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
