// Owner chains over plain Kubernetes objects: Pod → ReplicaSet → Deployment, Pod → Job → CronJob, …
// A finding about a pod template belongs to the object a person edits, the top of the chain.
import { isMapping, type Mapping } from './extract.js';

export interface ObjectKey {
  kind: string;
  namespace: string;
  name: string;
}

export interface OwnerLink {
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

function meta(object: Mapping): Mapping {
  return isMapping(object.metadata) ? object.metadata : {};
}

export function keyOf(object: Mapping): ObjectKey {
  const m = meta(object);
  return {
    kind: typeof object.kind === 'string' ? object.kind : '',
    namespace: typeof m.namespace === 'string' ? m.namespace : '',
    name: typeof m.name === 'string' ? m.name : '',
  };
}

export function keyText(key: ObjectKey): string {
  return `${key.kind}/${key.namespace}/${key.name}`;
}

/** The controlling owner reference, or the first one when none is marked as controller. */
export function controllerOf(object: Mapping): OwnerLink | undefined {
  const refs = meta(object).ownerReferences;
  if (!Array.isArray(refs)) return undefined;
  const links: OwnerLink[] = [];
  for (const ref of refs) {
    if (!isMapping(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string') continue;
    const link: OwnerLink = { kind: ref.kind, name: ref.name };
    if (typeof ref.uid === 'string') link.uid = ref.uid;
    if (ref.controller === true) link.controller = true;
    links.push(link);
  }
  return links.find((l) => l.controller) ?? links[0];
}

/** Finds objects by uid, or by kind, namespace and name when an object or a reference has no uid. */
export class OwnerIndex<T extends Mapping = Mapping> {
  private readonly byUid = new Map<string, T>();
  private readonly byKey = new Map<string, T>();

  constructor(objects: Iterable<T> = []) {
    for (const object of objects) this.add(object);
  }

  add(object: T): void {
    const uid = meta(object).uid;
    if (typeof uid === 'string' && uid !== '') this.byUid.set(uid, object);
    this.byKey.set(keyText(keyOf(object)), object);
  }

  find(link: OwnerLink, namespace: string): T | undefined {
    if (link.uid) {
      const found = this.byUid.get(link.uid);
      if (found) return found;
    }
    const found = this.byKey.get(keyText({ kind: link.kind, namespace, name: link.name }));
    // A uid that differs means another object of the same name (deleted and recreated).
    const uid = found && meta(found).uid;
    if (found && link.uid && typeof uid === 'string' && uid !== link.uid) return undefined;
    return found;
  }
}

export interface OwnerChain<T extends Mapping = Mapping> {
  /** The object itself first, its top owner last. */
  chain: T[];
  top: T;
  /** The owner the top object names but that is not in the index (not read, or not a workload kind). */
  missing?: OwnerLink;
}

/** Follows controller references upwards through the index (loops and depth bounded). */
export function ownerChain<T extends Mapping>(object: T, index: OwnerIndex<T>): OwnerChain<T> {
  const chain: T[] = [object];
  let current = object;
  for (let depth = 0; depth < 16; depth++) {
    const link = controllerOf(current);
    if (!link) return { chain, top: current };
    const owner = index.find(link, keyOf(current).namespace);
    if (!owner) {
      // Nodes own static (mirror) pods; that is not a workload to report on.
      return link.kind === 'Node' ? { chain, top: current } : { chain, top: current, missing: link };
    }
    if (chain.includes(owner)) break;
    chain.push(owner);
    current = owner;
  }
  return { chain, top: current };
}
