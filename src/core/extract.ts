// Finds what the rules look at: Kubernetes objects, pod specs and their containers, and every
// capability list (in containers, pod security contexts, PSP/SCC, Helm values, compose files).
import { PrefixIndex } from './path.js';
import type { ObjectRef, Path, PathSegment } from './types.js';

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ExtractedObject {
  ref: ObjectRef;
  path: Path;
  value: Mapping;
  annotations: Record<string, string>;
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface PodSpecInfo {
  path: Path;
  value: Mapping;
  object?: ExtractedObject;
  /** Annotations of the object and of the pod template around this spec. */
  annotations: Record<string, string>;
  containers: ContainerInfo[];
}

export interface ContainerInfo {
  name?: string;
  group: ContainerGroup;
  path: Path;
  value: Mapping;
  podSpec: PodSpecInfo;
  securityContext?: Mapping;
}

/**
 * Where a capability list lives, which decides what its names mean:
 * - `container`: a container's securityContext in a pod spec (the runtime acts on it);
 * - `pod`: the pod-level securityContext, which has no such field;
 * - `security-context`: a securityContext outside a recognised pod spec (custom resources);
 * - `values`: any other `capabilities: {add, drop}` mapping, e.g. in Helm values;
 * - `psp`, `scc`: PodSecurityPolicy and OpenShift SecurityContextConstraints fields;
 * - `compose`: a compose service's cap_add/cap_drop (Docker semantics).
 */
export type OwnerKind = 'container' | 'pod' | 'security-context' | 'values' | 'psp' | 'scc' | 'compose';

export interface CapabilityEntry {
  value: unknown;
  path: Path;
}

export interface CapabilityList {
  direction: 'add' | 'drop';
  field: string;
  path: Path;
  entries: CapabilityEntry[];
  owner: CapabilityOwner;
}

export interface CapabilityOwner {
  kind: OwnerKind;
  /** Path of the mapping that holds the lists. */
  path: Path;
  object?: ExtractedObject;
  container?: ContainerInfo;
  podSpec?: PodSpecInfo;
  /** The securityContext the lists sit in, when there is one. */
  securityContext?: Mapping;
  securityContextPath?: Path;
  lists: CapabilityList[];
  /** Label for messages, e.g. the compose service name. */
  label?: string;
}

export interface Extracted {
  objects: ExtractedObject[];
  podSpecs: PodSpecInfo[];
  owners: CapabilityOwner[];
}

const GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];
const MAX_DEPTH = 64;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function annotationsOf(value: unknown): Record<string, string> {
  const metadata = isMapping(value) ? value.metadata : undefined;
  const annotations = isMapping(metadata) ? metadata.annotations : undefined;
  const out: Record<string, string> = {};
  if (isMapping(annotations)) {
    for (const key of Object.keys(annotations)) {
      const v = annotations[key];
      if (typeof v === 'string') out[key] = v;
    }
  }
  return out;
}

function collectObjects(value: unknown, path: Path, out: ExtractedObject[], depth = 0): void {
  if (!isMapping(value) || depth > 8) return;
  const kind = str(value.kind);
  if (kind === undefined) return;
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    value.items.forEach((item, i) => {
      collectObjects(item, [...path, 'items', i], out, depth + 1);
    });
    return;
  }
  const metadata = isMapping(value.metadata) ? value.metadata : {};
  const ref: ObjectRef = { kind };
  const apiVersion = str(value.apiVersion);
  if (apiVersion !== undefined) ref.apiVersion = apiVersion;
  const namespace = str(metadata.namespace);
  if (namespace !== undefined) ref.namespace = namespace;
  const name = str(metadata.name) ?? str(metadata.generateName);
  if (name !== undefined) ref.name = name;
  out.push({ ref, path, value, annotations: annotationsOf(value) });
}

function listAt(owner: CapabilityOwner, container: Mapping, field: string, direction: 'add' | 'drop'): void {
  const value = container[field];
  if (!Array.isArray(value)) return;
  const path = [...owner.path, field];
  owner.lists.push({
    direction,
    field,
    path,
    entries: value.map((v, i) => ({ value: v, path: [...path, i] })),
    owner,
  });
}

