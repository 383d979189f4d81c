// `capdoctor scan`: every workload of a cluster checked against the runtimes of the nodes it runs on,
// read from the API server or from a `kubectl get … -o json|yaml` dump (`--from`).
import { readFileSync, writeFileSync } from 'node:fs';
import pc from 'picocolors';
import type { Mapping } from '../../core/extract.js';
import { describeNamespacePss } from '../../core/namespace-pss.js';
import type { NodeTarget } from '../../core/nodes.js';
import type { PssLevel } from '../../core/pss.js';
import type { ClusterObject, ClusterSnapshot, ScanFinding, ScanResult } from '../../core/scan.js';
import type { Severity } from '../../core/types.js';
import { resolveTarget } from '../../knowledge/targets.js';
import { ALL_RULE_META, RULES } from '../../rules/index.js';
import { parseRuleOptions } from '../config-file.js';
import { FORMATTERS } from '../output/index.js';
import { toJsonFinding } from '../output/json.js';
import type { FileReport } from '../output/types.js';
import { UsageError } from '../usage.js';

export interface ScanCommandOptions {
  allNamespaces?: boolean;
  namespace?: string;
  selector?: string;
  kubeconfig?: string;
  context?: string;
  from?: string;
  output: string;
  outputFile?: string;
  rule: string[];
  quiet?: boolean;
  requestTimeout?: string;
  /** Overrides the namespaces' Pod Security labels. */
  pss?: PssLevel;
  color: boolean;
}

export interface ScanIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  version: string;
  env?: NodeJS.ProcessEnv;
}

/** Where the objects came from, for the report's `cluster` section. */
interface Origin {
  context: string | null;
  server: string | null;
  version: string | null;
  from?: string;
}

interface Unreadable {
  resource: string;
  status?: number;
  message: string;
  consequence: string;
}

function inNamespace(value: Mapping, namespace: string | undefined): boolean {
  if (namespace === undefined) return true;
  const metadata = value.metadata as { namespace?: unknown } | undefined;
  return metadata?.namespace === namespace;
}

async function fromDump(options: ScanCommandOptions, io: ScanIO) {
  const { readDump, DumpError } = await import('../../core/dump.js');
  const file = options.from as string;
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const label = file === '-' ? '<stdin>' : file;
  try {
    const { snapshot } = readDump(label, text);
    const namespace = options.allNamespaces ? undefined : options.namespace;
    const keep = (o: ClusterObject) => inNamespace(o.value, namespace);
    const filtered: ClusterSnapshot = {
      nodes: snapshot.nodes,
      pods: snapshot.pods.filter(keep),
      controllers: snapshot.controllers.filter(keep),
      ...(snapshot.namespaces ? { namespaces: snapshot.namespaces } : {}),
    };
    const origin: Origin = { context: null, server: null, version: null, from: label };
    const unreadable: Unreadable[] = [];
    if (!snapshot.namespaces && !options.pss) {
      unreadable.push({
        resource: 'namespaces',
        message: 'none in the dump (add ns to the kubectl get command)',
        consequence:
          'their Pod Security labels are not used: only spellings that a level refuses are reported (give --pss to check a level)',
      });
    }
    return { snapshot: filtered, origin, unreadable };
  } catch (error) {
    if (error instanceof DumpError) throw new UsageError(error.message);
    throw error;
  }
}

