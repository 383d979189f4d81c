// Scans a cluster's objects: each workload is linted for the targets of the nodes its pods run on, and
// each finding says on which nodes its outcome happens. Pure: objects in (read from an API server or
// from a `kubectl get -o json|yaml` dump by an adapter), findings out.
import { DEFAULT_MATRIX, type ResolvedTarget, resolveTarget, TargetError } from '../knowledge/targets.js';
import type { SourceDocument } from '../parse/types.js';
import type { Rule } from '../rules/types.js';
import { isMapping, type Mapping } from './extract.js';
import { LineIndex } from './lines.js';
import { byPosition, lintParsed, type RuleSetting } from './lint-documents.js';
import { checkedLevel, describeNamespacePss, type NamespacePss, namespacePss } from './namespace-pss.js';
import { groupNodes, type NodeGroup, type NodeTarget, nodeTarget } from './nodes.js';
import { keyOf, keyText, OwnerIndex, type OwnerLink, ownerChain } from './owners.js';
import type { PssLevel } from './pss.js';
import { admits } from './scheduling.js';
import type { Finding, ObjectRef, Path, TargetOutcome } from './types.js';

/** Where an object sits in a text (a dump), so that findings get its lines and columns. */
export interface ObjectSource {
  /** Shared by every object of the same text. */
  text: string;
  /** Where a path of the object points in the text (the object itself for an empty path). */
  locate: SourceDocument['locate'];
}

export interface ClusterObject {
  value: Mapping;
  /** Labels the object's findings: a file name, or `k8s://CONTEXT/NAMESPACE/KIND/NAME`. */
  file: string;
  source?: ObjectSource;
}

export interface ClusterSnapshot {
  /** Undefined when nodes could not be read: the default matrix is used then. */
  nodes?: readonly Mapping[];
  pods: readonly ClusterObject[];
  /** Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, ReplicationControllers. */
  controllers: readonly ClusterObject[];
  /** Namespaces, for their Pod Security labels; undefined when they could not be read. */
  namespaces?: readonly Mapping[];
}

export interface ScanOptions {
  rules: readonly Rule[];
  settings?: Readonly<Record<string, RuleSetting>>;
  /** A level chosen by the user: it overrides every namespace's labels. */
  pss?: PssLevel;
}

export interface NodeOutcome extends TargetOutcome {
  /** The nodes with this target that the workload runs (or may run) on. */
  nodes: string[];
}

export interface ScanFinding extends Finding {
  /** Nodes where the outcome the message describes happens (every checked node when it is the same everywhere). */
  nodes: string[];
  targets?: NodeOutcome[];
  /** On Pod Security findings: the namespace label that selected the level checked. */
  pss?: NamespacePss;
}

/**
 * Which nodes a workload was checked against: those its pods run on; with no pod, the Linux nodes its
 * scheduling constraints admit (or every Linux node); `matrix` when no node is known.
 */
export type NodeBasis = 'pods' | 'scheduling' | 'all-nodes' | 'matrix';

export interface ScanWorkload {
  object: ObjectRef;
  file: string;
  nodes: string[];
  basis: NodeBasis;
  /** Set when the workload's owner could not be read, so the workload is reported below it. */
  missingOwner?: OwnerLink;
  /** Why some nodes were left out, or why the built-in matrix was used. */
  note?: string;
  /** The level its namespace's labels ask for (absent when `pss` was given, or without labels). */
  pss?: NamespacePss;
  findings: ScanFinding[];
}

export interface ScanResult {
  nodes: NodeTarget[];
  groups: NodeGroup[];
  workloads: ScanWorkload[];
  findings: ScanFinding[];
  /** Said once for the whole scan, e.g. that the built-in matrix stands in for unreadable nodes. */
  notes: string[];
}

const POD_TEMPLATE: Record<string, Path> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function podSpecOf(object: Mapping): Mapping | undefined {
  let value: unknown = object;
  for (const seg of POD_TEMPLATE[keyOf(object).kind] ?? ['spec', 'template', 'spec']) {
    value = isMapping(value) ? value[seg] : undefined;
  }
  return isMapping(value) ? value : undefined;
}

