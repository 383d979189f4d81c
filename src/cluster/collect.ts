// Live diagnose, the reading part: from `pod/NAME`, `deploy/NAME`, … or every failing pod, collect what
// the cluster knows (statuses, events, logs, nodes, the top owner). Reads only; evidence that cannot be
// read is recorded as missing and the rest goes on.
import { isMapping, type Mapping } from '../core/extract.js';
import { controllerOf, keyOf, type OwnerLink } from '../core/owners.js';
import type { Collected, CollectedLog, CollectedPod } from '../diagnose/live.js';
import { ApiError, ClusterError, type KubeClient } from './client.js';
import { collectionPath, listAll, mapLimit, type Resource } from './list.js';
import { CONTROLLERS, cronJobResource, NODES, PODS } from './read.js';

/** Lines of each log read (the end of it, where the failure is). */
export const LOG_TAIL_LINES = 200;
/** And at most this many bytes of it. */
const LOG_LIMIT_BYTES = 256 * 1024;
/** Failing pods diagnosed per workload: replicas fail alike. */
export const PODS_PER_WORKLOAD = 3;

const KIND_ALIASES: Record<string, string> = {
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  deploy: 'Deployment',
  deployment: 'Deployment',
  deployments: 'Deployment',
  sts: 'StatefulSet',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  ds: 'DaemonSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  rs: 'ReplicaSet',
  replicaset: 'ReplicaSet',
  replicasets: 'ReplicaSet',
  job: 'Job',
  jobs: 'Job',
  cronjob: 'CronJob',
  cronjobs: 'CronJob',
  cj: 'CronJob',
};

/** `pod/NAME`, `deploy/NAME`, … → kind and name; undefined when the text is not such a reference. */
export function parseWorkloadRef(text: string): { kind: string; name: string } | undefined {
  const match = /^([a-z]+)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/i.exec(text);
  const kind = match?.[1] ? KIND_ALIASES[match[1].toLowerCase()] : undefined;
  return kind && match?.[2] ? { kind, name: match[2] } : undefined;
}

function metadata(object: Mapping): Mapping {
  return isMapping(object.metadata) ? object.metadata : {};
}

function containerStatuses(pod: Mapping): Mapping[] {
  const status = isMapping(pod.status) ? pod.status : {};
  return ['initContainerStatuses', 'containerStatuses', 'ephemeralContainerStatuses'].flatMap((key) =>
    Array.isArray(status[key]) ? (status[key] as unknown[]).filter(isMapping) : [],
  );
}

/** Reasons a container waits for that are not failures. */
const NORMAL_WAITING = new Set(['ContainerCreating', 'PodInitializing']);

/** A container that waits for a reason other than starting, or ended with an error. */
export function failingContainers(pod: Mapping): string[] {
  const out: string[] = [];
  for (const s of containerStatuses(pod)) {
    const state = isMapping(s.state) ? s.state : {};
    const last = isMapping(s.lastState) ? s.lastState : {};
    const waiting = isMapping(state.waiting) ? state.waiting : undefined;
    const terminated = isMapping(state.terminated) ? state.terminated : undefined;
    const lastTerminated = isMapping(last.terminated) ? last.terminated : undefined;
    const failed =
      (waiting && typeof waiting.reason === 'string' && !NORMAL_WAITING.has(waiting.reason)) ||
      (terminated &&
        (terminated.reason === 'Error' || (typeof terminated.exitCode === 'number' && terminated.exitCode !== 0))) ||
      (lastTerminated &&
        typeof lastTerminated.exitCode === 'number' &&
        lastTerminated.exitCode !== 0 &&
        s.ready !== true);
    if (failed && typeof s.name === 'string') out.push(s.name);
  }
  return out;
}

function resourceOf(kind: string, cronJobs: Resource | undefined): Resource | undefined {
  if (kind === 'Pod') return PODS;
  if (kind === 'CronJob') return cronJobs;
  return CONTROLLERS.find((r) => r.kind === kind);
}

function objectPath(resource: Resource, namespace: string, name: string): string {
  return `${collectionPath(resource, namespace)}/${encodeURIComponent(name)}`;
}

function withKind(object: unknown, resource: Resource): Mapping {
  const value = isMapping(object) ? object : {};
  const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
  return { apiVersion, kind: resource.kind, ...value };
}

