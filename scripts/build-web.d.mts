import type { Plugin } from 'esbuild';

/** Builds the web playground into web/dist; returns the size in bytes of each file written. */
export function buildWeb(): Promise<{ sizes: Record<string, number>; worker: number }>;
/** esbuild plugin that fails the build on any Node.js built-in. */
export const noNode: Plugin;
