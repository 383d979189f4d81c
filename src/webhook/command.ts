// `capdoctor webhook` and `capdoctor webhook certs`. This module and what it imports (prom-client,
// node-forge) are built into a file of their own that only these commands load.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Counter } from 'prom-client';
import { parseRuleOptions } from '../cli/config-file.js';
import { capYoungGeneration } from '../cli/young-generation.js';
import { ConfigError } from '../core/config.js';
import type { LintOptions, RuleSetting } from '../core/engine.js';
import { isPssLevel, PSS_LEVELS, type PssLevel } from '../core/pss.js';
import { type ResolvedTarget, resolveTargets, TargetError } from '../knowledge/targets.js';
import { RULES } from '../rules/index.js';
import { makeCertificates } from './certs.js';
import { readWebhookConfig, type WebhookConfig, watchConfig } from './config.js';
import { lineWriter } from './log.js';
import type { Mode } from './review.js';
import { startWebhookServer } from './server.js';

/** How often the young generation's size is looked at until it is capped (see capYoungGeneration). */
const YOUNG_CHECK_MS = 250;

export class WebhookUsageError extends Error {}

const RESTRICTED_WARNS: Readonly<Record<string, RuleSetting>> = { 'pss-restricted': 'warning' };

export interface WebhookCommandOptions {
  tlsCertFile?: string;
  tlsPrivateKeyFile?: string;
  port: string;
  host?: string;
  target: string[];
  mode: string;
  mutate?: boolean;
  discoverNodes?: boolean;
  nodeRefresh: string;
  kubeconfig?: string;
  context?: string;
  certCheckInterval: string;
  drainDelay: string;
  /** A .capdoctor.yaml, re-read when it changes. Never looked for: a server has no project folder. */
  config?: string;
  configCheckInterval?: string;
  rule?: string[];
  pss?: string;
}

function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new WebhookUsageError(`${flag}: expected a number of seconds, got "${value}"`);
  return n * 1000;
}

