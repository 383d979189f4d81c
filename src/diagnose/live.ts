// Live diagnose, the pure part: what was collected from a cluster about a failing workload (its pods'
// statuses, events, logs and nodes, and its top owner) becomes a bundle of files; the bundle is
// diagnosed by the same engine as any logs, the owner is linted for the nodes' exact targets, and a
// manifest fix becomes a JSON Patch for the top owner. `--save DIR` writes the same bundle, so a saved
// bundle diagnosed later gives the same answer.
import { isMapping, type Mapping } from '../core/extract.js';
import { targetOfNodeInfo } from '../core/nodes.js';
import { fixPatch, type JsonPatchOperation } from '../core/patch.js';
import type { ObjectRef } from '../core/types.js';
import { type ResolvedTarget, resolveTarget, resolveTargets, TargetError } from '../knowledge/targets.js';
import { RULES } from '../rules/index.js';
import { BUNDLE_INDEX } from './bundle-name.js';
import { diagnoseTexts } from './index.js';
import { attachManifests } from './manifest.js';
import type { DiagnoseResult, Diagnosis } from './types.js';

export { BUNDLE_INDEX };

export interface CollectedLog {
  container: string;
  previous: boolean;
  text: string;
}

export interface CollectedPod {
  pod: Mapping;
  /** The pod's events, or undefined when they could not be read (see `missing`). */
  events?: Mapping[];
  logs: CollectedLog[];
  /** The node the pod is on, when it could be read. */
  node?: Mapping;
}

export interface Collected {
  /** `k8s://CONTEXT/NAMESPACE/KIND/NAME` of the top owner: labels its manifest lines. */
  ownerLabel: string;
  /** The top owner (the StatefulSet, the Deployment, …), or the pod itself for a bare pod. */
  owner: Mapping;
  /** Pod → ReplicaSet → Deployment, as `Kind/name`. */
  chain: string[];
  pods: CollectedPod[];
  /** Evidence that could not be read, and why (`events of pod x: Forbidden (403)`). */
  missing: string[];
}

export interface BundleFile {
  /** Relative path inside the bundle, `/`-separated. */
  path: string;
  text: string;
}

export interface BundleIndex {
  version: 1;
  ownerLabel: string;
  owner: string;
  chain: string[];
  pods: { name: string; node?: string; file: string }[];
  nodes: string[];
  missing: string[];
}

/** Who manages an object, from the labels and annotations Helm, Argo CD and Flux set. */
export interface ManagedBy {
  tool: 'Helm' | 'Argo CD' | 'Flux';
  /** The release, application or Flux object that owns it. */
  name?: string;
  /** What to change instead of patching. */
  instead: string;
}

export interface PatchRef {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
  type: 'json';
  operations: JsonPatchOperation[];
}

export interface LiveDiagnosis extends Diagnosis {
  patch?: PatchRef;
}

export interface LiveStory {
  workload: ObjectRef;
  chain: string[];
  pods: { name: string; node?: string; target?: string }[];
  missing: string[];
  managedBy?: ManagedBy;
  result: Omit<DiagnoseResult, 'diagnoses'> & { diagnoses: LiveDiagnosis[] };
}

// ---------------------------------------------------------------------------------------------------
// Secrets never leave the cluster: env values, last-applied configurations (which hold them again),
// and managed fields (noise) are removed from every object before it is diagnosed or saved.

const CONTAINER_GROUPS = ['containers', 'initContainers', 'ephemeralContainers'];

function cleanPodSpec(spec: unknown): void {
  if (!isMapping(spec)) return;
  for (const group of CONTAINER_GROUPS) {
    const containers = spec[group];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      if (!isMapping(container) || !Array.isArray(container.env)) continue;
      for (const env of container.env) {
        if (isMapping(env) && 'value' in env) env.value = '(not collected)';
      }
    }
  }
}

/** A copy of a Kubernetes object without secret values (env values, last-applied configuration). */
export function withoutSecrets(object: Mapping): Mapping {
  const copy = structuredClone(object);
  const metadata = isMapping(copy.metadata) ? copy.metadata : undefined;
  if (metadata) {
    delete metadata.managedFields;
    if (isMapping(metadata.annotations)) {
      delete metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
    }
  }
  const spec = isMapping(copy.spec) ? copy.spec : undefined;
  cleanPodSpec(spec);
  const template = spec && isMapping(spec.template) ? spec.template : undefined;
  cleanPodSpec(template?.spec);
  const jobTemplate = spec && isMapping(spec.jobTemplate) ? spec.jobTemplate : undefined;
  const jobSpec = jobTemplate && isMapping(jobTemplate.spec) ? jobTemplate.spec : undefined;
  const jobPod = jobSpec && isMapping(jobSpec.template) ? jobSpec.template : undefined;
  cleanPodSpec(jobPod?.spec);
  return copy;
}

