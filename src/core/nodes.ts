// A node's `status.nodeInfo`, as the kubelet reports it, turned into a capdoctor target. Pure: used by
// the cluster scan, live diagnose and the admission webhook's node discovery alike.
import { isMapping } from './extract.js';

/** The fields of `status.nodeInfo` that decide how capability names are handled. */
export interface NodeInfo {
  containerRuntimeVersion?: string;
  kubeletVersion?: string;
  kernelVersion?: string;
  operatingSystem?: string;
  osImage?: string;
}

export interface NodeTarget {
  name: string;
  /** As reported: `containerd://1.7.13-k3s1`. */
  runtime: string;
  kubelet: string;
  kernel: string;
  /** `linux`, `windows`, or what the node says. */
  os: string;
  /**
   * The capdoctor target (`containerd@1.7.13,k8s@1.27.3,kernel@5.15.0`), `windows` for Windows nodes,
   * or undefined when the runtime is not one capdoctor knows (see `note`).
   */
  target?: string;
  /** Why the target is missing or less exact than the node's own report. */
  note?: string;
  labels: Record<string, string>;
}

/** Runtime names in `containerRuntimeVersion` (the CRI runtime's own name) → target names. */
const RUNTIMES: Record<string, string> = {
  docker: 'docker',
  containerd: 'containerd',
  'cri-o': 'crio',
  crio: 'crio',
  rkt: 'rkt',
};

/** The release numbers at the start of a version, without a `v` and without build or distro suffixes. */
export function releaseNumbers(text: string | undefined): string | undefined {
  const match = /^v?(\d+(?:\.\d+){0,2})/.exec(text?.trim() ?? '');
  return match?.[1];
}

/**
 * The target for one node's info: `docker://18.6.1`, `v1.13.2`, `3.10.0-957.el7.x86_64` become
 * `docker@18.6.1,k8s@1.13.2,kernel@3.10.0`. Distribution suffixes (`-k3s1`, `-4.rhaos4.12.git…`,
 * `+6df2177`) are dropped: the predictions depend on upstream release numbers only.
 */
export function targetOfNodeInfo(info: NodeInfo): { target?: string; note?: string } {
  if ((info.operatingSystem ?? 'linux').toLowerCase() === 'windows') return { target: 'windows' };
  const runtime = info.containerRuntimeVersion ?? '';
  const match = /^([a-z][a-z0-9-]*):\/\/(.*)$/i.exec(runtime.trim());
  const name = match?.[1] ? RUNTIMES[match[1].toLowerCase()] : undefined;
  const version = releaseNumbers(match?.[2]);
  if (!name || !version) {
    return { note: runtime ? `runtime "${runtime}" is not one capdoctor knows` : 'the node reports no runtime' };
  }
  const parts = [`${name}@${version}`];
  const kubelet = releaseNumbers(info.kubeletVersion);
  if (kubelet) parts.push(`k8s@${kubelet}`);
  const kernel = releaseNumbers(info.kernelVersion);
  if (kernel && /^\d+\.\d+/.test(kernel)) parts.push(`kernel@${kernel}`);
  return { target: parts.join(',') };
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMapping(value)) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A Node object (as the API or `kubectl get nodes -o json` returns it) → its target. */
export function nodeTarget(node: unknown): NodeTarget | undefined {
  if (!isMapping(node)) return undefined;
  const metadata = isMapping(node.metadata) ? node.metadata : {};
  const status = isMapping(node.status) ? node.status : {};
  const info = (isMapping(status.nodeInfo) ? status.nodeInfo : {}) as Record<string, unknown>;
  const name = text(metadata.name);
  if (!name) return undefined;
  const labels = stringRecord(metadata.labels);
  const nodeInfo: NodeInfo = {
    containerRuntimeVersion: text(info.containerRuntimeVersion),
    kubeletVersion: text(info.kubeletVersion),
    kernelVersion: text(info.kernelVersion),
    operatingSystem: text(info.operatingSystem) || labels['kubernetes.io/os'] || 'linux',
  };
  const { target, note } = targetOfNodeInfo(nodeInfo);
  const out: NodeTarget = {
    name,
    runtime: nodeInfo.containerRuntimeVersion ?? '',
    kubelet: nodeInfo.kubeletVersion ?? '',
    kernel: nodeInfo.kernelVersion ?? '',
    os: nodeInfo.operatingSystem ?? 'linux',
    labels,
  };
  if (target) out.target = target;
  if (note) out.note = note;
  return out;
}

export interface NodeGroup {
  /** The shared target, or undefined for nodes whose runtime is unknown. */
  target?: string;
  nodes: NodeTarget[];
}

/** Nodes with the same target, in the order their targets first appear; names sorted within a group. */
export function groupNodes(nodes: readonly NodeTarget[]): NodeGroup[] {
  const groups = new Map<string, NodeGroup>();
  for (const node of nodes) {
    const key = node.target ?? `?${node.runtime}`;
    let group = groups.get(key);
    if (!group) {
      group = node.target === undefined ? { nodes: [] } : { target: node.target, nodes: [] };
      groups.set(key, group);
    }
    group.nodes.push(node);
  }
  for (const group of groups.values()) group.nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...groups.values()];
}
