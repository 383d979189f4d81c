// Cluster objects shaped as an API server returns them (and `kubectl get -o json` prints them), with
// node info strings taken from real clusters. Used by the scan and live-diagnose tests, both against the
// API test double and as a `--from` dump.

export type K8sObject = Record<string, unknown> & { kind: string; metadata: Record<string, unknown> };

/** `status.nodeInfo` as real kubelets report it. */
export const NODE_INFOS = {
  // The incident's cluster: Kubernetes 1.13.2 with Docker 18.06 (dockerd API 1.38) on CentOS 7.
  docker18: {
    containerRuntimeVersion: 'docker://18.6.1',
    kubeletVersion: 'v1.13.2',
    kernelVersion: '3.10.0-957.el7.x86_64',
    osImage: 'CentOS Linux 7 (Core)',
    operatingSystem: 'linux',
    architecture: 'amd64',
  },
  docker20: {
    containerRuntimeVersion: 'docker://20.10.24',
    kubeletVersion: 'v1.23.17',
    kernelVersion: '5.4.0-1109-aws',
    osImage: 'Ubuntu 20.04.6 LTS',
    operatingSystem: 'linux',
    architecture: 'amd64',
  },
  containerd16: {
    containerRuntimeVersion: 'containerd://1.6.20',
    kubeletVersion: 'v1.27.3',
    kernelVersion: '5.15.0-1057-azure',
    osImage: 'Ubuntu 22.04.4 LTS',
    operatingSystem: 'linux',
    architecture: 'amd64',
  },
  k3s: {
    containerRuntimeVersion: 'containerd://1.7.13-k3s1',
    kubeletVersion: 'v1.29.1+k3s2',
    kernelVersion: '6.1.0-18-amd64',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    operatingSystem: 'linux',
    architecture: 'arm64',
  },
  containerd20: {
    containerRuntimeVersion: 'containerd://2.0.0',
    kubeletVersion: 'v1.31.2',
    kernelVersion: '6.8.0-1017-gcp',
    osImage: 'Ubuntu 24.04.1 LTS',
    operatingSystem: 'linux',
    architecture: 'amd64',
  },
  crio: {
    containerRuntimeVersion: 'cri-o://1.25.4-4.rhaos4.12.git5b6ce1c.el8',
    kubeletVersion: 'v1.25.16+6df2177',
    kernelVersion: '4.18.0-372.73.1.el8_6.x86_64',
    osImage: 'Red Hat Enterprise Linux CoreOS 412.86.202310170023-0 (Ootpa)',
    operatingSystem: 'linux',
    architecture: 'amd64',
  },
  windows: {
    containerRuntimeVersion: 'containerd://1.6.21+azure',
    kubeletVersion: 'v1.27.3',
    kernelVersion: '10.0.20348.2113',
    osImage: 'Windows Server 2022 Datacenter',
    operatingSystem: 'windows',
    architecture: 'amd64',
  },
} as const;

export type NodeKind = keyof typeof NODE_INFOS;

let counter = 0;
function uid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

const CREATED = '2021-09-15T11:31:51Z';

export function node(name: string, kind: NodeKind, labels: Record<string, string> = {}): K8sObject {
  const info = NODE_INFOS[kind];
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: uid(),
      resourceVersion: '1000',
      creationTimestamp: CREATED,
      labels: {
        'beta.kubernetes.io/arch': info.architecture,
        'beta.kubernetes.io/os': info.operatingSystem,
        'kubernetes.io/arch': info.architecture,
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': info.operatingSystem,
        ...labels,
      },
    },
    spec: { podCIDR: '10.244.0.0/24' },
    status: {
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: {
        machineID: 'a6b1c1f0e5c44f6d9f8c1f0e5c44f6d9',
        systemUUID: '4c4c4544-0047-3510-8058-b4c04f563432',
        bootID: '8d2b0f6e-43b4-4f8e-9f0e-3c1e4d7e5b21',
        ...info,
        kubeProxyVersion: info.kubeletVersion,
      },
    },
  };
}

/** A Namespace as the API returns it, with the given labels (Pod Security's, say). */
export function namespace(name: string, labels: Record<string, string> = {}): K8sObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: uid(),
      resourceVersion: '1000',
      creationTimestamp: CREATED,
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export interface PodSpecOptions {
  container?: string;
  image?: string;
  add?: string[];
  drop?: string[];
  command?: string[];
  args?: string[];
  nodeSelector?: Record<string, string>;
  env?: { name: string; value: string }[];
}

export function podSpec(options: PodSpecOptions = {}): Record<string, unknown> {
  const securityContext: Record<string, unknown> = {};
  if (options.add || options.drop) {
    const capabilities: Record<string, unknown> = {};
    if (options.add) capabilities.add = options.add;
    if (options.drop) capabilities.drop = options.drop;
    securityContext.capabilities = capabilities;
    securityContext.privileged = false;
    securityContext.procMount = 'Default';
  }
  const container: Record<string, unknown> = {
    name: options.container ?? 'app',
    image: options.image ?? 'registry.example/app:1.0',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  };
  if (options.command) container.command = options.command;
  if (options.args) container.args = options.args;
  if (options.env) container.env = options.env;
  if (Object.keys(securityContext).length > 0) container.securityContext = securityContext;
  const spec: Record<string, unknown> = {
    containers: [container],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  };
  if (options.nodeSelector) spec.nodeSelector = options.nodeSelector;
  return spec;
}