function isComposeFile(root: Mapping): boolean {
  const services = root.services;
  if (!isMapping(services)) return false;
  return Object.values(services).some(
    (s) => isMapping(s) && ('image' in s || 'build' in s || 'cap_add' in s || 'cap_drop' in s),
  );
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** Extracts the subjects of one document. */
export function extract(root: unknown): Extracted {
  const result: Extracted = { objects: [], podSpecs: [], owners: [] };
  collectObjects(root, [], result.objects);
  // A capabilities mapping the walk meets may already belong to a PodSecurityPolicy, SCC or compose owner
  // (found before the walk; the walk does not enter the pod specs whose owners it adds).
  let beforeWalk = 0;
  const claimed = (path: Path) => result.owners.slice(0, beforeWalk).some((o) => samePath(o.path, path));

  const addOwner = (owner: CapabilityOwner, mapping: Mapping, fields: [string, 'add' | 'drop'][]) => {
    for (const [field, direction] of fields) listAt(owner, mapping, field, direction);
    result.owners.push(owner);
  };

  const objects = new PrefixIndex(result.objects);
  const objectAt = (path: Path): ExtractedObject | undefined => objects.deepest(path);

  for (const object of result.objects) {
    const kind = object.ref.kind;
    const spec =
      kind === 'PodSecurityPolicy'
        ? object.value.spec
        : kind === 'SecurityContextConstraints'
          ? object.value
          : undefined;
    if (!isMapping(spec)) continue;
    const path = kind === 'PodSecurityPolicy' ? [...object.path, 'spec'] : object.path;
    const owner: CapabilityOwner = { kind: kind === 'PodSecurityPolicy' ? 'psp' : 'scc', path, object, lists: [] };
    addOwner(owner, spec, [
      ['allowedCapabilities', 'add'],
      ['defaultAddCapabilities', 'add'],
      ['requiredDropCapabilities', 'drop'],
    ]);
  }

  if (isMapping(root) && result.objects.length === 0 && isComposeFile(root)) {
    for (const [name, service] of Object.entries(root.services as Mapping)) {
      if (!isMapping(service)) continue;
      // The service mapping plays the securityContext's part: `privileged: true` sits right in it.
      const owner: CapabilityOwner = {
        kind: 'compose',
        path: ['services', name],
        lists: [],
        label: name,
        securityContext: service,
        securityContextPath: ['services', name],
      };
      addOwner(owner, service, [
        ['cap_add', 'add'],
        ['cap_drop', 'drop'],
      ]);
    }
  }

  const visitPodSpec = (spec: Mapping, path: Path, parent: Mapping | undefined) => {
    const object = objectAt(path);
    const podSpec: PodSpecInfo = {
      path,
      value: spec,
      annotations: { ...(object?.annotations ?? {}), ...annotationsOf(parent) },
      containers: [],
    };
    if (object) podSpec.object = object;
    result.podSpecs.push(podSpec);
    const podContext = spec.securityContext;
    if (isMapping(podContext) && isMapping(podContext.capabilities)) {
      const owner: CapabilityOwner = {
        kind: 'pod',
        path: [...path, 'securityContext', 'capabilities'],
        podSpec,
        securityContext: podContext,
        securityContextPath: [...path, 'securityContext'],
        lists: [],
      };
      if (object) owner.object = object;
      addOwner(owner, podContext.capabilities, [
        ['add', 'add'],
        ['drop', 'drop'],
      ]);
    }
    for (const group of GROUPS) {
      const list = spec[group];
      if (!Array.isArray(list)) continue;
      list.forEach((value, index) => {
        if (!isMapping(value)) return;
        const containerPath = [...path, group, index];
        const container: ContainerInfo = { group, path: containerPath, value, podSpec };
        const name = str(value.name);
        if (name !== undefined) container.name = name;
        const context = value.securityContext;
        if (isMapping(context)) container.securityContext = context;
        podSpec.containers.push(container);
        if (isMapping(context) && isMapping(context.capabilities)) {
          const owner: CapabilityOwner = {
            kind: 'container',
            path: [...containerPath, 'securityContext', 'capabilities'],
            container,
            podSpec,
            securityContext: context,
            securityContextPath: [...containerPath, 'securityContext'],
            lists: [],
          };
          if (object) owner.object = object;
          addOwner(owner, context.capabilities, [
            ['add', 'add'],
            ['drop', 'drop'],
          ]);
        }
      });
    }
  };

  // Only mappings and sequences are descended into. `at` is the path of the node being visited, grown
  // and shrunk in place: a copy is made only for what is found.
  const at: PathSegment[] = [];
  const walk = (value: object, parent: Mapping | undefined) => {
    if (at.length > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== 'object' || item === null) continue;
        at.push(i);
        walk(item, undefined);
        at.pop();
      }
      return;
    }
    const mapping = value as Mapping;
    const containers = mapping.containers;
    if (Array.isArray(containers) && containers.some(isMapping)) {
      visitPodSpec(mapping, [...at], parent);
      return;
    }
    const caps = mapping.capabilities;
    if (isMapping(caps) && ('add' in caps || 'drop' in caps)) {
      const path = [...at];
      const capsPath = [...path, 'capabilities'];
      if (!claimed(capsPath)) {
        const inContext = path[path.length - 1] === 'securityContext';
        const owner: CapabilityOwner = { kind: inContext ? 'security-context' : 'values', path: capsPath, lists: [] };
        if (inContext) {
          owner.securityContext = mapping;
          owner.securityContextPath = path;
        }
        const object = objectAt(path);
        if (object) owner.object = object;
        addOwner(owner, caps, [
          ['add', 'add'],
          ['drop', 'drop'],
        ]);
      }
    }
    for (const k of Object.keys(mapping)) {
      const child = mapping[k];
      if (typeof child !== 'object' || child === null) continue;
      if (k === 'capabilities' && isMapping(child)) continue;
      at.push(k);
      walk(child, mapping);
      at.pop();
    }
  };
  beforeWalk = result.owners.length;
  if (typeof root === 'object' && root !== null) walk(root, undefined);
  return result;
}
