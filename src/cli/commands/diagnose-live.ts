// `capdoctor diagnose pod/NAME | deploy/NAME | … | --failing`: collect from the cluster, diagnose, print
// the story and the patch; `--save DIR` keeps what was collected, which `capdoctor diagnose DIR` reads.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import {
  BUNDLE_INDEX,
  BundleError,
  bundleFiles,
  type Collected,
  diagnoseBundle,
  kubectlPatch,
  type LiveStory,
} from '../../diagnose/live.js';
import { formatDiagnoseJson, formatDiagnoseText } from '../output/diagnose.js';
import { UsageError } from '../usage.js';

export interface LiveDiagnoseOptions {
  output: string;
  color: boolean;
  namespace?: string;
  allNamespaces?: boolean;
  kubeconfig?: string;
  context?: string;
  failing?: boolean;
  save?: string;
  requestTimeout?: string;
}

export interface LiveIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const EXIT = { rootCause: 0, symptomsOnly: 1, usage: 2 } as const;

function filesOf(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        out.push({ path: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** Writes the bundles under a temporary name, then renames: a folder is either whole or absent. */
function save(dir: string, bundles: { name: string; files: { path: string; text: string }[] }[]): void {
  const target = resolve(dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new UsageError(`--save: ${dir} exists and is not an empty folder`);
  }
  const temporary = `${target}.partial-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    for (const bundle of bundles) {
      const base = bundles.length === 1 ? temporary : join(temporary, bundle.name);
      for (const file of bundle.files) {
        const path = join(base, ...file.path.split('/'));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text, { mode: 0o600 });
      }
    }
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `--save: cannot write ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

async function collect(inputs: readonly string[], options: LiveDiagnoseOptions): Promise<Collected[]> {
  const { ApiError, ClusterError, describeFailure, KubeClient } = await import('../../cluster/client.js');
  const { Collector, NothingFailing, parseWorkloadRef } = await import('../../cluster/collect.js');
  const timeout = options.requestTimeout === undefined ? undefined : Number(options.requestTimeout);
  if (timeout !== undefined && !(timeout > 0)) {
    throw new UsageError(`--request-timeout expects seconds, got "${options.requestTimeout}"`);
  }
  let client: Awaited<ReturnType<typeof KubeClient.connect>> | undefined;
  try {
    client = await KubeClient.connect({
      ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(options.context ? { context: options.context } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    });
    const collector = new Collector(client);
    const namespace = options.namespace ?? client.namespace;
    if (options.failing) return await collector.failing(options.allNamespaces ? undefined : namespace);
    const out: Collected[] = [];
    for (const input of inputs) {
      const ref = parseWorkloadRef(input);
      if (ref) out.push(await collector.byReference(ref, namespace));
    }
    return out;
  } catch (error) {
    if (error instanceof ClusterError) throw new UsageError(error.message);
    if (error instanceof NothingFailing) throw error;
    if (error instanceof ApiError && client) {
      const what = /\/api(?:s\/[^/]+)?\/v[^/]+\/(?:namespaces\/[^/]+\/)?([a-z]+)/.exec(error.url)?.[1] ?? 'the cluster';
      throw new UsageError(describeFailure(error, `read ${what}`, client.context));
    }
    throw error;
  }
}

function storyHeader(story: LiveStory): string {
  const { kind, namespace, name } = story.workload;
  const pods = story.pods
    .map((p) => `${p.name}${p.node ? ` on ${p.node}${p.target ? ` (${p.target})` : ''}` : ''}`)
    .join('; ');
  return `${kind} ${namespace ? `${namespace}/` : ''}${name} — ${story.pods.length === 1 ? 'pod' : 'pods'} ${pods}`;
}

function storyText(story: LiveStory, color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [c.bold(storyHeader(story)), ''];
  out.push(formatDiagnoseText(story.result, color).trimEnd());
  for (const diagnosis of story.result.diagnoses) {
    if (!diagnosis.patch) continue;
    out.push('', c.bold(`Patch for ${diagnosis.patch.kind} ${diagnosis.patch.name} (${diagnosis.rule}):`));
    out.push(`  ${kubectlPatch(diagnosis.patch)}`);
    if (story.managedBy) {
      const by = `${story.managedBy.tool}${story.managedBy.name ? ` ("${story.managedBy.name}")` : ''}`;
      out.push(
        c.yellow(
          `  ${diagnosis.patch.kind} ${diagnosis.patch.name} is managed by ${by}: a patch will be undone at its next sync; change ${story.managedBy.instead} instead.`,
        ),
      );
    }
  }
  for (const missing of story.missing) out.push(c.yellow(`Missing evidence: ${missing}`));
  return `${out.join('\n')}\n`;
}

function storyJson(story: LiveStory): Record<string, unknown> {
  const base = JSON.parse(formatDiagnoseJson(story.result)) as { diagnoses: Record<string, unknown>[] };
  story.result.diagnoses.forEach((d, i) => {
    const entry = base.diagnoses[i];
    if (entry && d.patch) entry.patch = d.patch;
  });
  return {
    ...base,
    workload: story.workload,
    chain: story.chain,
    pods: story.pods,
    ...(story.managedBy ? { managedBy: story.managedBy } : {}),
    missing: story.missing,
  };
}

function print(stories: LiveStory[], options: LiveDiagnoseOptions, io: LiveIO): number {
  if (options.output === 'json') {
    const body =
      stories.length === 1 ? storyJson(stories[0] as LiveStory) : { version: 1, stories: stories.map(storyJson) };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    io.stdout(stories.map((s) => storyText(s, options.color)).join('\n'));
  }
  return stories.some((s) => s.result.diagnoses.length > 0) ? EXIT.rootCause : EXIT.symptomsOnly;
}

/** Live: collect, optionally save, diagnose, print. */
export async function runLiveDiagnose(
  inputs: readonly string[],
  options: LiveDiagnoseOptions,
  io: LiveIO,
): Promise<number> {
  if (options.output !== 'text' && options.output !== 'json') {
    throw new UsageError(`unknown output format "${options.output}" (expected text or json)`);
  }
  if (options.allNamespaces && !options.failing) throw new UsageError('-A goes with --failing');
  const { NothingFailing } = await import('../../cluster/collect.js');
  let collected: Collected[];
  try {
    collected = await collect(inputs, options);
  } catch (error) {
    if (error instanceof NothingFailing) {
      io.stdout(`${error.message}\n`);
      return EXIT.symptomsOnly;
    }
    throw error;
  }
  if (collected.length === 0) {
    io.stdout('No failing pods.\n');
    return EXIT.symptomsOnly;
  }
  const bundles = collected.map((c) => {
    const [kind, name] = c.ownerLabel.split('/').slice(-2);
    const namespace = c.ownerLabel.split('/').slice(-3)[0];
    return { name: `${kind}-${namespace}-${name}`.toLowerCase(), files: bundleFiles(c) };
  });
  if (options.save) save(options.save, bundles);
  return print(
    bundles.map((b) => diagnoseBundle(b.files)),
    options,
    io,
  );
}

/** Offline: a folder written by `--save`. */
export async function runSavedDiagnose(dir: string, options: LiveDiagnoseOptions, io: LiveIO): Promise<number> {
  const folders = existsSync(join(dir, BUNDLE_INDEX))
    ? [dir]
    : readdirSync(dir)
        .sort()
        .map((name) => join(dir, name))
        .filter((path) => existsSync(join(path, BUNDLE_INDEX)));
  try {
    return print(
      folders.map((folder) => diagnoseBundle(filesOf(folder))),
      options,
      io,
    );
  } catch (error) {
    if (error instanceof BundleError) throw new UsageError(`${dir}: ${error.message}`);
    throw error;
  }
}