export class Collector {
  private cronJobs: Resource | undefined | null = null;
  private readonly nodes = new Map<string, Promise<Mapping | undefined>>();
  private readonly missingNodes: string[] = [];

  constructor(private readonly client: KubeClient) {}

  private async cronJobResource(): Promise<Resource | undefined> {
    if (this.cronJobs === null) this.cronJobs = await cronJobResource(this.client);
    return this.cronJobs;
  }

  /** GET one object; undefined when it does not exist (404). */
  async get(kind: string, namespace: string, name: string): Promise<Mapping | undefined> {
    const resource = resourceOf(kind, await this.cronJobResource());
    if (!resource) return undefined;
    try {
      return withKind(await this.client.getJson(objectPath(resource, namespace, name)), resource);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** The owner chain by GETs: Pod, ReplicaSet, Deployment and so on; stops at a kind it cannot read. */
  async chain(object: Mapping, missing: string[]): Promise<Mapping[]> {
    const chain = [object];
    let current = object;
    for (let depth = 0; depth < 8; depth++) {
      const link: OwnerLink | undefined = controllerOf(current);
      if (!link || link.kind === 'Node') break;
      const namespace = keyOf(current).namespace;
      let owner: Mapping | undefined;
      try {
        owner = await this.get(link.kind, namespace, link.name);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 403) throw error;
        missing.push(
          `${link.kind} ${link.name}: ${error.message}; the patch is addressed to ${keyOf(current).kind} ${keyOf(current).name}`,
        );
        break;
      }
      if (!owner) break;
      chain.push(owner);
      current = owner;
    }
    return chain;
  }

  private node(name: string): Promise<Mapping | undefined> {
    let found = this.nodes.get(name);
    if (!found) {
      found = this.client
        .getJson(`/api/v1/nodes/${encodeURIComponent(name)}`)
        .then((value) => withKind(value, NODES))
        .catch((error: unknown) => {
          if (!(error instanceof ApiError) || error.status === 401 || error.status === undefined) throw error;
          this.missingNodes.push(`node ${name}: ${error.message}; the built-in matrix stands in for its runtime`);
          return undefined;
        });
      this.nodes.set(name, found);
    }
    return found;
  }

  private async logs(pod: Mapping, containers: readonly string[], missing: string[]): Promise<CollectedLog[]> {
    const { namespace, name } = keyOf(pod);
    const out: CollectedLog[] = [];
    const restarts = new Map(containerStatuses(pod).map((s) => [s.name, Number(s.restartCount ?? 0)]));
    for (const container of containers) {
      for (const previous of [true, false]) {
        if (previous && (restarts.get(container) ?? 0) === 0) continue;
        try {
          const text = await this.client.getText(
            `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`,
            { container, previous: previous || undefined, tailLines: LOG_TAIL_LINES, limitBytes: LOG_LIMIT_BYTES },
          );
          out.push({ container, previous, text });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          // 400: no such log (no previous container, or the container never started) — nothing to read.
          if (error.status === 400 || error.status === 404) continue;
          if (error.status === 403) {
            missing.push(`logs of container ${container} in pod ${name}: ${error.message}`);
            return out;
          }
          throw error;
        }
      }
    }
    return out;
  }

  private async events(pod: Mapping, missing: string[]): Promise<Mapping[] | undefined> {
    const { namespace, name } = keyOf(pod);
    const events: Resource = { kind: 'Event', group: '', version: 'v1', plural: 'events', namespaced: true };
    try {
      return await listAll(this.client, events, {
        namespace,
        fieldSelector: `involvedObject.name=${name},involvedObject.namespace=${namespace}`,
      });
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 403 && error.status !== 404)) throw error;
      missing.push(`events of pod ${name}: ${error.message}`);
      return undefined;
    }
  }

  /** Everything about one pod. */
  async pod(pod: Mapping, missing: string[]): Promise<CollectedPod> {
    const spec = isMapping(pod.spec) ? pod.spec : {};
    const nodeName = typeof spec.nodeName === 'string' ? spec.nodeName : undefined;
    const failing = failingContainers(pod);
    const [events, logs, node] = await Promise.all([
      this.events(pod, missing),
      this.logs(pod, failing, missing),
      nodeName ? this.node(nodeName) : Promise.resolve(undefined),
    ]);
    const out: CollectedPod = { pod, logs };
    if (events) out.events = events;
    if (node) out.node = node;
    return out;
  }

  /** Collects one story: the given pods (at most PODS_PER_WORKLOAD) under their top owner. */
  async story(context: string, top: Mapping, chain: Mapping[], pods: Mapping[], missing: string[]): Promise<Collected> {
    const chosen = pods.slice(0, PODS_PER_WORKLOAD);
    const collected = await mapLimit(chosen, 2, (p) => this.pod(p, missing));
    const { namespace, kind, name } = keyOf(top);
    const nodesMissing = this.missingNodes.splice(0);
    return {
      ownerLabel: `k8s://${context}/${namespace}/${kind}/${name}`,
      owner: top,
      chain: chain.map((o) => `${keyOf(o).kind}/${keyOf(o).name}`),
      pods: collected,
      missing: [...missing, ...nodesMissing],
    };
  }

  /** `pod/NAME`, `deploy/NAME` and the like: the pod, or the workload's pods that are not ready. */
  async byReference(ref: { kind: string; name: string }, namespace: string): Promise<Collected> {
    const missing: string[] = [];
    const object = await this.get(ref.kind, namespace, ref.name);
    if (!object) {
      throw new ClusterError(
        `${ref.kind === 'Pod' ? 'pod' : ref.kind} "${ref.name}" not found in namespace "${namespace}"`,
      );
    }
    if (ref.kind === 'Pod') {
      const chain = await this.chain(object, missing);
      return this.story(this.client.context, chain[chain.length - 1] as Mapping, chain, [object], missing);
    }
    const pods = await listAll(this.client, PODS, { namespace });
    const mine: Mapping[] = [];
    for (const pod of pods) {
      const chain = await this.chainIfOwned(pod, object);
      if (chain) mine.push(pod);
    }
    const failing = mine.filter((p) => failingContainers(p).length > 0 || !ready(p));
    if (failing.length === 0) {
      throw new NothingFailing(
        `no pod of ${ref.kind} "${ref.name}" in namespace "${namespace}" is failing (${mine.length} pod${mine.length === 1 ? '' : 's'} found)`,
      );
    }
    const chain = await this.chain(failing[0] as Mapping, missing);
    return this.story(this.client.context, object, chain, failing, missing);
  }

  /** The pod's chain when it reaches `top` (by uid); undefined otherwise. Owners are fetched once. */
  private readonly owners = new Map<string, Promise<Mapping | undefined>>();
  private async chainIfOwned(pod: Mapping, top: Mapping): Promise<boolean> {
    const topUid = metadata(top).uid;
    let current: Mapping | undefined = pod;
    for (let depth = 0; current && depth < 8; depth++) {
      const link = controllerOf(current);
      if (!link) return false;
      if (link.uid !== undefined && link.uid === topUid) return true;
      if (link.kind === keyOf(top).kind && link.name === keyOf(top).name) return true;
      const key = `${link.kind}/${keyOf(current).namespace}/${link.name}`;
      let owner = this.owners.get(key);
      if (!owner) {
        owner = this.get(link.kind, keyOf(current).namespace, link.name).catch(() => undefined);
        this.owners.set(key, owner);
      }
      current = await owner;
    }
    return false;
  }

  /** `--failing`: every pod with a failing container, one story per top owner. */
  async failing(namespace: string | undefined): Promise<Collected[]> {
    const pods = (await listAll(this.client, PODS, namespace === undefined ? {} : { namespace })).filter(
      (p) => failingContainers(p).length > 0,
    );
    const stories = new Map<string, { top: Mapping; chain: Mapping[]; pods: Mapping[]; missing: string[] }>();
    for (const pod of pods) {
      const missing: string[] = [];
      const chain = await this.chain(pod, missing);
      const top = chain[chain.length - 1] as Mapping;
      const key = `${keyOf(top).kind}/${keyOf(top).namespace}/${keyOf(top).name}`;
      const story = stories.get(key);
      if (story) story.pods.push(pod);
      else stories.set(key, { top, chain, pods: [pod], missing });
    }
    const out: Collected[] = [];
    for (const story of stories.values()) {
      out.push(await this.story(this.client.context, story.top, story.chain, story.pods, story.missing));
    }
    return out;
  }
}

function ready(pod: Mapping): boolean {
  const status = isMapping(pod.status) ? pod.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isMapping) : [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True') || status.phase === 'Succeeded';
}

/** A workload was named and none of its pods is failing: nothing to diagnose (exit 1, not an error). */
export class NothingFailing extends Error {}
