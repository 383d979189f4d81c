#!/usr/bin/env node
// Node 22.1 and later can keep V8's compiled code between runs (in the OS temp folder, or where
// NODE_COMPILE_CACHE says), which makes start-up faster. Older Node has no such cache; a cache folder
// that cannot be written is not used, and neither is ever an error.
import module from 'node:module';

try {
  module.enableCompileCache?.();
} catch {
  // Run without the cache.
}
await import('../dist/cli.js');