function meta(name: string, namespace: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, namespace, uid: uid(), resourceVersion: '2000', generation: 1, creationTimestamp: CREATED, ...extra };
}

function ownerRef(owner: K8sObject): Record<string, unknown> {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface WorkloadOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function statefulSet(
  name: string,
  namespace: string,
  spec: Record<string, unknown>,
  options: WorkloadOptions = {},
): K8sObject {
  return {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    metadata: meta(name, namespace, { labels: options.labels ?? {}, annotations: options.annotations ?? {} }),
    spec: {
      serviceName: name,
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    },
    status: { replicas: 3, readyReplicas: 0, currentReplicas: 3, updatedReplicas: 3 },
  };
}

export function deployment(
  name: string,
  namespace: string,
  spec: Record<string, unknown>,
  options: WorkloadOptions = {},
): { deployment: K8sObject; replicaSet: K8sObject } {
  const deploy: K8sObject = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(name, namespace, {
      labels: options.labels ?? {},
      annotations: { 'deployment.kubernetes.io/revision': '1', ...(options.annotations ?? {}) },
    }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    },
    status: { replicas: 2, unavailableReplicas: 2 },
  };
  const replicaSet: K8sObject = {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    metadata: meta(`${name}-7d4b9c8f6d`, namespace, {
      labels: { app: name, 'pod-template-hash': '7d4b9c8f6d' },
      ownerReferences: [ownerRef(deploy)],
    }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name, 'pod-template-hash': '7d4b9c8f6d' } },
      template: { metadata: { labels: { app: name, 'pod-template-hash': '7d4b9c8f6d' } }, spec },
    },
    status: { replicas: 2 },
  };
  return { deployment: deploy, replicaSet };
}

export function cronJob(
  name: string,
  namespace: string,
  spec: Record<string, unknown>,
): { cronJob: K8sObject; job: K8sObject } {
  const podTemplate = { metadata: {}, spec: { ...spec, restartPolicy: 'OnFailure' } };
  const cron: K8sObject = {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(name, namespace),
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: podTemplate } } },
  };
  const job: K8sObject = {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: meta(`${name}-28290000`, namespace, { ownerReferences: [ownerRef(cron)] }),
    spec: { template: podTemplate, backoffLimit: 6 },
    status: { succeeded: 1 },
  };
  return { cronJob: cron, job };
}

export interface PodState {
  /** `waiting` with a reason and message, or `terminated`. */
  waiting?: { reason: string; message?: string };
  lastTerminated?: { reason: string; exitCode: number; message?: string };
  restartCount?: number;
  phase?: string;
  ready?: boolean;
}

export function pod(
  name: string,
  owner: K8sObject | undefined,
  nodeName: string,
  spec: Record<string, unknown>,
  state: PodState = { ready: true },
): K8sObject {
  const namespace = (owner?.metadata.namespace as string | undefined) ?? 'default';
  const containers = (spec.containers as { name: string; image: string }[]).map((c) => {
    const status: Record<string, unknown> = {
      name: c.name,
      image: c.image,
      imageID: `${c.image}@sha256:${'3f'.repeat(32)}`,
      ready: state.ready ?? false,
      restartCount: state.restartCount ?? 0,
      started: state.ready ?? false,
      state: state.waiting ? { waiting: { ...state.waiting } } : { running: { startedAt: '2021-09-15T11:35:02Z' } },
    };
    if (state.lastTerminated) {
      status.lastState = {
        terminated: {
          ...state.lastTerminated,
          startedAt: '2021-09-15T11:36:40Z',
          finishedAt: '2021-09-15T11:36:41Z',
          containerID: 'docker://21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21',
        },
      };
    } else {
      status.lastState = {};
    }
    return status;
  });
  const metadata = meta(name, namespace, {
    labels: { app: (owner?.metadata.name as string | undefined) ?? name },
    ...(owner ? { ownerReferences: [ownerRef(owner)] } : {}),
  });
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { ...spec, nodeName, serviceAccountName: 'default' },
    status: {
      phase: state.phase ?? (state.waiting ? 'Pending' : 'Running'),
      hostIP: '192.168.31.244',
      podIP: '10.244.1.17',
      startTime: '2021-09-15T11:35:00Z',
      conditions: [{ type: 'Ready', status: state.ready ? 'True' : 'False' }],
      containerStatuses: containers,
    },
  };
}

/** What `kubectl get ns,nodes,pods,deploy,sts,ds,rs,job,cronjob -A -o json` prints for these objects. */
export function dump(objects: readonly K8sObject[]): string {
  const order = ['Node', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];
  const items = [...objects].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
}

/** The incident as a StatefulSet whose pods run on the given nodes. */
export function incident(nodeNames: readonly string[]): K8sObject[] {
  const spec = podSpec({
    container: 'es-cluster',
    image: 'elasticsearch:7.5.1',
    command: ['/bin/sh', '-c'],
    args: ['exec runuser -u elasticsearch -- /usr/share/elasticsearch/bin/elasticsearch'],
    add: ['CAP_SYS_RESOURCE'],
  });
  const sts = statefulSet('esc-data', 'zjjpt-es', spec);
  const pods = nodeNames.map((n, i) =>
    pod(`esc-data-${i}`, sts, n, spec, {
      waiting: {
        reason: 'RunContainerError',
        message:
          'failed to start container "21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21": Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_SYS_RESOURCE"',
      },
      restartCount: 15,
    }),
  );
  return [sts, ...pods];
}
