// Reads what a scan needs: nodes, pods and the controllers that own them. Only get and list.
import type { Mapping } from '../core/extract.js';
import { type NodeTarget, nodeTarget } from '../core/nodes.js';
import { ApiError, type KubeClient } from './client.js';
import { listAll, mapLimit, type Resource } from './list.js';

export const NODES: Resource = { kind: 'Node', group: '', version: 'v1', plural: 'nodes', namespaced: false };
export const NAMESPACES: Resource = {
  kind: 'Namespace',
  group: '',
  version: 'v1',
  plural: 'namespaces',
  namespaced: false,
};
export const PODS: Resource = { kind: 'Pod', group: '', version: 'v1', plural: 'pods', namespaced: true };

/** The controllers whose pod templates a scan reports on (CronJob's version is discovered). */
export const CONTROLLERS: readonly Resource[] = [
  { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true },
  { kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', namespaced: true },
  { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', namespaced: true },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true },
  { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', namespaced: true },
  { kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', namespaced: true },
  { kind: 'ReplicationController', group: '', version: 'v1', plural: 'replicationcontrollers', namespaced: true },
];

/** Lists run this many at a time: enough to hide latency, few enough not to crowd an API server. */
export const CONCURRENCY = 4;

/** A list the credentials may not read (or the server does not serve): the scan goes on without it. */
export interface ReadProblem {
  resource: string;
  status?: number;
  message: string;
  /** What the scan does without it. */
  consequence: string;
}

export interface ClusterRead {
  /** Undefined when nodes could not be listed. */
  nodes?: Mapping[];
  pods: Mapping[];
  controllers: Mapping[];
  /** Undefined when namespaces could not be listed (or were not asked for). */
  namespaces?: Mapping[];
  problems: ReadProblem[];
  /** `v1.29.1+k3s2`, from /version, when it answers. */
  version?: string;
}

export interface ReadScope {
  /** Undefined: every namespace. */
  namespace?: string;
  labelSelector?: string;
  /** Read namespaces for their Pod Security labels (not needed when the user chose a level). */
  namespaces?: boolean;
}

const CONSEQUENCE: Record<string, string> = {
  nodes: 'every workload is checked against the built-in matrix of runtimes instead of its nodes',
  pods: 'workloads are checked against the nodes their scheduling admits, not the nodes they run on',
  namespaces:
    'their Pod Security labels are not used: only spellings that a level refuses are reported (give --pss to check a level)',
};

function consequenceOf(resource: Resource): string {
  return (
    CONSEQUENCE[resource.plural] ??
    `${resource.kind}s are not checked; pods they own are reported under the nearest owner that could be read`
  );
}

/** A 403 or 404 on one list is reported and the rest goes on; anything else ends the read. */
function recoverable(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

/** Which batch version serves CronJobs: batch/v1 since Kubernetes 1.21, batch/v1beta1 before. */
export async function cronJobResource(client: KubeClient): Promise<Resource | undefined> {
  const base = CONTROLLERS.find((r) => r.kind === 'CronJob') as Resource;
  for (const version of ['v1', 'v1beta1']) {
    try {
      const list = (await client.getJson(`/apis/batch/${version}`)) as { resources?: { name?: string }[] };
      if (list.resources?.some((r) => r.name === 'cronjobs')) return { ...base, version };
    } catch (error) {
      if (!recoverable(error)) throw error;
    }
  }
  return undefined;
}

export async function serverVersion(client: KubeClient): Promise<string | undefined> {
  try {
    const info = (await client.getJson('/version')) as { gitVersion?: unknown };
    return typeof info.gitVersion === 'string' ? info.gitVersion : undefined;
  } catch (error) {
    if (error instanceof ApiError && error.status !== undefined && error.status !== 401) return undefined;
    throw error;
  }
}

/** The nodes and their targets (for the webhook's node discovery as well as the scan). */
export async function discoverNodes(client: KubeClient): Promise<NodeTarget[]> {
  const nodes = await listAll(client, NODES);
  return nodes.map(nodeTarget).filter((n): n is NodeTarget => n !== undefined);
}

export async function readCluster(client: KubeClient, scope: ReadScope): Promise<ClusterRead> {
  const problems: ReadProblem[] = [];
  const recovering = async (resource: Resource, read: () => Promise<Mapping[]>): Promise<Mapping[] | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (!recoverable(error)) throw error;
      problems.push({
        resource: resource.plural,
        status: error.status,
        message: error.message,
        consequence: consequenceOf(resource),
      });
      return undefined;
    }
  };
  const list = (resource: Resource): Promise<Mapping[] | undefined> =>
    recovering(resource, () =>
      listAll(
        client,
        resource,
        resource.namespaced
          ? { namespace: scope.namespace, labelSelector: scope.labelSelector }
          : // A label selector is about workloads, never nodes.
            {},
      ),
    );
  // Nodes first, alone: a wrong server, a bad certificate or bad credentials fail here, with one error.
  const nodes = await list(NODES);
  const version = await serverVersion(client);
  const cronJobs = await cronJobResource(client);
  if (!cronJobs) {
    problems.push({
      resource: 'cronjobs',
      message: 'not served by this cluster (neither batch/v1 nor batch/v1beta1)',
      consequence: 'Jobs are reported on their own',
    });
  }
  const controllers = CONTROLLERS.map((r) => (r.kind === 'CronJob' ? cronJobs : r)).filter(
    (r): r is Resource => r !== undefined,
  );
  // One namespace is read with a GET of its own, which a RoleBinding in that namespace can allow (the API
  // server takes /api/v1/namespaces/NAME as a request in namespace NAME: kubernetes/kubernetes@db8b216c:
  // staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go); listing them all needs a
  // cluster-wide grant that a user of one namespace rarely has.
  const one = scope.namespace;
  const readNamespaces =
    one === undefined
      ? () => list(NAMESPACES)
      : () =>
          recovering(NAMESPACES, async () => {
            try {
              return [(await client.getJson(`/api/v1/namespaces/${encodeURIComponent(one)}`)) as Mapping];
            } catch (error) {
              // No such namespace: nothing runs in it, as a list would have said with no items.
              if (error instanceof ApiError && error.status === 404) return [];
              throw error;
            }
          });
  const [namespaces, lists] = await Promise.all([
    scope.namespaces ? readNamespaces() : undefined,
    mapLimit([PODS, ...controllers], CONCURRENCY, list),
  ]);
  const [pods, ...owned] = lists;
  const read: ClusterRead = {
    pods: pods ?? [],
    controllers: owned.flatMap((items) => items ?? []),
    problems,
  };
  if (nodes) read.nodes = nodes;
  if (namespaces) read.namespaces = namespaces;
  if (version) read.version = version;
  return read;
}