/** Starts the server; resolves when it has stopped after SIGTERM or SIGINT. */
export async function runWebhook(options: WebhookCommandOptions): Promise<number> {
  if (!options.tlsCertFile || !options.tlsPrivateKeyFile) {
    throw new WebhookUsageError(
      '--tls-cert-file and --tls-private-key-file are required (the webhook serves HTTPS only)',
    );
  }
  if (options.discoverNodes && options.target.length > 0) {
    throw new WebhookUsageError('give either --target or --discover-nodes, not both');
  }
  const refreshMs = seconds('--node-refresh', options.nodeRefresh);
  if (options.discoverNodes && refreshMs < 10_000) throw new WebhookUsageError('--node-refresh: at least 10 seconds');
  if (options.mode !== 'warn' && options.mode !== 'enforce') {
    throw new WebhookUsageError(`--mode: expected warn or enforce, got "${options.mode}"`);
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new WebhookUsageError(`--port: "${options.port}" is not a port`);
  if (options.pss !== undefined && !isPssLevel(options.pss)) {
    throw new WebhookUsageError(`--pss: expected ${PSS_LEVELS.join(' or ')}, got "${options.pss}"`);
  }
  const configCheckMs = seconds('--config-check-interval', options.configCheckInterval ?? '10');
  const known = new Set(RULES.map((r) => r.meta.id));
  let ruleOptions: Record<string, RuleSetting>;
  try {
    ruleOptions = parseRuleOptions(options.rule ?? [], known);
  } catch (error) {
    throw new WebhookUsageError((error as Error).message);
  }
  let config: WebhookConfig | undefined;
  if (options.config !== undefined) {
    try {
      config = readWebhookConfig(options.config, known);
    } catch (error) {
      if (error instanceof ConfigError || error instanceof TargetError) throw new WebhookUsageError(error.message);
      throw error;
    }
  }
  let commandLineTargets: ResolvedTarget[] | undefined;
  try {
    if (options.target.length > 0) commandLineTargets = resolveTargets(options.target);
  } catch (error) {
    if (error instanceof TargetError) throw new WebhookUsageError(error.message);
    throw error;
  }
  const builtIn = resolveTargets([]);
  let discovered: readonly ResolvedTarget[] | undefined;
  // As in lint, the command line wins over the file, rule by rule: --target (or the nodes, once listed)
  // over the file's targets, --rule over its rules, --pss over its pss.
  const lintOptions = (): LintOptions => {
    const file = config?.config ?? {};
    const pss = (options.pss as PssLevel | undefined) ?? file.pss;
    return {
      rules: RULES,
      targets: commandLineTargets ?? discovered ?? config?.targets ?? builtIn,
      // Info findings are not sent as warnings, and pss-restricted is info by default: asked for
      // restricted, the webhook says what restricted refuses unless a severity is set for it.
      settings: { ...(pss === 'restricted' ? RESTRICTED_WARNS : {}), ...(file.rules ?? {}), ...ruleOptions },
      ...(pss ? { pss } : {}),
    };
  };
  const log = lineWriter((text) => process.stdout.write(text));
  let webhook: Awaited<ReturnType<typeof startWebhookServer>>;
  try {
    webhook = await startWebhookServer({
      certFile: options.tlsCertFile,
      keyFile: options.tlsPrivateKeyFile,
      port,
      ...(options.host ? { host: options.host } : {}),
      mode: options.mode as Mode,
      mutate: Boolean(options.mutate),
      lint: lintOptions(),
      certCheckMs: seconds('--cert-check-interval', options.certCheckInterval),
      drainDelayMs: seconds('--drain-delay', options.drainDelay),
      log,
    });
  } catch (error) {
    throw new WebhookUsageError(`cannot start: ${(error as Error).message}`);
  }
  let discovery: { stop(): void } | undefined;
  if (options.discoverNodes) {
    try {
      const server = webhook;
      discovery = await discoverNodeTargets(
        options,
        refreshMs,
        (nodes) => {
          discovered = nodes;
          server.setLint(lintOptions());
        },
        log,
      );
    } catch (error) {
      await webhook.drain();
      throw error;
    }
  }
  let watch: { stop(): void } | undefined;
  if (config) {
    // A rejected version leaves the pods on the old one with nothing to notice but a log line: a metric to alert on.
    const reloads = new Counter({
      name: 'capdoctor_webhook_config_reloads_total',
      help: 'New versions of the --config file, by outcome: applied, or rejected (the last good one stays).',
      labelNames: ['outcome'] as const,
      registers: [webhook.registry],
    });
    watch = watchConfig({
      initial: config,
      knownRules: known,
      intervalMs: configCheckMs,
      apply: (loaded) => {
        config = loaded;
        webhook.setLint(lintOptions());
        reloads.inc({ outcome: 'applied' });
      },
      rejected: () => reloads.inc({ outcome: 'rejected' }),
      log,
    });
  }
  // Reviews leave little behind: the young generation need not grow past what streaming uses (the
  // server's memory stepped up by 16 MiB some minutes into a run without it). Looked at until capped.
  const young = setInterval(() => {
    if (capYoungGeneration()) clearInterval(young);
  }, YOUNG_CHECK_MS);
  young.unref();
  const current = lintOptions();
  log(
    JSON.stringify({
      level: 'info',
      msg: 'listening',
      port: webhook.port,
      mode: options.mode,
      mutate: Boolean(options.mutate),
      targets: options.discoverNodes ? 'from the nodes' : current.targets.map((t) => t.id),
      ...(current.pss ? { pss: current.pss } : {}),
      ...(Object.keys(current.settings ?? {}).length > 0 ? { rules: current.settings } : {}),
      ...(config ? { config: config.file } : {}),
    }),
  );
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      clearInterval(young);
      log(JSON.stringify({ level: 'info', msg: 'signal', signal }));
      discovery?.stop();
      watch?.stop();
      webhook.drain().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/**
 * Connects with the pod's service account (or a kubeconfig outside a cluster), lists the nodes once
 * before the first review, then every refreshMs. A cluster that cannot be reached is not fatal: the
 * built-in matrix stays until a listing succeeds.
 */
async function discoverNodeTargets(
  options: WebhookCommandOptions,
  refreshMs: number,
  apply: (targets: ReturnType<typeof resolveTargets>) => void,
  log: (line: string) => void,
): Promise<{ stop(): void }> {
  const { ClusterError, KubeClient } = await import('../cluster/client.js');
  const { discoverNodes } = await import('../cluster/read.js');
  const { startNodeDiscovery } = await import('./nodes.js');
  let client: Awaited<ReturnType<typeof KubeClient.connect>>;
  try {
    client = await KubeClient.connect({
      ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(options.context ? { context: options.context } : {}),
      timeoutMs: 10_000,
    });
  } catch (error) {
    if (error instanceof ClusterError) throw new WebhookUsageError(`--discover-nodes: ${error.message}`);
    throw error;
  }
  const discovery = startNodeDiscovery({ discover: () => discoverNodes(client), apply, refreshMs, log });
  await discovery.refresh();
  return discovery;
}

export interface CertsCommandOptions {
  service?: string;
  namespace?: string;
  out?: string;
  days: string;
}

/** Writes ca.crt, ca.key, tls.crt and tls.key into the folder; says what to do with them. */
export function runCerts(options: CertsCommandOptions, stdout: (text: string) => void): number {
  if (!options.service || !options.namespace || !options.out) {
    throw new WebhookUsageError('--service, --namespace and --out are required');
  }
  const days = Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new WebhookUsageError(`--days: expected 1 to 3650, got "${options.days}"`);
  }
  let set: ReturnType<typeof makeCertificates>;
  try {
    set = makeCertificates({ service: options.service, namespace: options.namespace, days });
  } catch (error) {
    throw new WebhookUsageError((error as Error).message);
  }
  mkdirSync(options.out, { recursive: true, mode: 0o700 });
  const files: [string, string, number][] = [
    ['ca.crt', set.caCert, 0o644],
    ['ca.key', set.caKey, 0o600],
    ['tls.crt', set.cert, 0o644],
    ['tls.key', set.key, 0o600],
  ];
  for (const [name, text, mode] of files) writeNew(join(options.out, name), text, mode);
  const dir = options.out;
  stdout(
    [
      `wrote ${files.map(([n]) => join(dir, n)).join(', ')}`,
      `serving certificate for: ${set.names.join(', ')}`,
      'next:',
      `  kubectl -n ${options.namespace} create secret tls ${options.service}-tls --cert=${join(dir, 'tls.crt')} --key=${join(dir, 'tls.key')}`,
      `  set caBundle in both webhook configurations to: base64 -w0 ${join(dir, 'ca.crt')}`,
      `keep ${join(dir, 'ca.key')} secret (or delete it: a new CA can be made with this command)`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** Writes beside the file, then renames over it: a reader never sees half a key. */
function writeNew(file: string, text: string, mode: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new WebhookUsageError(`cannot write ${file}: ${(error as Error).message}`);
  }
}
