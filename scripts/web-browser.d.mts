import type { BrowserContext } from 'playwright-core';

export const CHROMIUM: string;
export function chromiumMissing(): string | undefined;
export function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }>;
