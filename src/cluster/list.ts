// List calls that follow `continue` (a server may return fewer items than `limit` asks, and more pages
// after that), run a few at a time.
import type { Mapping } from '../core/extract.js';
import { ApiError, type KubeClient } from './client.js';

export interface Resource {
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

export function apiVersionOf(resource: Resource): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** The collection's path: `/api/v1/namespaces/NS/pods`, `/apis/apps/v1/deployments`. */
export function collectionPath(resource: Resource, namespace?: string): string {
  const base = resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
  return resource.namespaced && namespace !== undefined
    ? `${base}/namespaces/${encodeURIComponent(namespace)}/${resource.plural}`
    : `${base}/${resource.plural}`;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Items per page; 500, as kubectl asks. */
  limit?: number;
}

/** A server that keeps answering with more pages than this is not answering a list. */
const MAX_PAGES = 10_000;

/**
 * Every item of a collection. Items come back without `kind` and `apiVersion` (the list carries them),
 * so they are set on each item, as kubectl does. A continue token that expired (410 Gone) restarts the
 * list once, from the start.
 */
export async function listAll(client: KubeClient, resource: Resource, options: ListOptions = {}): Promise<Mapping[]> {
  const path = collectionPath(resource, options.namespace);
  for (let attempt = 0; ; attempt++) {
    try {
      return await pages(client, resource, path, options);
    } catch (error) {
      if (attempt === 0 && error instanceof ApiError && error.status === 410) continue;
      throw error;
    }
  }
}

async function pages(client: KubeClient, resource: Resource, path: string, options: ListOptions): Promise<Mapping[]> {
  const items: Mapping[] = [];
  const apiVersion = apiVersionOf(resource);
  let token: string | undefined;
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = (await client.getJson(path, {
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      limit: options.limit ?? 500,
      continue: token,
    })) as { items?: unknown; metadata?: { continue?: unknown } } | null;
    if (!body || typeof body !== 'object' || !Array.isArray(body.items)) {
      throw new ApiError(200, `the answer is not a ${resource.kind} list`, client.urlOf(path));
    }
    for (const item of body.items) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      // kind and apiVersion first, as `kubectl get -o json` prints them.
      items.push({ apiVersion, kind: resource.kind, ...(item as Mapping) });
    }
    const next = body.metadata?.continue;
    if (typeof next !== 'string' || next === '') return items;
    if (seen.has(next)) throw new ApiError(200, 'the server repeated a continue token', client.urlOf(path));
    seen.add(next);
    token = next;
  }
  throw new ApiError(200, `more than ${MAX_PAGES} pages`, client.urlOf(path));
}

/** Runs `work` over the items with at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
