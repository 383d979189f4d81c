// Kernel parameters (sysctls) as Kubernetes treats them: which ones are namespaced (a pod may have its
// own value), which of those the kubelet accepts without an opt-in ("safe"), from which Kubernetes
// release, and why a container cannot simply write them. Facts only, with their sources.
import { compareVersions, must, type Version } from './versions.js';

/** Which kernel namespace isolates a sysctl, as the kubelet classifies it; undefined when it is node-wide. */
export type SysctlNamespace = 'ipc' | 'net';

const NAMESPACED_EXACT: Readonly<Record<string, SysctlNamespace>> = { 'kernel.sem': 'ipc' };
const NAMESPACED_PREFIX: readonly (readonly [string, SysctlNamespace])[] = [
  ['kernel.shm', 'ipc'],
  ['kernel.msg', 'ipc'],
  ['fs.mqueue.', 'ipc'],
  ['net.', 'net'],
];

export const NAMESPACE_FACTS = {
  citations: [
    'kubernetes/kubernetes@00d7068d939c4fbc40da44209908e0832792dcee:pkg/kubelet/sysctl/namespace.go NamespacedBy',
    'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  ],
  /** The kubelet counts every `net.*` key as namespaced; the kernel does not namespace all of them. */
  uncertain: [
    'the kubelet treats every net.* key as namespaced; a few (for example net.core.rmem_max) are node-wide in the kernel, and which ones depends on the kernel version',
  ],
} as const;

/** `vm/max_map_count` and `vm.max_map_count` name the same key (the slash form is accepted since Kubernetes 1.23). */
export function normalizeSysctl(key: string): string {
  return key.trim().replace(/\//g, '.');
}

export function sysctlNamespace(key: string): SysctlNamespace | undefined {
  const name = normalizeSysctl(key);
  const exact = NAMESPACED_EXACT[name];
  if (exact) return exact;
  return NAMESPACED_PREFIX.find(([prefix]) => name.startsWith(prefix))?.[1];
}

export interface SafeSysctl {
  name: string;
  /** First Kubernetes minor release whose kubelet accepts it without --allowed-unsafe-sysctls. */
  since: string;
  /** Oldest kernel where the key exists (and is namespaced), when the kubelet checks it. */
  kernel?: string;
  citations: readonly string[];
}

const KUBELET_SAFE =
  'kubernetes/kubernetes@0167a9f833cbdfbcfaaa1f67b298b0c2fc3b0a6e:pkg/kubelet/sysctl/safe_sysctls.go';
const PSA_SYSCTLS = 'kubernetes/pod-security-admission:policy/check_sysctls.go (sysctlsAllowedV1Dot0 … V1Dot32)';
const KERNEL_REQUIREMENTS = 'https://kubernetes.io/docs/reference/node/kernel-version-requirements/';

/** The kubelet's safe set, growing by release. Pod Security baseline allows exactly these names. */
export const SAFE_SYSCTLS: readonly SafeSysctl[] = [
  { name: 'kernel.shm_rmid_forced', since: '1.4', citations: [KUBELET_SAFE, PSA_SYSCTLS] },
  { name: 'net.ipv4.ip_local_port_range', since: '1.4', citations: [KUBELET_SAFE, PSA_SYSCTLS] },
  {
    name: 'net.ipv4.tcp_syncookies',
    since: '1.4',
    kernel: '4.6',
    citations: [KUBELET_SAFE, PSA_SYSCTLS, KERNEL_REQUIREMENTS],
  },
  {
    name: 'net.ipv4.ping_group_range',
    since: '1.18',
    citations: [KUBELET_SAFE, PSA_SYSCTLS, 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
  },
  {
    name: 'net.ipv4.ip_unprivileged_port_start',
    since: '1.22',
    kernel: '4.11',
    citations: [KUBELET_SAFE, PSA_SYSCTLS, 'kubernetes/kubernetes PR #103326', 'kubernetes/kubernetes#103298'],
  },
  {
    name: 'net.ipv4.ip_local_reserved_ports',
    since: '1.27',
    kernel: '3.16',
    citations: [KUBELET_SAFE, PSA_SYSCTLS, 'kubernetes/kubernetes PR #115374', KERNEL_REQUIREMENTS],
  },
  { name: 'net.ipv4.tcp_keepalive_time', since: '1.29', kernel: '4.5', citations: [KUBELET_SAFE, KERNEL_REQUIREMENTS] },
  { name: 'net.ipv4.tcp_fin_timeout', since: '1.29', kernel: '4.6', citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] },
  { name: 'net.ipv4.tcp_keepalive_intvl', since: '1.29', kernel: '4.5', citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] },
  {
    name: 'net.ipv4.tcp_keepalive_probes',
    since: '1.29',
    kernel: '4.5',
    citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS],
  },
  { name: 'net.ipv4.tcp_rmem', since: '1.32', kernel: '4.15', citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] },
  { name: 'net.ipv4.tcp_wmem', since: '1.32', kernel: '4.15', citations: [PSA_SYSCTLS, KERNEL_REQUIREMENTS] },
];

