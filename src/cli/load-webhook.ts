// The webhook's code, loaded only by `capdoctor webhook`: in the bundle it is dist/webhook.cjs, beside the
// CLI (see scripts/build.mjs), so that no other command reads or compiles it.
import { createRequire } from 'node:module';

declare const CAPDOCTOR_BUNDLE: boolean | undefined;

type WebhookModule = typeof import('../webhook/command.js');

export async function loadWebhook(): Promise<WebhookModule> {
  if (typeof CAPDOCTOR_BUNDLE === 'boolean') return createRequire(import.meta.url)('./webhook.cjs') as WebhookModule;
  return import('../webhook/command.js');
}
