import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type Config, globToRegExp, parseConfig, ruleSettingProblem } from '../core/config.js';
import type { RuleSetting } from '../core/engine.js';
import { resolveTargets } from '../knowledge/targets.js';
import { UsageError } from './usage.js';

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
  // Targets are checked here so that a bad one is reported at its line in the file, not as a bare name.
  const config = parseConfig(readFileSync(file, 'utf8'), file, knownRules, { checkTarget: (t) => resolveTargets([t]) });
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

/** `--rule ID=SEVERITY` values, checked against the known rule ids. */
export function parseRuleOptions(values: readonly string[], known: ReadonlySet<string>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([a-z0-9-]+)=(off|info|warning|error)$/.exec(value.trim());
    if (!match?.[1] || !match[2]) throw new UsageError(`--rule expects ID=off|info|warning|error, got "${value}"`);
    const problem = ruleSettingProblem(match[1], known, ' (see `capdoctor rules`)');
    if (problem) throw new UsageError(`--rule: ${problem}`);
    out[match[1]] = match[2] as RuleSetting;
  }
  return out;
}