/** Only what a diagnosis needs of a node: its name, labels and node info (no addresses, no images). */
function nodeSummary(node: Mapping): Mapping {
  const metadata = isMapping(node.metadata) ? node.metadata : {};
  const status = isMapping(node.status) ? node.status : {};
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: metadata.name, labels: metadata.labels ?? {} },
    status: { nodeInfo: status.nodeInfo ?? {} },
  };
}

function nameOf(object: Mapping): string {
  const metadata = isMapping(object.metadata) ? object.metadata : {};
  return typeof metadata.name === 'string' ? metadata.name : '';
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The files of a bundle: what `--save DIR` writes and what is diagnosed, live or later. */
export function bundleFiles(collected: Collected): BundleFile[] {
  const files: BundleFile[] = [];
  const index: BundleIndex = {
    version: 1,
    ownerLabel: collected.ownerLabel,
    owner: 'owner.json',
    chain: collected.chain,
    pods: [],
    nodes: [],
    missing: collected.missing,
  };
  files.push({ path: 'owner.json', text: json(withoutSecrets(collected.owner)) });
  const nodes = new Map<string, Mapping>();
  for (const entry of collected.pods) {
    const name = safeName(nameOf(entry.pod));
    const spec = isMapping(entry.pod.spec) ? entry.pod.spec : {};
    const node = typeof spec.nodeName === 'string' ? spec.nodeName : undefined;
    const file = `pods/${name}.json`;
    files.push({ path: file, text: json(withoutSecrets(entry.pod)) });
    if (entry.events) {
      files.push({
        path: `pods/${name}.events.json`,
        text: json({ apiVersion: 'v1', kind: 'EventList', items: entry.events }),
      });
    }
    for (const log of entry.logs) {
      const suffix = log.previous ? '.previous' : '';
      files.push({ path: `pods/${name}.${safeName(log.container)}${suffix}.log`, text: log.text });
    }
    if (entry.node && node) nodes.set(node, nodeSummary(entry.node));
    index.pods.push({ name: nameOf(entry.pod), ...(node ? { node } : {}), file });
  }
  for (const [name, node] of nodes) {
    files.push({ path: `nodes/${safeName(name)}.json`, text: json(node) });
    index.nodes.push(`nodes/${safeName(name)}.json`);
  }
  files.push({ path: BUNDLE_INDEX, text: json(index) });
  return files;
}

export class BundleError extends Error {}

function parseJsonFile(file: BundleFile | undefined, what: string): Mapping {
  if (!file) throw new BundleError(`${what} is missing from the bundle`);
  try {
    const value = JSON.parse(file.text) as unknown;
    if (isMapping(value)) return value;
  } catch (error) {
    throw new BundleError(`${file.path}: not JSON (${(error as Error).message})`);
  }
  throw new BundleError(`${file.path}: not a JSON object`);
}

/** Who manages an object, by the labels and annotations the tools set; undefined when none says. */
export function managedBy(object: Mapping): ManagedBy | undefined {
  const metadata = isMapping(object.metadata) ? object.metadata : {};
  const labels = (isMapping(metadata.labels) ? metadata.labels : {}) as Record<string, unknown>;
  const annotations = (isMapping(metadata.annotations) ? metadata.annotations : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const flux = text(labels['kustomize.toolkit.fluxcd.io/name']) ?? text(labels['helm.toolkit.fluxcd.io/name']);
  if (flux) {
    const helm = text(labels['helm.toolkit.fluxcd.io/name']) !== undefined;
    return {
      tool: 'Flux',
      name: flux,
      instead: helm
        ? `the values of HelmRelease "${flux}" in its Git source`
        : `the manifest in the Git source of Kustomization "${flux}"`,
    };
  }
  const argo =
    text(labels['argocd.argoproj.io/instance']) ?? text(annotations['argocd.argoproj.io/tracking-id'])?.split(':')[0];
  if (argo)
    return { tool: 'Argo CD', name: argo, instead: `the source manifest (or Helm values) of Application "${argo}"` };
  const release = text(annotations['meta.helm.sh/release-name']);
  const managed = text(labels['app.kubernetes.io/managed-by']);
  if (release || managed?.toLowerCase() === 'helm') {
    return {
      tool: 'Helm',
      ...(release ? { name: release } : {}),
      instead: `the chart's values${release ? ` of release "${release}"` : ''}, then \`helm upgrade\``,
    };
  }
  return undefined;
}

function ownerRef(owner: Mapping): ObjectRef {
  const metadata = isMapping(owner.metadata) ? owner.metadata : {};
  const ref: ObjectRef = {};
  if (typeof owner.apiVersion === 'string') ref.apiVersion = owner.apiVersion;
  if (typeof owner.kind === 'string') ref.kind = owner.kind;
  if (typeof metadata.namespace === 'string') ref.namespace = metadata.namespace;
  if (typeof metadata.name === 'string') ref.name = metadata.name;
  return ref;
}

/** The targets of the pods' nodes; the built-in matrix when no node could be read. */
function nodeTargets(nodes: readonly Mapping[]): { targets: ResolvedTarget[]; byNode: Map<string, string> } {
  const byNode = new Map<string, string>();
  const targets = new Map<string, ResolvedTarget>();
  for (const node of nodes) {
    const status = isMapping(node.status) ? node.status : {};
    const info = isMapping(status.nodeInfo) ? status.nodeInfo : {};
    const { target } = targetOfNodeInfo(info as Parameters<typeof targetOfNodeInfo>[0]);
    if (!target || target === 'windows') continue;
    try {
      if (!targets.has(target)) targets.set(target, resolveTarget(target));
      byNode.set(nameOf(node), target);
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
    }
  }
  return { targets: targets.size > 0 ? [...targets.values()] : resolveTargets([]), byNode };
}

/** Diagnoses a bundle (collected live, or read back from a saved folder). */
export function diagnoseBundle(files: readonly BundleFile[]): LiveStory {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const index = parseJsonFile(byPath.get(BUNDLE_INDEX), BUNDLE_INDEX) as unknown as BundleIndex;
  if (index.version !== 1 || !Array.isArray(index.pods)) throw new BundleError(`${BUNDLE_INDEX}: not a bundle index`);
  const owner = parseJsonFile(byPath.get(index.owner), 'the owner');
  const nodes = (index.nodes ?? []).map((path) => parseJsonFile(byPath.get(path), path));
  const { targets, byNode } = nodeTargets(nodes);
  // Evidence: everything but the index and the owner, which is the manifest the fix points at.
  const inputs = files
    .filter((f) => f.path !== BUNDLE_INDEX && f.path !== index.owner)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ file: f.path, text: f.text }));
  const result = diagnoseTexts(inputs, { manifests: true }) as LiveStory['result'];
  const ownerText = byPath.get(index.owner)?.text ?? '';
  attachManifests(result, [{ file: index.ownerLabel, text: ownerText }], targets);
  const workload = ownerRef(owner);
  for (const diagnosis of result.diagnoses) {
    if (!diagnosis.rule || diagnosis.manifest.length === 0) continue;
    const { patch } = fixPatch(owner, { rules: RULES, targets, only: new Set([diagnosis.rule]) }, index.ownerLabel);
    if (patch.length === 0) continue;
    diagnosis.patch = {
      ...(workload.apiVersion ? { apiVersion: workload.apiVersion } : {}),
      kind: workload.kind ?? '',
      ...(workload.namespace ? { namespace: workload.namespace } : {}),
      name: workload.name ?? '',
      type: 'json',
      operations: patch,
    };
  }
  const story: LiveStory = {
    workload,
    chain: index.chain ?? [],
    pods: index.pods.map((p) => ({
      name: p.name,
      ...(p.node ? { node: p.node } : {}),
      ...(p.node && byNode.get(p.node) ? { target: byNode.get(p.node) } : {}),
    })),
    missing: index.missing ?? [],
    result,
  };
  const managed = managedBy(owner);
  if (managed) story.managedBy = managed;
  return story;
}

/** `kubectl patch statefulset NAME -n NS --type=json -p '…'`, quoted for a POSIX shell. */
export function kubectlPatch(patch: PatchRef): string {
  const body = JSON.stringify(patch.operations).replaceAll("'", "'\\''");
  const namespace = patch.namespace ? ` -n ${patch.namespace}` : '';
  return `kubectl patch ${patch.kind.toLowerCase()} ${patch.name}${namespace} --type=json -p '${body}'`;
}
