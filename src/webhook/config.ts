// `capdoctor webhook --config FILE`: the project's .capdoctor.yaml (rules, pss, targets), read at start
// and again whenever the file changes. In a cluster the file is a mounted ConfigMap, which the kubelet
// updates by swapping a symbolic link: the file's identity (inode, size, time) is compared, as for the
// certificate. A file that becomes invalid is not applied: the last good configuration stays.
import { readFileSync, statSync } from 'node:fs';
import { type Config, ConfigError, parseConfig } from '../core/config.js';
import { type ResolvedTarget, resolveTargets } from '../knowledge/targets.js';

export interface WebhookConfig {
  file: string;
  /** Identity of the file when it was read; a change means read it again. */
  stamp: string;
  config: Config;
  /** The config's targets, resolved; undefined when it names none. */
  targets?: ResolvedTarget[];
}

function stampOf(file: string): string {
  // statSync follows the symbolic link a ConfigMap volume has: a new version is a new inode.
  const s = statSync(file);
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

/** Reads and checks the file; throws ConfigError naming the file (and the line, for its content). */
export function readWebhookConfig(file: string, knownRules: ReadonlySet<string>): WebhookConfig {
  let stamp: string;
  let text: string;
  try {
    stamp = stampOf(file);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read configuration ${file}: ${(error as Error).message}`);
  }
  const config = parseConfig(text, file, knownRules, { checkTarget: (t) => resolveTargets([t]) });
  const loaded: WebhookConfig = { file, stamp, config };
  if (config.targets && config.targets.length > 0) loaded.targets = resolveTargets(config.targets);
  return loaded;
}

export interface ConfigWatchOptions {
  initial: WebhookConfig;
  knownRules: ReadonlySet<string>;
  intervalMs: number;
  /** Called with each new valid configuration. */
  apply: (config: WebhookConfig) => void;
  /** Called once for each version that is not applied (invalid, or the file gone). */
  rejected?: () => void;
  log: (line: string) => void;
}

export interface ConfigWatch {
  /** Looks at the file now (the timer does it every intervalMs); true when a new configuration was applied. */
  check(): boolean;
  stop(): void;
}

export function watchConfig(options: ConfigWatchOptions): ConfigWatch {
  const { file } = options.initial;
  let current = options.initial.stamp;
  // The stamp of a file already reported as bad: said once, not at every look.
  let reported: string | undefined;
  const check = (): boolean => {
    let stamp: string;
    try {
      stamp = stampOf(file);
    } catch (error) {
      const key = `missing:${(error as NodeJS.ErrnoException).code}`;
      if (reported !== key) {
        reported = key;
        const message = `cannot read configuration ${file}: ${(error as Error).message}`;
        options.log(
          JSON.stringify({ level: 'error', msg: 'configuration not reloaded', config: file, error: message }),
        );
        options.rejected?.();
      }
      return false;
    }
    if (stamp === current || stamp === reported) return false;
    let loaded: WebhookConfig;
    try {
      loaded = readWebhookConfig(file, options.knownRules);
    } catch (error) {
      reported = stamp;
      options.log(
        JSON.stringify({
          level: 'error',
          msg: 'configuration not reloaded',
          config: file,
          error: (error as Error).message,
          kept: 'the previous configuration',
        }),
      );
      options.rejected?.();
      return false;
    }
    current = loaded.stamp;
    reported = undefined;
    options.apply(loaded);
    options.log(JSON.stringify({ level: 'info', msg: 'configuration reloaded', config: file, ...summary(loaded) }));
    return true;
  };
  const timer = setInterval(check, options.intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

/** What a log line says about a configuration: enough to see which one is in force. */
export function summary(loaded: WebhookConfig): Record<string, unknown> {
  const { config } = loaded;
  return {
    ...(config.targets ? { targets: config.targets } : {}),
    ...(config.rules ? { rules: config.rules } : {}),
    ...(config.pss ? { pss: config.pss } : {}),
  };
}