async function fromApi(options: ScanCommandOptions, io: ScanIO) {
  const { ApiError, ClusterError, describeFailure, KubeClient } = await import('../../cluster/client.js');
  const { readCluster } = await import('../../cluster/read.js');
  const timeout = options.requestTimeout === undefined ? undefined : Number(options.requestTimeout);
  if (timeout !== undefined && !(timeout > 0)) {
    throw new UsageError(`--request-timeout expects seconds, got "${options.requestTimeout}"`);
  }
  let client: Awaited<ReturnType<typeof KubeClient.connect>>;
  try {
    client = await KubeClient.connect({
      ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(options.context ? { context: options.context } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
      ...(io.env ? { env: io.env } : {}),
    });
  } catch (error) {
    if (error instanceof ClusterError) throw new UsageError(error.message);
    throw error;
  }
  const namespace = options.allNamespaces ? undefined : (options.namespace ?? client.namespace);
  try {
    const read = await readCluster(client, {
      ...(namespace !== undefined ? { namespace } : {}),
      ...(options.selector ? { labelSelector: options.selector } : {}),
      namespaces: !options.pss,
    });
    const wrap = (value: Mapping): ClusterObject => {
      const metadata = (value.metadata ?? {}) as { namespace?: string; name?: string };
      return {
        value,
        file: `k8s://${client.context}/${metadata.namespace ?? ''}/${String(value.kind)}/${metadata.name ?? ''}`,
      };
    };
    const snapshot: ClusterSnapshot = {
      pods: read.pods.map(wrap),
      controllers: read.controllers.map(wrap),
      ...(read.nodes ? { nodes: read.nodes } : {}),
      ...(read.namespaces ? { namespaces: read.namespaces } : {}),
    };
    const origin: Origin = { context: client.context, server: client.server, version: read.version ?? null };
    return { snapshot, origin, unreadable: read.problems as Unreadable[] };
  } catch (error) {
    if (error instanceof ClusterError) throw new UsageError(error.message);
    if (error instanceof ApiError) {
      const what = /\/([a-z]+)(?:\?|$)/.exec(error.url)?.[1] ?? 'the cluster';
      throw new UsageError(describeFailure(error, `list ${what}`, client.context));
    }
    throw error;
  }
}

export async function runScan(options: ScanCommandOptions, io: ScanIO): Promise<number> {
  if (!['text', 'json', 'sarif'].includes(options.output)) {
    throw new UsageError(`unknown output format "${options.output}" (expected text, json, sarif)`);
  }
  if (options.allNamespaces && options.namespace) throw new UsageError('give either -A or -n, not both');
  const settings = parseRuleOptions(options.rule, new Set(RULES.map((r) => r.meta.id)));
  const { snapshot, origin, unreadable } = options.from ? await fromDump(options, io) : await fromApi(options, io);
  const { scanCluster } = await import('../../core/scan.js');
  const result = scanCluster(snapshot, { rules: RULES, settings, ...(options.pss ? { pss: options.pss } : {}) });
  if (options.quiet) {
    result.findings = result.findings.filter((f) => f.severity === 'error');
    for (const w of result.workloads) w.findings = w.findings.filter((f) => f.severity === 'error');
  }
  let text: string;
  if (options.output === 'json') text = scanJson(result, origin, unreadable);
  else if (options.output === 'sarif') text = scanSarif(result, io.version);
  else text = scanText(result, origin, unreadable, options.color);
  if (options.outputFile) writeFileSync(options.outputFile, text);
  else io.stdout(text);
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function count(findings: readonly ScanFinding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length;
}

function nodeJson(node: NodeTarget) {
  const out: Record<string, unknown> = {
    name: node.name,
    runtime: node.runtime,
    kubelet: node.kubelet,
    kernel: node.kernel,
    os: node.os,
    target: node.target ?? null,
  };
  if (node.note) out.note = node.note;
  return out;
}

export function scanJson(result: ScanResult, origin: Origin, unreadable: readonly Unreadable[]): string {
  const findings = result.findings.map((finding) => {
    const base: Record<string, unknown> = { ...toJsonFinding(finding) };
    if (finding.line === 0) {
      // Read from the API: no text, so no line or column.
      delete base.line;
      delete base.column;
      delete base.endLine;
      delete base.endColumn;
    }
    if (finding.targets) base.targets = finding.targets.map((t) => ({ ...t }));
    base.nodes = finding.nodes;
    if (finding.pss) base.pss = { ...finding.pss };
    return base;
  });
  const output = {
    version: 1,
    cluster: { ...origin, nodes: result.nodes.map(nodeJson) },
    workloads: result.workloads.map((w) => {
      const out: Record<string, unknown> = { object: w.object, file: w.file, nodes: w.nodes, basis: w.basis };
      if (w.note) out.note = w.note;
      if (w.missingOwner) out.missingOwner = w.missingOwner;
      if (w.pss) out.pss = w.pss;
      return out;
    }),
    findings,
    unreadable,
    notes: result.notes,
    summary: {
      nodes: result.nodes.length,
      workloads: result.workloads.length,
      errors: count(result.findings, 'error'),
      warnings: count(result.findings, 'warning'),
      infos: count(result.findings, 'info'),
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function scanSarif(result: ScanResult, version: string): string {
  const files = new Map<string, FileReport>();
  for (const finding of result.findings) {
    const report = files.get(finding.file) ?? { file: finding.file, findings: [] };
    report.findings.push(finding);
    files.set(finding.file, report);
  }
  return FORMATTERS.sarif(
    {
      files: [...files.values()],
      targets: [...new Set(result.nodes.map((n) => n.target).filter((t): t is string => t !== undefined))],
      summary: {
        files: files.size,
        documents: result.workloads.length,
        errors: count(result.findings, 'error'),
        warnings: count(result.findings, 'warning'),
        infos: count(result.findings, 'info'),
      },
    },
    { color: false, rules: ALL_RULE_META, version },
  );
}

const OUTCOME_WORDS: Record<string, [string, string]> = {
  // [add, drop]
  rejected: ['fails', 'fails'],
  ignored: ['starts, silently not granted the capability,', 'starts, and nothing is dropped,'],
  unknown: ['outcome not known', 'outcome not known'],
  applied: ['works', 'works'],
};

function targetLabel(target: string): string {
  if (target === 'windows') return 'Windows';
  try {
    return resolveTarget(target).label;
  } catch {
    return target;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** At most this many node names on a line; the rest are counted. */
const MAX_NAMES = 6;

function names(list: readonly string[]): string {
  if (list.length <= MAX_NAMES) return list.join(', ');
  return `${list.slice(0, MAX_NAMES).join(', ')} and ${list.length - MAX_NAMES} more`;
}

export function scanText(
  result: ScanResult,
  origin: Origin,
  unreadable: readonly Unreadable[],
  color: boolean,
): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  const where = origin.from
    ? `from ${origin.from}`
    : `context "${origin.context}" at ${origin.server}${origin.version ? ` (Kubernetes ${origin.version})` : ''}`;
  out.push(c.bold(`Cluster ${where}: ${plural(result.nodes.length, 'node')}`));
  for (const group of result.groups) {
    const label = group.target ? `${group.target} — ${targetLabel(group.target)}` : 'runtime not known to capdoctor';
    out.push(`  ${label}: ${names(group.nodes.map((n) => n.name))}`);
    const note = group.nodes.find((n) => n.note)?.note;
    if (!group.target && note) out.push(c.dim(`    ${note}`));
  }
  for (const note of result.notes) out.push(c.yellow(`  ${note}`));
  for (const problem of unreadable) {
    out.push(c.yellow(`  Could not read ${problem.resource}: ${problem.message}. So ${problem.consequence}.`));
  }
  out.push('');
  const flagged = result.workloads.filter((w) => w.findings.length > 0);
  for (const w of flagged) {
    const ns = w.object.namespace ? `${w.object.namespace}/` : '';
    const basis =
      w.basis === 'pods'
        ? `pods on ${names(w.nodes)}`
        : w.basis === 'scheduling'
          ? `no pod; may be scheduled on ${names(w.nodes)}`
          : w.basis === 'all-nodes'
            ? 'no pod; checked against every Linux node'
            : 'checked against the built-in matrix';
    out.push(`${c.bold(`${w.object.kind} ${ns}${w.object.name}`)} ${c.dim(`(${basis})`)}`);
    if (w.note) out.push(c.dim(`  ${w.note}`));
    if (w.pss && w.findings.some((f) => f.pss))
      out.push(c.dim(`  Pod Security ${w.pss.level}: namespace labelled ${describeNamespacePss(w.pss)}`));
    if (w.missingOwner)
      out.push(c.dim(`  owned by ${w.missingOwner.kind} ${w.missingOwner.name}, which could not be read`));
    for (const f of w.findings) {
      const sev =
        f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
      const at = f.line > 0 ? `${f.file}:${f.line}:${f.column} ` : '';
      out.push(`  ${sev}  ${f.message} ${c.dim(`${f.rule}`)}`);
      out.push(c.dim(`    ${at}${f.container ? `container "${f.container}" · ` : ''}${f.path}`));
      for (const t of f.targets ?? []) {
        if (t.nodes.length === 0) continue;
        const direction = /\.drop\[/.test(f.path) ? 1 : 0;
        const words = OUTCOME_WORDS[t.outcome]?.[direction] ?? t.outcome;
        const mark = t.outcome === 'applied' ? c.green('✓') : t.outcome === 'unknown' ? '?' : c.red('✗');
        out.push(`    ${mark} ${words} on ${names(t.nodes)} ${c.dim(`(${targetLabel(t.target)})`)}`);
      }
    }
    out.push('');
  }
  const errors = count(result.findings, 'error');
  const warnings = count(result.findings, 'warning');
  out.push(
    `${plural(result.workloads.length, 'workload')} checked, ${flagged.length} with findings: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  );
  return `${out.join('\n')}\n`;
}