function objectRef(object: Mapping): ObjectRef {
  const key = keyOf(object);
  const ref: ObjectRef = { kind: key.kind };
  if (typeof object.apiVersion === 'string') ref.apiVersion = object.apiVersion;
  if (key.namespace) ref.namespace = key.namespace;
  ref.name = key.name;
  return ref;
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

interface Planned {
  object: ClusterObject;
  workload: ScanWorkload;
  /** Target id → nodes with it. */
  byTarget: Map<string, string[]>;
  targets: string[];
  /** The Pod Security level the workload is checked against, if any. */
  level?: PssLevel | 'privileged';
}

export function scanCluster(snapshot: ClusterSnapshot, options: ScanOptions): ScanResult {
  const notes: string[] = [];
  const nodes = (snapshot.nodes ?? []).map(nodeTarget).filter((n): n is NodeTarget => n !== undefined);
  // A target capdoctor has no facts for (a runtime version outside the known ranges) counts as unknown.
  const resolved = new Map<string, ResolvedTarget>();
  for (const node of nodes) {
    if (!node.target || node.target === 'windows' || resolved.has(node.target)) continue;
    try {
      resolved.set(node.target, resolveTarget(node.target));
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      node.note = error.message.split('\n')[0];
    }
  }
  for (const node of nodes)
    if (node.target && node.target !== 'windows' && !resolved.has(node.target)) delete node.target;
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const linux = nodes.filter((n) => n.target !== 'windows');
  if (snapshot.nodes === undefined) {
    notes.push('Nodes could not be read: every workload is checked against the built-in matrix of runtimes.');
  } else if (nodes.length === 0) {
    notes.push('The cluster reports no nodes: every workload is checked against the built-in matrix of runtimes.');
  }

  // Owners: every pod and controller, found by uid.
  const all = [...snapshot.controllers, ...snapshot.pods];
  const wrapperOf = new Map<Mapping, ClusterObject>(all.map((o) => [o.value, o]));
  const index = new OwnerIndex<Mapping>(all.map((o) => o.value));
  const planned = new Map<Mapping, { object: ClusterObject; nodes: Set<string>; missing?: OwnerLink }>();
  const plan = (top: Mapping, missing?: OwnerLink) => {
    let entry = planned.get(top);
    if (!entry) {
      entry = { object: wrapperOf.get(top) as ClusterObject, nodes: new Set() };
      if (missing) entry.missing = missing;
      planned.set(top, entry);
    }
    return entry;
  };
  // Pods whose owner could not be read are reported once per owner, on the first of them.
  const byMissingOwner = new Map<string, Mapping>();
  for (const controller of snapshot.controllers) {
    const { top, missing } = ownerChain(controller.value, index);
    if (top === controller.value) plan(top, missing);
  }
  for (const pod of snapshot.pods) {
    let { top, missing } = ownerChain(pod.value, index);
    if (missing && top === pod.value) {
      const key = `${keyOf(pod.value).namespace}/${missing.kind}/${missing.uid ?? missing.name}`;
      const first = byMissingOwner.get(key);
      if (first) top = first;
      else byMissingOwner.set(key, pod.value);
    }
    const entry = plan(top, missing);
    const spec = isMapping(pod.value.spec) ? pod.value.spec : {};
    const node = typeof spec.nodeName === 'string' ? spec.nodeName : '';
    // Finished pods count too: a Job's completed pods still say where it runs.
    if (node) entry.nodes.add(node);
  }

  // Pod Security: the user's level, else each namespace's labels (strictest of enforce, warn, audit).
  const policies = new Map<string, NamespacePss>();
  if (!options.pss) {
    for (const ns of snapshot.namespaces ?? []) {
      const policy = namespacePss(ns);
      if (policy) policies.set(policy.namespace, policy);
    }
  }
  const workloads: Planned[] = [];
  for (const { object, nodes: podNodes, missing } of planned.values()) {
    const workload: ScanWorkload = {
      object: objectRef(object.value),
      file: object.file,
      nodes: [],
      basis: 'pods',
      findings: [],
    };
    if (missing) workload.missingOwner = missing;
    let candidates: NodeTarget[];
    const running = [...podNodes].map((n) => byName.get(n)).filter((n): n is NodeTarget => n !== undefined);
    if (running.length > 0) {
      candidates = running;
    } else {
      const spec = podSpecOf(object.value) ?? {};
      const admitted = linux.filter((n) => admits(spec, n));
      candidates = admitted.length > 0 ? admitted : linux;
      workload.basis = admitted.length > 0 ? 'scheduling' : 'all-nodes';
    }
    const checked = candidates.filter((n) => n.target !== undefined && n.target !== 'windows');
    const windows = candidates.filter((n) => n.target === 'windows');
    const unknown = candidates.filter((n) => n.target === undefined);
    const byTarget = new Map<string, string[]>();
    for (const node of [...checked].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      byTarget.set(node.target as string, [...(byTarget.get(node.target as string) ?? []), node.name]);
    }
    const reasons: string[] = [];
    if (unknown.length > 0) reasons.push(`${unknown.map((n) => n.name).join(', ')}: runtime not known to capdoctor`);
    if (windows.length > 0)
      reasons.push(`${windows.map((n) => n.name).join(', ')}: Windows, where Linux capabilities do not apply`);
    if (checked.length === 0 && windows.length > 0 && unknown.length === 0) {
      // Only Windows nodes: the capability lists are not acted on there (cap-windows still applies).
      workload.note = reasons.join('; ');
    } else if (checked.length === 0) {
      workload.basis = 'matrix';
      if (reasons.length > 0) workload.note = `${reasons.join('; ')}; checked against the built-in matrix`;
    } else if (reasons.length > 0) {
      workload.note = `not checked on ${reasons.join('; ')}`;
    }
    workload.nodes = sorted(candidates.map((n) => n.name));
    const planned: Planned = { object, workload, byTarget, targets: [...byTarget.keys()].sort() };
    const policy = policies.get(keyOf(object.value).namespace);
    if (policy) workload.pss = policy;
    const level = options.pss ?? (policy ? checkedLevel(policy) : undefined);
    if (level) planned.level = level;
    workloads.push(planned);
  }

  // Workloads with the same targets and the same source text are linted together.
  const matrix = DEFAULT_MATRIX.map((t) => ({ ...resolveTarget(t), matrix: true }));
  const batches = new Map<string, Planned[]>();
  const sourceIds = new Map<string, number>();
  for (const p of workloads) {
    const onlyWindows = p.targets.length === 0 && p.workload.basis !== 'matrix';
    const text = p.object.source?.text ?? '';
    let sourceId = sourceIds.get(text);
    if (sourceId === undefined) {
      sourceId = sourceIds.size;
      sourceIds.set(text, sourceId);
    }
    const key = `${onlyWindows ? 'windows' : p.targets.length === 0 ? 'matrix' : p.targets.join(' ')}\n${sourceId}\n${p.level ?? ''}`;
    const batch = batches.get(key);
    if (batch) batch.push(p);
    else batches.set(key, [p]);
  }
  // One line index per source text: a dump is one text, linted in many batches.
  const lineIndexes = new Map<string, LineIndex>();
  for (const [key, batch] of batches) {
    const kind = key.slice(0, key.indexOf('\n'));
    const first = batch[0] as Planned;
    const targets: ResolvedTarget[] =
      kind === 'windows'
        ? []
        : kind === 'matrix'
          ? matrix
          : first.targets.map((t) => resolved.get(t) as ResolvedTarget);
    const text = first.object.source?.text ?? '';
    const documents: SourceDocument[] = batch.map((p, i) => {
      const source = p.object.source;
      return {
        index: i,
        value: p.object.value,
        // Positions only when a finding needs one: locating in a large JSON dump builds its whole tree.
        get start() {
          return source?.locate([])?.range.start ?? 0;
        },
        locate: (path: Path) => source?.locate(path),
      };
    });
    let lines = lineIndexes.get(text);
    if (!lines) {
      lines = new LineIndex(text);
      lineIndexes.set(text, lines);
    }
    const lintOptions = { rules: options.rules, targets, settings: pssSettings(options.settings, first.level) };
    if (first.level && first.level !== 'privileged') Object.assign(lintOptions, { pss: first.level });
    const result = lintParsed('', text, { documents, problems: [] }, lintOptions, lines);
    for (const finding of result.findings) {
      const p = batch[finding.document ?? -1];
      if (!p) continue;
      p.workload.findings.push(withNodes(finding, p));
    }
  }
  const findings: ScanFinding[] = [];
  for (const p of workloads) {
    p.workload.findings.sort(byPosition);
    findings.push(...p.workload.findings);
  }
  const list = workloads.map((p) => p.workload);
  list.sort((a, b) => (workloadKey(a) < workloadKey(b) ? -1 : workloadKey(a) > workloadKey(b) ? 1 : 0));
  return { nodes, groups: groupNodes(nodes), workloads: list, findings, notes };
}

function workloadKey(w: ScanWorkload): string {
  return keyText({ kind: w.object.kind ?? '', namespace: w.object.namespace ?? '', name: w.object.name ?? '' });
}

function withNodes(finding: Finding, p: Planned): ScanFinding {
  const { targets, document: _document, ...rest } = finding;
  const out: ScanFinding = { ...rest, file: p.object.file, nodes: [] };
  if (!p.object.source) {
    // Read from the API: there is no text to point into.
    out.line = 0;
    out.column = 0;
    out.endLine = 0;
    out.endColumn = 0;
    delete out.range;
  }
  const all = p.workload.nodes.filter((n) => p.targets.some((t) => p.byTarget.get(t)?.includes(n)));
  if (targets) {
    out.targets = targets.map((t) => ({ ...t, nodes: p.byTarget.get(t.target) ?? [] }));
    const affected = out.targets.filter((t) => t.outcome !== 'applied').flatMap((t) => t.nodes);
    out.nodes = sorted(affected.length > 0 ? affected : all);
  } else {
    out.nodes = all;
  }
  const policy = p.workload.pss;
  if (policy && PSS_RULES.has(out.rule)) {
    out.pss = policy;
    const level = checkedLevel(policy);
    const older = level !== policy.level ? ` (capabilities as ${level}: restricted checks them from policy v1.22)` : '';
    out.explanation =
      `${out.explanation ?? ''} Checked at ${policy.level}${older} because namespace ${JSON.stringify(policy.namespace)} is labelled ${describeNamespacePss(policy)}.`.trim();
  }
  return out;
}

const PSS_RULES = new Set(['pss-baseline', 'pss-restricted']);

/**
 * A namespace labelled privileged at every mode admits any spelling: its Pod Security findings would be
 * false there, so those rules are off for its workloads (unless the user set them with --rule).
 */
function pssSettings(
  settings: Readonly<Record<string, RuleSetting>> | undefined,
  level: PssLevel | 'privileged' | undefined,
): Readonly<Record<string, RuleSetting>> | undefined {
  if (level !== 'privileged') return settings;
  return { 'pss-baseline': 'off', 'pss-restricted': 'off', ...settings };
}
