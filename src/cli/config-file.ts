import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type Config, globToRegExp, parseConfig } from '../core/config.js';

export const CONFIG_NAMES = ['.capdoctor.yaml', '.capdoctor.yml'] as const;

export interface LoadedConfig {
  file?: string;
  config: Config;
  /** True for a file that matches an `ignore` pattern. */
  ignored(file: string): boolean;
}

/** Finds `.capdoctor.yaml` from `start` upwards. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(file: string | undefined, knownRules: ReadonlySet<string>): LoadedConfig {
  if (file === undefined) return { config: {}, ignored: () => false };
  const config = parseConfig(readFileSync(file, 'utf8'), file, knownRules);
  const base = dirname(resolve(file));
  const patterns = (config.ignore ?? []).map(globToRegExp);
  return {
    file,
    config,
    ignored(path: string) {
      if (path === '-' || patterns.length === 0) return false;
      const rel = relative(base, resolve(path)).split(sep).join('/');
      return patterns.some((p) => p.test(rel));
    },
  };
}