export function safeSysctl(key: string): SafeSysctl | undefined {
  const name = normalizeSysctl(key);
  return SAFE_SYSCTLS.find((s) => s.name === name);
}

/** Safe on this Kubernetes version? `undefined` version: the answer for the newest release. */
export function isSafeOn(safe: SafeSysctl, kubernetes: Version | undefined): boolean {
  return kubernetes === undefined || compareVersions(kubernetes, must(safe.since)) >= 0;
}

/** How a pod asks for a sysctl: the field, since when, and what the kubelet does with the others. */
export const POD_SYSCTLS_FACTS = {
  field: 'spec.securityContext.sysctls',
  /** Beta (on by default) in 1.11, GA in 1.21; before 1.11 only the alpha annotation existed. */
  fieldSince: '1.11',
  slashSeparatorSince: '1.23',
  unsafeOptIn: 'kubelet --allowed-unsafe-sysctls',
  /** Status of a pod whose sysctl the kubelet does not allow. */
  rejection: 'SysctlForbidden: forbidden sysctl: "<key>" not allowlisted',
  hostNamespaces: 'net.* keys are refused for hostNetwork pods, and ipc ones for hostIPC pods',
  citations: [
    'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
    'kubernetes/api@10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2:core/v1/types.go PodSecurityContext.Sysctls',
    'kubernetes/kubernetes PR #115374 (host network refusal quoted)',
  ],
} as const;

/**
 * Why writing a sysctl from inside a container fails: runtimes mount /proc/sys read-only unless the
 * container is privileged, and a node-wide key would change every pod on the node anyway.
 */
export const PROC_SYS_FACTS = {
  readOnly:
    'container runtimes mount /proc/sys read-only in a container that is not privileged (OCI readonlyPaths), so `sysctl -w` fails with "Read-only file system"',
  citations: [
    'moby/moby@v20.10.0:oci/defaults.go ReadonlyPaths',
    'containerd/containerd@v1.6.0:pkg/cri/opts/spec_linux.go (readonly paths)',
    'opencontainers/runtime-spec@v1.0.2:config-linux.md readonlyPaths',
  ],
  /** The Elasticsearch charts' answer to vm.max_map_count, which no pod field can set. */
  initContainerPattern:
    'a privileged init container that runs `sysctl -w` as root (the pattern of the Elasticsearch Helm chart and ECK docs), or a node-level setting (a DaemonSet or the node image)',
  patternCitations: [
    'elastic/helm-charts:elasticsearch/templates/statefulset.yaml (init container configure-sysctl, privileged, runAsUser 0)',
    'https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-virtual-memory.html',
  ],
} as const;

/**
 * Sysctls a runtime sets in every pod's network namespace so that processes without capabilities can
 * bind low ports and use ICMP echo sockets.
 */
export interface UnprivilegedNetDefault {
  engine: 'docker' | 'containerd';
  since: string;
  ports: boolean;
  icmp: boolean;
  detail: string;
  citations: readonly string[];
  uncertain?: readonly string[];
}

export const UNPRIVILEGED_NET_DEFAULTS: readonly UnprivilegedNetDefault[] = [
  {
    engine: 'docker',
    since: '20.10',
    ports: true,
    icmp: true,
    detail:
      'Docker 20.10+ sets net.ipv4.ip_unprivileged_port_start=0 and net.ipv4.ping_group_range="0 2147483647" in containers with their own network namespace',
    citations: ['moby/moby PR #41030 (commit 888da28d42)'],
    uncertain: ['behind Kubernetes (dockershim, cri-dockerd) this applies through the pod sandbox; not measured'],
  },
  {
    engine: 'containerd',
    since: '2.0',
    ports: true,
    icmp: true,
    detail:
      'containerd 2.0+ enables enable_unprivileged_ports and enable_unprivileged_icmp by default for pods that do not use the host network (options since 1.6, off by default there)',
    citations: ['containerd/containerd PR #9348', 'containerd/containerd PR #6170', 'containerd/containerd PR #11502'],
  },
];
